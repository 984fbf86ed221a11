/**
 * The slot the resident's next words should fill. Usually the reply's `elicit-slot` step; but a
 * reply that only keeps a dialog going (a fallback mid-dialog: "Sorry, I didn't catch that")
 * still waits for the same slot, and on Dialogflow the agent must keep listening for it, or a
 * bare postcode said next would match nothing.
 */
import type { Reply } from '../../core/reply';
import type { SlotReader } from './read-slots';

export function awaitedSlot(reply: Reply, slots: SlotReader): { intent: string; slot: string } | undefined {
  if (reply.endSession) return undefined;
  const next = reply.next;
  const dialog = reply.session?.dialog;
  const asked = next?.type === 'elicit-slot' ? { intent: next.intent, slot: next.slot }
    : !next && dialog?.awaitingSlot ? { intent: dialog.intent, slot: dialog.awaitingSlot } : undefined;
  // Only the language model's slots have an Ask page (CX) or an Ask intent (ES).
  return asked && slots.slotNames(asked.intent).includes(asked.slot) ? asked : undefined;
}
