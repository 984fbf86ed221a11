/**
 * Name-free requests: Alexa asks "could you handle this?" before the resident has named the
 * skill. The answer is a judgement only: no side effects and no user needed. In a deployment of
 * several councils, the council a resident saved (picked before any handler runs,
 * councils/resident-council.ts) decides what can be offered.
 */
import { normalisePostcode } from '../postcode';
import type { CanFulfil, CanFulfilValue, Reply } from '../reply';
import type { HandlerContext, HandlerMap } from '../skill';
import { CAN_FULFIL } from '../intents';
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

type Offers = Pick<HandlerContext, 'council' | 'info'>;

function offers(needs: 'reports' | 'councilTax', scope: Offers): boolean {
  return needs === 'reports' ? !!scope.council.reports : !!scope.info.councilTax;
}

/**
 * Whether the service can do what `needs` names for this resident: their council's answer; before
 * their council is known, in a deployment of several, YES only when every council offers it, MAYBE
 * when some do (their address will say whether theirs does), NO when none does.
 */
function offered(needs: 'reports' | 'councilTax' | undefined, ctx: Pick<HandlerContext, 'council' | 'info' | 'councils' | 'councilId'>): CanFulfilValue {
  if (!needs) return 'YES';
  if (!ctx.councils || ctx.councilId !== undefined) return offers(needs, ctx) ? 'YES' : 'NO';
  const councils = ctx.councils.all;
  const count = councils.filter((c) => offers(needs, c)).length;
  return count === 0 ? 'NO' : count === councils.length ? 'YES' : 'MAYBE';
}

/** The answer to a can-fulfil turn (the platform asking whether the skill could take `turn`). */
export function judgeCanFulfil(turn: Turn, ctx: Pick<HandlerContext, 'council' | 'info' | 'councils' | 'councilId'>): CanFulfil {
  const policy = turn.intent ? ownValue(INTENTS, turn.intent) : undefined;
  const available = offered(policy?.needs, ctx);
  const configured = available !== 'NO';
  const slots = Object.fromEntries(Object.entries(turn.slots).map(([name, slot]) => [name, judgeSlot(policy ? ownValue(policy.slots, name) : undefined, slot)]));
  if (!policy || !configured) return { canFulfill: 'NO', slots };
  const judged = Object.values(slots);
  if (judged.some((s) => s.canUnderstand === 'NO' || s.canFulfill === 'NO')) return { canFulfill: 'NO', slots };
  const unsure = judged.some((s) => s.canUnderstand === 'MAYBE') || available === 'MAYBE';
  return { canFulfill: unsure && policy.fulfil === 'YES' ? 'MAYBE' : policy.fulfil, slots };
}

async function canFulfil(turn: Turn, ctx: HandlerContext): Promise<Reply> {
  return { speech: { parts: [] }, endSession: true, silent: true, canFulfil: judgeCanFulfil(turn, ctx) };
}

export const canFulfilHandlers: HandlerMap = {
  [CAN_FULFIL]: canFulfil,
};
