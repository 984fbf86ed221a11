/**
 * A sentence read as a bare answer to the slot the skill asked for ("12", "the green one",
 * "it's 12"), as the platforms' dialogs fill an elicited slot.
 */
import type { Sentence, SlotReading } from './sentence';
import type { SlotReader } from './slot-types';

/** Words of lead-in allowed ("it's", "it is", "that's", "I think it's"); each costs a little. */
const LEAD_IN = 4;
const LEAD_IN_COST = 0.05;

/** The whole sentence, less filler and a short lead-in, as a value of the reader's type. */
export function readBareAnswer(sentence: Sentence, reader: SlotReader): SlotReading | undefined {
  const n = sentence.words.length;
  let from = 0;
  let to = n;
  while (from < to && sentence.filler[from]) from++;
  while (to > from && sentence.filler[to - 1]) to--;
  let best: SlotReading | undefined;
  for (let start = from; start < Math.min(to, from + LEAD_IN); start++) {
    const reading = to - start <= reader.maxTokens ? reader.read(sentence, start, to) : undefined;
    const quality = reading ? reading.quality * (1 - LEAD_IN_COST * (start - from)) : 0;
    if (reading && quality > (best?.quality ?? 0)) best = { ...reading, quality };
  }
  return best;
}
