/**
 * The address lookup and the bin data, checked as a resident at `--postcode` and `--house`
 * would meet them: the addresses at the postcode, and the next collections at the house with
 * the stream each matched and every event that matched none.
 */
import type { CouncilConfig } from '../config/council-config';
import { matchHouse } from '../core/address/match-house';
import type { Address, BinInspection, Council } from '../core/council';
import { addDays, longDate } from '../core/dates';
import { findOverlappingWords } from '../connectors/bins/match-streams';
import { explainError } from './explain-error';
import { fail, info, ok, warn, type Section } from './findings';

/** How far ahead the check looks for the next collections and for events no stream matches. */
const LOOKAHEAD_DAYS = 42;
const SHOWN_COLLECTIONS = 4;

/** The addresses at the postcode, and the one at the house number. */
export async function checkAddresses(council: Council, postcode: string, house: string): Promise<{ section: Section; address?: Address }> {
  const section: Section = { title: `Addresses at ${postcode} (addresses)`, findings: [] };
  let addresses: Address[];
  try {
    addresses = await council.addresses.findAddresses(postcode);
  } catch (error) {
    section.findings.push(explainError(error, { url: 'addresses.url', key: 'addresses.key', what: 'The address lookup (OS Places)' }));
    return { section };
  }
  if (addresses.length === 0) {
    section.findings.push(fail(`The address lookup knows no addresses at ${postcode}`, 'addresses.url', 'check it is the council\'s (or OS Places\') address API, and that the postcode is in your area'));
    return { section };
  }
  for (const address of addresses) section.findings.push(info(`${address.label} (UPRN ${address.uprn})`));
  const [address, ...others] = matchHouse(addresses, house);
  if (!address) {
    section.findings.push(fail(`No address at ${postcode} matches house "${house}"`, '--house', 'give a house number or name from the list above'));
    return { section };
  }
  section.findings.push(ok(`House "${house}" is ${address.label}${others.length > 0 ? ` (and ${others.length} more, e.g. flats)` : ''}`));
  return { section, address };
}

/** Where the bins connector's address is set, for the messages. */
function binsUrlKey(config: CouncilConfig): string {
  const bins = config.bins as Record<string, unknown>;
  return Object.hasOwn(bins, 'urlTemplate') ? 'bins.urlTemplate' : 'bins.url';
}

function streamNames(config: CouncilConfig, ids: string[]): string {
  return ids.map((id) => {
    const stream = config.bins.streams.find((s) => s.id === id);
    return stream ? `${id} (${stream.container})` : id;
  }).join(', ');
}

/** The next collections with their streams, and every event that matched no stream. */
export async function checkBins(council: Council, config: CouncilConfig, address: Address, today: string): Promise<Section> {
  const section: Section = { title: `Next collections at ${address.label} (bins, ${config.bins.connector})`, findings: [] };
  // The config alone shows these, whatever the council's data says.
  for (const overlap of findOverlappingWords(config.bins.streams)) {
    section.findings.push(warn(
      `${overlap.stream}'s match word "${overlap.word}" is inside ${overlap.otherStream}'s "${overlap.within}": a "${overlap.within}" collection would be announced as ${overlap.stream} too`,
      'bins.streams[].match',
      `make "${overlap.word}" longer (e.g. "${overlap.word} bin") or remove it, so it only matches ${overlap.stream}'s own events`,
    ));
  }
  let inspection: BinInspection;
  try {
    inspection = council.bins.inspect
      ? await council.bins.inspect(address, today, LOOKAHEAD_DAYS)
      : { collections: await council.bins.upcomingCollections(address, today, LOOKAHEAD_DAYS), unmatched: [] };
  } catch (error) {
    section.findings.push(explainError(error, { url: binsUrlKey(config), what: 'The bin collection data' }));
    return section;
  }
  if (!council.bins.inspect) section.findings.push(warn('This bins connector cannot list events that matched no stream; only matched collections are shown.'));
  const coming = inspection.collections.filter((c) => c.status !== 'cancelled');
  if (coming.length === 0 && inspection.unmatched.length === 0) {
    section.findings.push(fail(`No collections at ${address.label} in the next ${LOOKAHEAD_DAYS / 7} weeks`, binsUrlKey(config), 'check the address gives this property\'s collections (open it in a browser with the UPRN filled in)'));
  }
  for (const collection of inspection.collections.slice(0, SHOWN_COLLECTIONS)) {
    const when = longDate(collection.date, 'en-GB');
    if (collection.status === 'cancelled') section.findings.push(info(`${when}: no collection (cancelled) of ${streamNames(config, collection.streams)}`));
    else section.findings.push(ok(`${when}: ${streamNames(config, collection.streams)}${collection.movedFrom ? `, moved from ${longDate(collection.movedFrom, 'en-GB')}` : ''}`));
  }
  for (const event of inspection.unmatched) {
    section.findings.push(fail(
      `"${event.text}" on ${longDate(event.date, 'en-GB')} matched no bin stream: residents would not hear about it`,
      'bins.streams[].match',
      `add a word from "${event.text}" to the match list of the stream it is`,
    ));
  }
  const seen = new Set(inspection.collections.flatMap((c) => c.streams));
  const unseen = config.bins.streams.filter((s) => !seen.has(s.id)).map((s) => s.id);
  if (unseen.length > 0) section.findings.push(info(`No ${unseen.join(', ')} collection between ${longDate(today, 'en-GB')} and ${longDate(addDays(today, LOOKAHEAD_DAYS - 1), 'en-GB')} (seasonal, or a match word missing)`));
  return section;
}
