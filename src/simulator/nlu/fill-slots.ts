/**
 * Slots the best sample did not place, found anywhere in the sentence: a bin type said before the
 * question, a reference number after "case", a postcode with words around it. What the sample's
 * alignment found stays, unless spotting finds a longer value of the same type ("band e" over "a").
 */
import { ownValue } from '../../core/own-value';
import type { IntentModel } from '../../language-model/language-model';
import { findDates, type DateReference } from './dates';
import type { Sentence, SlotReading } from './sentence';
import type { SlotReader } from './slot-types';
import { isTaken, spotNumbers, spotValue, type Spotted } from './spot';
import { spotStreet } from './spot-street';
import { spanWords } from './sentence';

function wordCount(reading: SlotReading): number {
  return reading.value.split(/\s+/).filter(Boolean).length;
}

/** The intent's slots, completed by spotting; `aligned` is what the best sample's alignment found. */
export function fillSlots(
  sentence: Sentence,
  intent: IntentModel | undefined,
  aligned: Record<string, SlotReading>,
  readers: Map<string, SlotReader>,
  dates: DateReference,
): Record<string, SlotReading> {
  if (!intent) return aligned;
  const slots: Record<string, SlotReading> = { ...aligned };
  const taken = new Array<boolean>(sentence.words.length).fill(false);
  const take = (spot: Spotted) => taken.fill(true, spot.from, spot.to);
  // Postcodes first: their digits are not house numbers or references.
  const order = [...intent.slots].sort((a, b) => rank(readers.get(a.type)) - rank(readers.get(b.type)));
  for (const slot of order) {
    const reader = readers.get(slot.type);
    if (!reader) continue;
    const have = ownValue(slots, slot.name);
    let spot: Spotted | undefined;
    if (reader.kind === 'values' || reader.kind === 'postcode') {
      spot = spotValue(sentence, reader, taken);
      if (spot && have && (spot.reading.id === have.id || wordCount(spot.reading) <= wordCount(have))) spot = undefined;
    } else if (!have && reader.kind === 'number') {
      spot = spotNumbers(sentence).filter((s) => !isTaken(taken, s.from, s.to)).sort((a, b) => (b.to - b.from) - (a.to - a.from))[0];
    } else if (!have && reader.streets) {
      spot = spotStreet(sentence, taken);
    } else if (!have && reader.kind === 'date') {
      const date = findDates(sentence, dates)[0];
      spot = date && { from: date.from, to: date.to, reading: { quality: 1, value: date.value } };
    }
    if (spot) {
      take(spot);
      slots[slot.name] = spot.reading;
    } else if (have) {
      markWords(sentence, have, taken);
    }
  }
  // Last, a value no span names, from its own words elsewhere in the sentence ("the drains keep overflowing").
  for (const slot of order) {
    const guess = Object.hasOwn(slots, slot.name) ? undefined : readers.get(slot.type)?.guess?.(sentence, taken);
    if (guess) slots[slot.name] = guess;
  }
  return slots;
}

/** Postcodes, then values, then the rest: a street comes after the issue type has taken its words. */
function rank(reader: SlotReader | undefined): number {
  return reader?.kind === 'postcode' ? 0 : reader?.kind === 'values' ? 1 : 2;
}

/** Marks where an aligned value's words are, so spotting leaves them to it. */
function markWords(sentence: Sentence, reading: SlotReading, taken: boolean[]): void {
  const words = reading.value.toLowerCase().split(/\s+/);
  for (let from = 0; from + words.length <= sentence.words.length; from++) {
    if (spanWords(sentence, from, from + words.length).join(' ') === words.join(' ')) taken.fill(true, from, from + words.length);
  }
}
