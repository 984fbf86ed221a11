/** Reads each intent's slot names from a built Alexa interaction model (ASK JSON). */

interface AskModelShape {
  interactionModel?: { languageModel?: { intents?: { name?: unknown; slots?: { name?: unknown }[] }[] } };
}

/** `{ SetAddressIntent: ['postcode', 'houseNumber'], ... }`, for Dialog directives' updatedIntent. */
export function readIntentSlots(model: unknown): Record<string, string[]> {
  const intents = (model as AskModelShape)?.interactionModel?.languageModel?.intents ?? [];
  const slots: Record<string, string[]> = {};
  for (const intent of intents) {
    if (typeof intent.name !== 'string' || !intent.slots?.length) continue;
    slots[intent.name] = intent.slots.map((slot) => slot.name).filter((name): name is string => typeof name === 'string');
  }
  return slots;
}
