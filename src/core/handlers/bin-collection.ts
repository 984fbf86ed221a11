/**
 * "When is my bin day?", "When is the recycling collected?", "Is my bin collected tomorrow?"
 */
import { cancelled, happening } from '../bins/collection-status';
import { collectionsCard, collectionsVisual, describeNext, sayBins, sayCancellations, streamsOf } from '../bins/describe-collections';
import { sayWhen } from '../bins/speak-dates';
import type { BinStream, Collection } from '../council';
import { daysBetween, isIsoDate, localDate, longDate } from '../dates';
import { collectionFacts } from '../facts';
import type { ResidentProfile, SavedAddress } from '../profile';
import type { Reply } from '../reply';
import { answerThenOfferMore } from '../replies';
import type { HandlerContext, HandlerMap } from '../skill';
import { joinSpeech, type Speech } from '../speech';
import type { Turn } from '../turn';
import { requireAddress } from './address';
import { renewalHint } from './bin-reminders';

export const GET_BIN_COLLECTION = 'GetBinCollectionIntent';

/** Four weeks covers alternate-week and fortnightly streams, with room for a holiday move. */
const LOOKAHEAD_DAYS = 28;
/** A question about a later date reads up to it, and two weeks past it for "the next one is...". */
const AFTER_ASKED_DATE_DAYS = 14;
const MAX_LOOKAHEAD_DAYS = 366;

function answer(speech: Speech, ctx: HandlerContext, more: Partial<Reply> = {}, hint?: Speech): Reply {
  return answerThenOfferMore(ctx.t, speech, {}, more, hint);
}

/**
 * "Is my bin collected on Monday 26 May?" — yes or no first, then the detail. A collection moved
 * away from that day (earlier or later) is answered with the day it moved to; a cancelled one says so.
 */
function answerForDate(date: string, stream: BinStream | undefined, collections: Collection[], today: string, ctx: HandlerContext): Speech {
  const { t, info } = ctx;
  const when = sayWhen(date, today, t);
  const real = happening(collections);
  const hasStream = (c: Collection) => !stream || c.streams.includes(stream.id);
  const onDay = real.find((c) => c.date === date && hasStream(c));
  if (onDay) {
    const yes = stream
      ? t.speak('bins:yesStreamOnDate', { bins: stream.container, when })
      : t.speak('bins:yesOnDate', { when: when.charAt(0).toUpperCase() + when.slice(1), bins: sayBins(streamsOf(onDay, info.binStreams), t) });
    return onDay.movedFrom ? joinSpeech(yes, t.speak('bins:moved', { usual: longDate(onDay.movedFrom, t.locale) })) : yes;
  }
  const movedAway = real.find((c) => c.movedFrom === date && hasStream(c));
  if (movedAway) {
    const bins = stream ? `the ${stream.container}` : sayBins(streamsOf(movedAway, info.binStreams), t);
    return t.speak('bins:movedFromDate', { bins, moved: sayWhen(movedAway.date, today, t) });
  }
  const called = cancelled(collections).find((c) => c.date === date && hasStream(c));
  const no = called
    ? t.speak('bins:cancelledOnDate', { bins: stream ? `the ${stream.container}` : sayBins(streamsOf(called, info.binStreams), t), when })
    : undefined;
  if (stream) {
    const next = real.find((c) => c.date > date && c.streams.includes(stream.id));
    if (!next) return joinSpeech(no ?? t.speak('bins:noStreamOnDateAlone', { stream: stream.name, when }), t.speak('bins:nextUnknown', { website: info.website }));
    const nextWhen = sayWhen(next.date, today, t);
    return no ? joinSpeech(no, t.speak('bins:nextOfStreamAfter', { when: nextWhen })) : t.speak('bins:noStreamOnDate', { stream: stream.name, when, next: nextWhen });
  }
  const next = real.find((c) => c.date > date) ?? real[0];
  if (!next) return no ?? { parts: [] };
  const nextBins = { next: sayWhen(next.date, today, t), bins: sayBins(streamsOf(next, info.binStreams), t) };
  return no ? joinSpeech(no, t.speak('bins:nextAfter', nextBins)) : t.speak('bins:noOnDate', { when, ...nextBins });
}

/** How far ahead to read: four weeks, or past the date the resident asked about. */
function lookaheadFor(date: string | undefined, today: string): number {
  if (!date || !isIsoDate(date) || date < today) return LOOKAHEAD_DAYS;
  return Math.min(MAX_LOOKAHEAD_DAYS, Math.max(LOOKAHEAD_DAYS, daysBetween(today, date) + AFTER_ASKED_DATE_DAYS));
}

async function answerBinDay(turn: Turn, ctx: HandlerContext, profile: ResidentProfile, address: SavedAddress): Promise<Reply> {
  const { t, info } = ctx;
  const today = localDate(ctx.clock.now(), info.timeZone);
  const hint = renewalHint(profile.remindersUntil, today, ctx);
  const date = turn.slots.date?.value;
  const collections = await ctx.council.bins.upcomingCollections(address, today, lookaheadFor(date, today));
  const streamId = turn.slots.binType?.id;
  const stream = info.binStreams.find((s) => s.id === streamId);
  const real = happening(collections);
  const relevant = stream ? real.filter((c) => c.streams.includes(stream.id)) : real;
  // The data behind the answer: every collection of the asked-for bins, cancelled days marked.
  const property = { uprn: address.uprn, label: address.label, postcode: address.postcode || undefined };
  const facts = collectionFacts(property, stream ? collections.filter((c) => c.streams.includes(stream.id)) : collections, info.binStreams);
  const card = collectionsCard(collections, info.binStreams, address.label, t);
  if (date && isIsoDate(date)) {
    const visual = turn.device.hasScreen ? collectionsVisual(real, info.binStreams, today, t) : undefined;
    return answer(answerForDate(date, stream, collections, today, ctx), ctx, { card, visual, facts }, hint);
  }
  if (relevant.length === 0) {
    const missed = sayCancellations(collections, stream ? [stream.id] : undefined, info.binStreams, today, t);
    // After "that collection is cancelled", "you may need to sign up" would mislead.
    const key = !stream ? 'bins:noneSoon' : missed.parts.length > 0 ? 'bins:noMoreOfStream' : 'bins:streamNotCollected';
    const none = t.speak(key, { stream: stream?.name ?? '', address: address.label, website: info.website, phone: info.phone });
    return answer(joinSpeech(missed, none), ctx, { facts });
  }
  const visual = turn.device.hasScreen ? collectionsVisual(real, info.binStreams, today, t) : undefined;
  if (stream) {
    const first = relevant[0] as Collection;
    const speech = [t.speak('bins:nextOfStream', { bins: stream.container, when: sayWhen(first.date, today, t) })];
    if (first.movedFrom) speech.push(t.speak('bins:moved', { usual: longDate(first.movedFrom, t.locale) }));
    speech.push(sayCancellations(collections, [stream.id], info.binStreams, today, t));
    return answer(joinSpeech(...speech), ctx, { card, visual, facts }, hint);
  }
  return answer(describeNext(collections, info.binStreams, today, t), ctx, { card, visual, facts }, hint);
}

async function handleBinCollection(turn: Turn, ctx: HandlerContext): Promise<Reply> {
  const found = await requireAddress(turn, ctx, { intent: GET_BIN_COLLECTION, slots: turn.slots });
  if ('reply' in found) return found.reply;
  return answerBinDay(turn, ctx, found.profile, found.address);
}

export const binCollectionHandlers: HandlerMap = {
  [GET_BIN_COLLECTION]: handleBinCollection,
};
