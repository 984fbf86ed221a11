/**
 * "When is my bin day?", "When is the recycling collected?", "Is my bin collected tomorrow?"
 */
import { collectionsCard, collectionsVisual, describeNext, sayBins, streamsOf } from '../bins/describe-collections';
import { sayWhen } from '../bins/speak-dates';
import type { Collection } from '../council';
import { isIsoDate, localDate, longDate } from '../dates';
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

function answer(speech: Speech, ctx: HandlerContext, more: Partial<Reply> = {}, hint?: Speech): Reply {
  return answerThenOfferMore(ctx.t, speech, {}, more, hint);
}

/** "Is my bin collected tomorrow?" — yes or no first, then the detail. */
function answerForDate(date: string, streamId: string | undefined, collections: Collection[], today: string, ctx: HandlerContext): Speech {
  const { t, info } = ctx;
  const when = sayWhen(date, today, t);
  const stream = info.binStreams.find((s) => s.id === streamId);
  const onDay = collections.find((c) => c.date === date);
  if (stream) {
    if (onDay?.streams.includes(stream.id)) return t.speak('bins:yesStreamOnDate', { bins: stream.container, when });
    const next = collections.find((c) => c.date > date && c.streams.includes(stream.id));
    return t.speak('bins:noStreamOnDate', { stream: stream.name, when, next: next ? sayWhen(next.date, today, t) : '—' });
  }
  if (onDay) return t.speak('bins:yesOnDate', { when: when.charAt(0).toUpperCase() + when.slice(1), bins: sayBins(streamsOf(onDay, info.binStreams), t) });
  const next = collections.find((c) => c.date > date) ?? collections[0];
  if (!next) return { parts: [] };
  return t.speak('bins:noOnDate', { when, next: sayWhen(next.date, today, t), bins: sayBins(streamsOf(next, info.binStreams), t) });
}

async function answerBinDay(turn: Turn, ctx: HandlerContext, profile: ResidentProfile, address: SavedAddress): Promise<Reply> {
  const { t, info } = ctx;
  const today = localDate(ctx.clock.now(), info.timeZone);
  const hint = renewalHint(profile.remindersUntil, today, ctx);
  const collections = await ctx.council.bins.upcomingCollections(address.uprn, today, LOOKAHEAD_DAYS);
  const streamId = turn.slots.binType?.id;
  const stream = info.binStreams.find((s) => s.id === streamId);
  const relevant = stream ? collections.filter((c) => c.streams.includes(stream.id)) : collections;
  const facts = collectionFacts({ uprn: address.uprn, label: address.label, postcode: address.postcode || undefined }, relevant, info.binStreams);
  if (relevant.length === 0) {
    const key = stream ? 'bins:streamNotCollected' : 'bins:noneSoon';
    return answer(t.speak(key, { stream: stream?.name ?? '', address: address.label, website: info.website, phone: info.phone }), ctx, { facts });
  }
  const card = collectionsCard(collections, info.binStreams, address.label, t);
  const visual = turn.device.hasScreen ? collectionsVisual(collections, info.binStreams, today, t) : undefined;
  const date = turn.slots.date?.value;
  if (date && isIsoDate(date)) {
    return answer(answerForDate(date, stream?.id, collections, today, ctx), ctx, { card, visual, facts }, hint);
  }
  if (stream) {
    const first = relevant[0] as Collection;
    const speech = [t.speak('bins:nextOfStream', { bins: stream.container, when: sayWhen(first.date, today, t) })];
    if (first.movedFrom) speech.push(t.speak('bins:moved', { usual: longDate(first.movedFrom, t.locale) }));
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
