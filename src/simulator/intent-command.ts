/**
 * An intent typed directly, for staff testing a handler without the words:
 * `GetBinCollectionIntent binType=RECYCLING`, `ReportIssueIntent issueType=POTHOLE location="Mill Lane"`.
 * Only the model's own intent names count, so an ordinary sentence is never read as one.
 */

export interface IntentCommand {
  intent: string;
  /** Slot words or ids as typed; the simulator resolves them as the slot's type would. */
  slots: Record<string, string>;
}

const SLOT = /^([a-zA-Z]\w*)=(?:"([^"]*)"|'([^']*)'|(\S+))\s*/;

/** The intent and slots typed, or undefined when the text is not an intent of the model. */
export function readIntentCommand(text: string, intentNames: readonly string[]): IntentCommand | undefined {
  const trimmed = text.trim();
  const name = /^\S+/.exec(trimmed)?.[0] ?? '';
  if (!intentNames.includes(name)) return undefined;
  let rest = trimmed.slice(name.length).trim();
  const slots = new Map<string, string>();
  while (rest.length > 0) {
    const match = SLOT.exec(rest);
    if (!match) return undefined;
    slots.set(match[1] ?? '', match[2] ?? match[3] ?? match[4] ?? '');
    rest = rest.slice(match[0].length);
  }
  return { intent: name, slots: Object.fromEntries(slots) };
}
