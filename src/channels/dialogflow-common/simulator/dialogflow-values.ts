/**
 * Slot values as Dialogflow hands them to a webhook: a custom entity's reference value (our
 * id), numbers as numbers, dates in each edition's own shape, free text as said.
 */
import type { LanguageModel } from '../../../language-model/language-model';
import type { NluSlot } from '../../../simulator/nlu/create-nlu';
import { slotTypeOf } from '../../../simulator/platform-bridge';

export type DialogflowEdition = 'cx' | 'es';

export function dialogflowValue(model: LanguageModel, intent: string, slot: string, value: NluSlot, edition: DialogflowEdition): unknown {
  const type = slotTypeOf(model, intent, slot);
  if (value.id) return value.id;
  if (type === 'NUMBER' && /^\d+$/.test(value.value)) return Number(value.value);
  if (type === 'DATE' && /^\d{4}-\d{2}-\d{2}$/.test(value.value)) {
    const [year, month, day] = value.value.split('-').map(Number);
    // CX: a google.type.Date-like object; ES: an ISO date-time at noon, as @sys.date gives.
    return edition === 'cx' ? { year, month, day } : `${value.value}T12:00:00+00:00`;
  }
  return value.value;
}
