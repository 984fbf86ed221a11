/**
 * In a deployment of several councils, an address is only saved once a council of the
 * deployment owns it; otherwise the resident hears which councils the service covers and how to
 * find their own council, and nothing about them is kept.
 */
import type { Address } from '../council';
import type { Reply } from '../reply';
import { ask, listOf } from '../replies';
import type { SessionState } from '../session';
import type { HandlerContext } from '../skill';
import { joinSpeech, type Speech } from '../speech';

/** Up to this many councils are named; past it the resident hears how many there are. */
const NAMED_COUNCILS = 4;

/** True when this deployment can answer for `home` (always, with one council). */
export function isCovered(ctx: HandlerContext, home: Pick<Address, 'postcode' | 'custodianCode'>): boolean {
  return !ctx.councils || ctx.councils.ownerOf(home) !== undefined;
}

/** What the service covers, said so a resident can tell whether to try again. */
function coverage(ctx: HandlerContext): Speech {
  const councils = ctx.councils?.all ?? [];
  if (councils.length <= NAMED_COUNCILS) {
    return ctx.t.speak('address:coversNamed', { councils: listOf(councils.map((c) => c.info.name), ctx.t.locale) });
  }
  const area = ctx.councils?.area;
  return area
    ? ctx.t.speak('address:coversCountIn', { count: councils.length, area })
    : ctx.t.speak('address:coversCount', { count: councils.length });
}

/** The reply for an address no council of the deployment owns: the dialog ends, nothing saved. */
export function notCovered(ctx: HandlerContext, session: SessionState, where: string): Reply {
  const speech = ctx.t.speak('address:notCovered', { address: where });
  const rest = { ...session, dialog: undefined, resume: undefined };
  const spoken = joinSpeech(speech, coverage(ctx), ctx.t.speak('address:findYourCouncil'));
  return ask(spoken, ctx.t.speak('common:anythingElseReprompt'), { session: rest });
}

/** Said once the address is saved, when it puts the resident with a council they were not with. */
export function councilChange(ctx: HandlerContext, home: Pick<Address, 'postcode' | 'custodianCode'>): { councilId?: string; speech?: Speech } {
  const owner = ctx.councils?.ownerOf(home);
  if (!owner) return {};
  if (owner.id === ctx.councilId) return { councilId: owner.id };
  return { councilId: owner.id, speech: ctx.t.speak('address:councilIs', { council: owner.info.name }) };
}
