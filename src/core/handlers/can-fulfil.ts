/**
 * Name-free requests: Alexa asks "could you handle this?" before the resident has named the
 * skill. The answer is a judgement only: no side effects, no profile read, no user needed.
 */
import { normalisePostcode } from '../postcode';
import type { CanFulfil, CanFulfilValue, Reply } from '../reply';
import { CAN_FULFIL, type HandlerContext, type HandlerMap } from '../skill';
import type { SlotValue, Turn } from '../turn';
import { ownValue } from '../own-value';

type SlotRule = 'resolved-id' | 'postcode' | 'free';

/** Our intents, how sure we can be without knowing the resident, and how to judge each slot. */
const INTENTS: Record<string, { fulfil: CanFulfilValue; slots: Record<string, SlotRule>; needs?: 'reports' | 'councilTax' }> = {
  GetBinCollectionIntent: { fulfil: 'YES', slots: { binType: 'resolved-id', date: 'free' } },
  SetAddressIntent: { fulfil: 'YES', slots: { postcode: 'postcode', houseNumber: 'free' } },
  SetBinReminderIntent: { fulfil: 'YES', slots: {} },
  StopBinRemindersIntent: { fulfil: 'YES', slots: {} },
  ReportIssueIntent: { fulfil: 'YES', slots: { issueType: 'resolved-id', location: 'free', description: 'free' }, needs: 'reports' },
  CheckReportStatusIntent: { fulfil: 'YES', slots: { reference: 'free' }, needs: 'reports' },
  CouncilTaxChargeIntent: { fulfil: 'YES', slots: { band: 'resolved-id' }, needs: 'councilTax' },
  CouncilTaxPaymentIntent: { fulfil: 'YES', slots: {}, needs: 'councilTax' },
  // A balance needs a linked council account, which a name-free request cannot know about.
  CouncilTaxBalanceIntent: { fulfil: 'MAYBE', slots: {}, needs: 'councilTax' },
};

function judgeSlot(rule: SlotRule | undefined, slot: SlotValue): { canUnderstand: CanFulfilValue; canFulfill: CanFulfilValue } {
  if (slot.value === undefined && slot.id === undefined) return { canUnderstand: 'YES', canFulfill: 'YES' };
  if (rule === 'resolved-id') return slot.id ? { canUnderstand: 'YES', canFulfill: 'YES' } : { canUnderstand: 'NO', canFulfill: 'NO' };
  if (rule === 'postcode') return normalisePostcode(slot.value) ? { canUnderstand: 'YES', canFulfill: 'YES' } : { canUnderstand: 'MAYBE', canFulfill: 'YES' };
  if (rule === 'free') return { canUnderstand: 'YES', canFulfill: 'YES' };
  return { canUnderstand: 'NO', canFulfill: 'NO' };
}

/** The answer to a can-fulfil turn (the platform asking whether the skill could take `turn`). */
export function judgeCanFulfil(turn: Turn, ctx: Pick<HandlerContext, 'council' | 'info'>): CanFulfil {
  const policy = turn.intent ? ownValue(INTENTS, turn.intent) : undefined;
  const configured = !policy?.needs || (policy.needs === 'reports' ? !!ctx.council.reports : !!ctx.info.councilTax);
  const slots = Object.fromEntries(Object.entries(turn.slots).map(([name, slot]) => [name, judgeSlot(policy ? ownValue(policy.slots, name) : undefined, slot)]));
  if (!policy || !configured) return { canFulfill: 'NO', slots };
  const judged = Object.values(slots);
  if (judged.some((s) => s.canUnderstand === 'NO' || s.canFulfill === 'NO')) return { canFulfill: 'NO', slots };
  const unsure = judged.some((s) => s.canUnderstand === 'MAYBE');
  return { canFulfill: unsure && policy.fulfil === 'YES' ? 'MAYBE' : policy.fulfil, slots };
}

async function canFulfil(turn: Turn, ctx: HandlerContext): Promise<Reply> {
  return { speech: { parts: [] }, endSession: true, silent: true, canFulfil: judgeCanFulfil(turn, ctx) };
}

export const canFulfilHandlers: HandlerMap = {
  [CAN_FULFIL]: canFulfil,
};
