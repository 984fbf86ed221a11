/**
 * Finds the resident's home among the addresses at their postcode from what they said:
 * "twelve", "12a", "flat 3", "number 4", "Rose Cottage".
 */
import type { Address } from '../council';
import { wordsToDigits } from '../spoken-numbers';

const FILLER = /\b(number|no|house|home|it's|its|it|is|my|called|the house is|at|i live at)\b/g;

function simplify(text: string): string {
  return wordsToDigits(text.toLowerCase().replace(/[.,']/g, ' ')).replace(FILLER, ' ').replace(/\s+/g, ' ').trim();
}

function tokens(text: string): string[] {
  return simplify(text).split(' ').filter(Boolean);
}

/** Every address that fits what the resident said; best matches only. */
export function matchHouse(candidates: Address[], spoken: string): Address[] {
  const said = simplify(spoken);
  if (!said) return [];
  const saidTokens = said.split(' ');

  // A bare number ("12", "12a") is the building number; flats at that number all match.
  if (/^\d+[a-z]?$/.test(said)) {
    const byNumber = candidates.filter((a) => (a.buildingNumber ?? '').toLowerCase() === said);
    if (byNumber.length > 0) return byNumber;
  }
  // Otherwise every word said must appear in the address, e.g. "flat 3 12" or "rose cottage".
  const labelled = candidates.filter((a) => {
    const words = new Set(tokens(`${a.buildingName ?? ''} ${a.label}`));
    return saidTokens.every((t) => words.has(t));
  });
  if (labelled.length > 0) return labelled;
  // A name heard slightly differently ("rose cottages"): match on the name's start.
  return candidates.filter((a) => a.buildingName && simplify(a.buildingName).startsWith(said.slice(0, Math.max(4, said.length - 2))));
}
