/**
 * Council tax: public answers from the council's config (band charges, when and how to pay,
 * the single person discount) and, with a linked account only, the resident's own balance.
 * Personal figures are never spoken without a token the council's API has just accepted.
 */
import { instalmentDates, monthlyShare, monthName, nextInstalmentDate, ordinalDay } from '../council-tax/instalments';
import type { CouncilTaxInfo } from '../council-info';
import type { ReplyFacts } from '../facts';
import { localDate, longDate } from '../dates';
import { AccountLinkError } from '../errors';
import type { Reply } from '../reply';
import { answerThenOfferMore, ask } from '../replies';
import type { HandlerContext, HandlerMap } from '../skill';
import { joinSpeech, money, type Speech } from '../speech';
import type { Turn } from '../turn';

export const COUNCIL_TAX_CHARGE = 'CouncilTaxChargeIntent';
export const COUNCIL_TAX_PAYMENT = 'CouncilTaxPaymentIntent';
export const COUNCIL_TAX_BALANCE = 'CouncilTaxBalanceIntent';

const BANDS = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'];

function finish(turn: Turn, ctx: HandlerContext, speech: Speech, more: Partial<Reply> = {}): Reply {
  return answerThenOfferMore(ctx.t, speech, { ...turn.session, dialog: undefined }, more);
}

function contacts(ctx: HandlerContext): Record<string, string> {
  return { council: ctx.info.name, website: ctx.info.website, phone: ctx.info.phone };
}

/** The band the resident named: the resolved id, or a bare letter as heard ("d", "band d"). */
function bandFrom(turn: Turn): string | undefined {
  const slot = turn.slots.band;
  const candidate = (slot?.id ?? slot?.value?.trim().replace(/^band\s+/i, '').replace(/\.$/, '') ?? '').toUpperCase();
  return BANDS.includes(candidate) ? candidate : undefined;
}

function speakCharge(ctx: HandlerContext, tax: CouncilTaxInfo, band: string): Speech {
  const pence = tax.bandsPence[band];
  if (pence === undefined) return ctx.t.speak('tax:bandMissing', { band, website: ctx.info.website });
  return joinSpeech(
    ctx.t.speak('tax:charge', { band, year: tax.year, amount: money(pence) }),
    ctx.t.speak('tax:chargeMonthly', { instalments: tax.instalments, monthly: money(monthlyShare(pence, tax.instalments)) }),
  );
}

/** The charges for `bands` (every band the council lists when none is named), as data. */
function chargeFacts(tax: CouncilTaxInfo, bands: string[] = BANDS): ReplyFacts {
  const charges = bands.flatMap((band) => {
    const annualPence = tax.bandsPence[band];
    return annualPence === undefined ? [] : [{ band, annualPence, instalmentPence: monthlyShare(annualPence, tax.instalments) }];
  });
  return { kind: 'council-tax-charges', year: tax.year, instalments: tax.instalments, charges };
}

/** After a charge, the natural next question is another band; the dialog is over either way. */
function offerAnotherBand(turn: Turn, ctx: HandlerContext, speech: Speech, facts?: ReplyFacts): Reply {
  return ask(joinSpeech(speech, ctx.t.speak('tax:anotherBand')), ctx.t.speak('tax:anotherBandReprompt'), {
    session: { ...turn.session, dialog: undefined },
    facts,
  });
}

function askBand(turn: Turn, ctx: HandlerContext, prefix?: Speech, facts?: ReplyFacts): Reply {
  return ask(joinSpeech(prefix, ctx.t.speak('tax:askBand')), ctx.t.speak('tax:askBandReprompt'), {
    next: { type: 'elicit-slot', intent: COUNCIL_TAX_CHARGE, slot: 'band', slots: {} },
    session: { ...turn.session, dialog: { intent: COUNCIL_TAX_CHARGE, slots: {}, awaitingSlot: 'band' } },
    facts,
  });
}

/** The band of the resident's saved home, when the council's API can tell. */
async function ownBand(turn: Turn, ctx: HandlerContext): Promise<{ band: string; address: string } | undefined> {
  const api = ctx.council.councilTax;
  if (!api?.bandFor || !turn.userId) return undefined;
  const address = (await ctx.profiles.get(turn.userId))?.address;
  if (!address) return undefined;
  try {
    const band = (await api.bandFor(address.uprn))?.toUpperCase();
    return band && BANDS.includes(band) ? { band, address: address.label } : undefined;
  } catch (error) {
    // Not knowing the band is no failure: the resident hears how to find it instead.
    ctx.logger.warn({ err: error }, 'council tax band lookup failed');
    return undefined;
  }
}

function bandRange(ctx: HandlerContext, tax: CouncilTaxInfo): Speech | undefined {
  const known = BANDS.filter((b) => tax.bandsPence[b] !== undefined);
  const lowest = known[0];
  const highest = known[known.length - 1];
  if (!lowest || !highest || lowest === highest) return undefined;
  return ctx.t.speak('tax:bandRange', {
    year: tax.year,
    lowest: money(tax.bandsPence[lowest] ?? 0),
    lowestBand: lowest,
    highest: money(tax.bandsPence[highest] ?? 0),
    highestBand: highest,
  });
}

async function handleCharge(turn: Turn, ctx: HandlerContext): Promise<Reply> {
  const tax = ctx.info.councilTax;
  if (!tax) return finish(turn, ctx, ctx.t.speak('tax:notAvailable', contacts(ctx)));
  const band = bandFrom(turn);
  if (band) return offerAnotherBand(turn, ctx, speakCharge(ctx, tax, band), chargeFacts(tax, [band]));
  if (turn.slots.band?.value) return askBand(turn, ctx, ctx.t.speak('tax:unknownBand'), chargeFacts(tax));
  // No band named: "what band am I in?" or "how much is council tax?" — one answer serves both.
  const own = await ownBand(turn, ctx);
  if (own) return offerAnotherBand(turn, ctx, joinSpeech(ctx.t.speak('tax:yourBand', own), speakCharge(ctx, tax, own.band)), chargeFacts(tax, [own.band]));
  const findOut = ctx.t.speak('tax:findYourBand', { url: tax.bandLookupUrl ?? ctx.info.website });
  return askBand(turn, ctx, joinSpeech(bandRange(ctx, tax), findOut), chargeFacts(tax));
}

async function handlePayment(turn: Turn, ctx: HandlerContext): Promise<Reply> {
  const tax = ctx.info.councilTax;
  if (!tax) return finish(turn, ctx, ctx.t.speak('tax:notAvailable', contacts(ctx)));
  const dates = instalmentDates(tax);
  const first = dates[0] ?? '';
  const last = dates[dates.length - 1] ?? '';
  const next = nextInstalmentDate(dates, localDate(ctx.clock.now(), ctx.info.timeZone));
  const methods = new Intl.ListFormat(ctx.t.locale, { type: 'disjunction' }).format(tax.paymentMethods);
  const speech = joinSpeech(
    ctx.t.speak('tax:payment', {
      instalments: tax.instalments,
      day: ordinalDay(tax.instalmentDay, ctx.t.locale),
      firstMonth: monthName(first, ctx.t.locale),
      lastMonth: monthName(last, ctx.t.locale),
    }),
    next ? ctx.t.speak('tax:paymentNext', { date: longDate(next, ctx.t.locale) }) : undefined,
    tax.instalments < 12 ? ctx.t.speak('tax:paymentTwelve') : undefined,
    tax.paymentMethods.length > 0 ? ctx.t.speak('tax:paymentMethods', { methods }) : undefined,
    tax.singlePersonDiscountPercent > 0
      ? ctx.t.speak('tax:discount', { percent: tax.singlePersonDiscountPercent, website: ctx.info.website })
      : undefined,
  );
  return finish(turn, ctx, speech);
}

/** Asks the resident to link their account, with the platform's sign-in card. */
function linkAccount(turn: Turn, ctx: HandlerContext, key: 'tax:linkNeeded' | 'tax:linkExpired'): Reply {
  return finish(turn, ctx, ctx.t.speak(key, { council: ctx.info.name }), { next: { type: 'link-account' } });
}

async function handleBalance(turn: Turn, ctx: HandlerContext): Promise<Reply> {
  const api = ctx.council.councilTax;
  if (!api) return finish(turn, ctx, ctx.t.speak('tax:noAccountApi', contacts(ctx)));
  // One skill has one account-linking sign-in; a council whose accounts do not take its tokens cannot answer here.
  if (ctx.info.acceptsSignIn === false) return finish(turn, ctx, ctx.t.speak('tax:balanceOnWebsite', contacts(ctx)));
  if (!turn.accessToken) return linkAccount(turn, ctx, 'tax:linkNeeded');
  let account;
  try {
    account = await api.account(turn.accessToken);
  } catch (error) {
    // An expired or revoked link is the resident's to renew, not a failure to apologise for.
    if (error instanceof AccountLinkError) return linkAccount(turn, ctx, 'tax:linkExpired');
    throw error;
  }
  const year = ctx.info.councilTax?.year ?? '';
  let speech: Speech;
  if (account.balancePence > 0) speech = ctx.t.speak('tax:balance', { year, amount: money(account.balancePence) });
  else if (account.balancePence < 0) speech = ctx.t.speak('tax:balanceCredit', { amount: money(-account.balancePence) });
  else speech = ctx.t.speak('tax:balancePaid', { year });
  const next = account.nextInstalment;
  const owing = next && account.balancePence > 0 ? next : undefined;
  if (owing) {
    speech = joinSpeech(speech, ctx.t.speak('tax:nextInstalment', { amount: money(owing.amountPence), date: longDate(owing.date, ctx.t.locale) }));
  }
  return finish(turn, ctx, speech, { facts: { kind: 'council-tax-balance', year, balancePence: account.balancePence, nextInstalment: owing } });
}

export const councilTaxHandlers: HandlerMap = {
  [COUNCIL_TAX_CHARGE]: handleCharge,
  [COUNCIL_TAX_PAYMENT]: handlePayment,
  [COUNCIL_TAX_BALANCE]: handleBalance,
};
