/**
 * Finding and remembering the resident's home: the device's postcode when the platform can
 * share it (with the resident's permission), otherwise the postcode by voice; then the house
 * number or name, a confirmation, and the UPRN saved to the resident's profile.
 */
import { addressDialogData, addressSession, SET_ADDRESS, slimAddress, type AddressDialogData } from '../address/address-dialog';
import { councilChange, isCovered, notCovered } from '../address/council-coverage';
import { matchHouse } from '../address/match-house';
import type { Address } from '../council';
import { normalisePostcode } from '../postcode';
import type { ResidentProfile, SavedAddress } from '../profile';
import type { Reply } from '../reply';
import { ask, listOf } from '../replies';
import type { SessionState } from '../session';
import type { HandlerContext, HandlerMap } from '../skill';
import { joinSpeech } from '../speech';
import type { SlotValue, Turn } from '../turn';

const MAX_POSTCODE_ATTEMPTS = 3;
const EXAMPLES_SPOKEN = 3;

type Resume = { intent: string; slots: Record<string, SlotValue> };

/**
 * The resident's saved address, or a reply that starts the address dialog and will resume
 * `resume` once the address is confirmed.
 */
export async function requireAddress(turn: Turn, ctx: HandlerContext, resume: Resume): Promise<{ address: SavedAddress; profile: ResidentProfile } | { reply: Reply }> {
  // A property the caller named stands in for the saved address, and nothing is saved.
  const named = turn.property;
  if (named) {
    const label = named.label ?? ctx.t.text('address:propertyByUprn', { uprn: named.uprn });
    return { address: { uprn: named.uprn, label, postcode: named.postcode ?? '' }, profile: { userId: turn.userId } };
  }
  const profile = turn.userId ? await ctx.profiles.get(turn.userId) : undefined;
  if (profile?.address) return { address: profile.address, profile };
  return { reply: await startAddressDialog(turn, ctx, resume) };
}

/**
 * In a deployment of several councils, the handlers in `handlers` need the resident's council:
 * until their address says which it is, they first ask for it, then carry on.
 */
export function needingCouncil(handlers: HandlerMap): HandlerMap {
  return Object.fromEntries(Object.entries(handlers).map(([intent, handler]) => [intent, Object.assign(async (turn: Turn, ctx: HandlerContext) => {
    if (ctx.councils && ctx.councilId === undefined) {
      // A property the caller named: no council of ours owns it, or its postcode is needed to tell.
      if (turn.property) return propertyNotPlaced(turn.property, turn, ctx);
      return startAddressDialog(turn, ctx, { intent, slots: turn.slots });
    }
    return handler(turn, ctx);
  }, { requires: handler.requires })]));
}

function propertyNotPlaced(property: NonNullable<Turn['property']>, turn: Turn, ctx: HandlerContext): Reply {
  const where = property.label ?? ctx.t.text('address:propertyByUprn', { uprn: property.uprn });
  if (property.postcode) return notCovered(ctx, turn.session, where);
  return ask(ctx.t.speak('address:propertyNeedsPostcode', { address: where }), ctx.t.speak('common:anythingElseReprompt'), { session: turn.session });
}

async function startAddressDialog(turn: Turn, ctx: HandlerContext, resume?: Resume): Promise<Reply> {
  const session: SessionState = { ...turn.session, resume };
  const lookup = turn.device.lookupPostcode ? await turn.device.lookupPostcode() : { kind: 'unavailable' as const };
  if (lookup.kind === 'found') {
    const postcode = normalisePostcode(lookup.postcode);
    if (postcode) return offerHomes(turn, ctx, { postcode }, session, undefined);
  }
  if (lookup.kind === 'no-permission') {
    return askPostcode(ctx, session, {}, ctx.t.speak('address:permissionCard'), { permissionCard: 'address' });
  }
  return askPostcode(ctx, session, {}, ctx.t.speak('address:needAddress'));
}

function askPostcode(ctx: HandlerContext, session: SessionState, data: AddressDialogData, speech = ctx.t.speak('address:askPostcode'), more: Partial<Reply> = {}): Reply {
  const next = { ...data, postcode: undefined, candidates: undefined, chosen: undefined };
  return ask(speech, ctx.t.speak('address:askPostcodeReprompt'), {
    next: { type: 'elicit-slot', intent: SET_ADDRESS, slot: 'postcode', slots: {} },
    session: addressSession(session, next, { slot: 'postcode' }),
    ...more,
  });
}

function askHouse(ctx: HandlerContext, session: SessionState, data: AddressDialogData, speech = ctx.t.speak('address:askHouse')): Reply {
  const next = { ...data, chosen: undefined };
  return ask(speech, ctx.t.speak('address:askHouseReprompt'), {
    next: { type: 'elicit-slot', intent: SET_ADDRESS, slot: 'houseNumber', slots: { postcode: { value: data.postcode } } },
    session: addressSession(session, next, { slot: 'houseNumber' }),
  });
}

function confirmHome(ctx: HandlerContext, session: SessionState, data: AddressDialogData, home: Address): Reply {
  if (!isCovered(ctx, home)) return notCovered(ctx, session, home.label);
  const next = { ...data, chosen: slimAddress(home) };
  return ask(ctx.t.speak('address:confirm', { address: home.label }), ctx.t.speak('address:confirmReprompt', { address: home.label }), {
    next: { type: 'confirm-intent', intent: SET_ADDRESS, slots: { postcode: { value: data.postcode }, houseNumber: { value: home.buildingNumber ?? home.buildingName ?? home.label } } },
    session: addressSession(session, next, { confirm: true }),
  });
}

/** "12 High Street, 14 High Street, Rose Cottage and 9 more". */
function examplesOf(homes: Address[], ctx: HandlerContext): string {
  const shown = homes.slice(0, EXAMPLES_SPOKEN).map((h) => h.label);
  if (homes.length > EXAMPLES_SPOKEN) shown.push(ctx.t.text('address:manyMore', { count: homes.length - EXAMPLES_SPOKEN }));
  return listOf(shown, ctx.t.locale);
}

/** The homes still in the running, as data for channels that return it. */
function withAddresses(reply: Reply, postcode: string, homes: Address[]): Reply {
  const addresses = homes.map(({ uprn, label, postcode: own, custodianCode }) => ({ uprn, label, postcode: own || postcode, ...(custodianCode === undefined ? {} : { custodianCode }) }));
  return { ...reply, facts: { kind: 'addresses', postcode, addresses } };
}

/** With a postcode known: look up its homes and narrow them down by what the resident said. */
async function offerHomes(turn: Turn, ctx: HandlerContext, data: AddressDialogData, session: SessionState, house: string | undefined): Promise<Reply> {
  const postcode = data.postcode ?? '';
  // With several councils the postcode, not the resident's current council, says where to look: they may have moved.
  const finder = (ctx.councils?.unplaced ?? ctx.council).addresses;
  const candidates = data.candidates ?? (await finder.findAddresses(postcode)).map(slimAddress);
  if (candidates.length === 0) {
    return withAddresses(askPostcode(ctx, session, data, ctx.t.speak('address:noAddresses', { postcode })), postcode, []);
  }
  if (!candidates.some((home) => isCovered(ctx, home))) return notCovered(ctx, session, postcode);
  const known = { ...data, postcode, candidates };
  if (!house) {
    const reply = candidates.length === 1 && candidates[0] ? confirmHome(ctx, session, known, candidates[0]) : askHouse(ctx, session, known);
    return withAddresses(reply, postcode, candidates);
  }
  const matches = matchHouse(candidates, house);
  if (matches.length === 1 && matches[0]) return withAddresses(confirmHome(ctx, session, known, matches[0]), postcode, matches);
  if (matches.length > 1) {
    const speech = ctx.t.speak('address:severalMatches', { count: matches.length, examples: examplesOf(matches, ctx) });
    return withAddresses(askHouse(ctx, session, { ...known, candidates: matches }, speech), postcode, matches);
  }
  // No match: the facts list none, so a caller never mistakes the postcode's homes for a match.
  return withAddresses(askHouse(ctx, session, known, ctx.t.speak('address:houseNotFound', { house, postcode, examples: examplesOf(candidates, ctx) })), postcode, []);
}

async function saveAndResume(turn: Turn, ctx: HandlerContext, home: Address): Promise<Reply> {
  if (!isCovered(ctx, home)) return notCovered(ctx, turn.session, home.label);
  const { councilId, speech: moved } = councilChange(ctx, home);
  const address: SavedAddress = { uprn: home.uprn, label: home.label, postcode: home.postcode, ...(councilId === undefined ? {} : { councilId }) };
  if (home.buildingNumber) address.buildingNumber = home.buildingNumber;
  if (home.buildingName) address.buildingName = home.buildingName;
  const profile = (await ctx.profiles.get(turn.userId)) ?? { userId: turn.userId };
  await ctx.profiles.put({ ...profile, address });
  const resume = turn.session.resume;
  const rest: SessionState = { ...turn.session, dialog: undefined, resume: undefined };
  if (!resume) {
    const speech = moved
      ? joinSpeech(ctx.t.speak('address:saved', { address: home.label }), moved, ctx.t.speak('address:whatNow'))
      : ctx.t.speak('address:savedAnythingElse', { address: home.label });
    return ask(speech, ctx.t.speak('common:anythingElseReprompt'), { session: rest });
  }
  const answer = await ctx.dispatch(resume.intent, { ...turn, intent: resume.intent, slots: resume.slots, confirmation: 'NONE', session: rest });
  return { ...answer, speech: joinSpeech(ctx.t.speak('address:saved', { address: home.label }), moved, answer.speech) };
}

async function handleSetAddress(turn: Turn, ctx: HandlerContext): Promise<Reply> {
  const data = addressDialogData(turn.session);
  const session = turn.session;
  if (turn.confirmation === 'CONFIRMED' && data.chosen) return saveAndResume(turn, ctx, data.chosen);
  if (turn.confirmation === 'DENIED') {
    if ((data.candidates?.length ?? 0) > 1) return askHouse(ctx, session, data, ctx.t.speak('address:denied'));
    return askPostcode(ctx, session, data, ctx.t.speak('address:deniedPostcode'));
  }

  const spoken = turn.slots.postcode?.value;
  let known = data;
  if (spoken) {
    const postcode = normalisePostcode(spoken);
    if (!postcode) {
      const attempts = (data.postcodeAttempts ?? 0) + 1;
      if (attempts >= MAX_POSTCODE_ATTEMPTS) {
        const speech = ctx.t.speak('address:badPostcodeGiveUp', { website: ctx.info.website, phone: ctx.info.phone });
        return ask(speech, ctx.t.speak('common:anythingElseReprompt'), { session: { ...session, dialog: undefined, resume: undefined } });
      }
      return askPostcode(ctx, session, { ...data, postcodeAttempts: attempts }, ctx.t.speak('address:badPostcode'));
    }
    // A different postcode starts the search again.
    if (postcode !== data.postcode) known = { postcodeAttempts: data.postcodeAttempts, postcode };
  }
  if (!known.postcode) {
    const isNewRequest = turn.session.dialog?.intent !== SET_ADDRESS;
    return isNewRequest ? askPostcode(ctx, session, known, ctx.t.speak('address:changeAddress')) : askPostcode(ctx, session, known);
  }
  return offerHomes(turn, ctx, known, session, turn.slots.houseNumber?.value);
}

export const addressHandlers: HandlerMap = {
  [SET_ADDRESS]: handleSetAddress,
};
