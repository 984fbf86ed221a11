/**
 * Turns collection days into what a resident hears, sees on a card, and sees on a screen.
 */
import type { BinStream, Collection } from '../council';
import { longDate } from '../dates';
import type { Translator } from '../i18n';
import { listOf } from '../replies';
import type { Card, Visual } from '../reply';
import { joinSpeech, type Speech } from '../speech';
import { cancelled, happening } from './collection-status';
import { sayWhen } from './speak-dates';

/** Streams in the order the council lists them, so answers are stable. */
export function streamsOf(collection: Collection, streams: BinStream[]): BinStream[] {
  return streams.filter((s) => collection.streams.includes(s.id));
}

/** "the green recycling bin and the food caddy" */
export function sayBins(binStreams: BinStream[], t: Translator): string {
  return listOf(binStreams.map((s) => `the ${s.container}`), t.locale);
}

/**
 * The first cancelled usual day the resident would otherwise wait for: one with no collection of
 * its bins before it. Only `streamIds` when given (a question about one bin).
 */
export function sayCancellations(collections: Collection[], streamIds: string[] | undefined, streams: BinStream[], today: string, t: Translator): Speech {
  const real = happening(collections);
  const missed = cancelled(collections)
    .map((c) => ({ ...c, streams: c.streams.filter((id) => !streamIds || streamIds.includes(id)) }))
    .find((c) => c.streams.length > 0 && !real.some((r) => r.date < c.date && r.streams.some((id) => c.streams.includes(id))));
  if (!missed) return { parts: [] };
  return t.speak('bins:cancelled', { bins: sayBins(streamsOf(missed, streams), t), when: sayWhen(missed.date, today, t) });
}

/** The next collection, then when the bins it leaves out are next collected, then any cancellation ahead. */
export function describeNext(collections: Collection[], streams: BinStream[], today: string, t: Translator): Speech {
  const [first, ...later] = happening(collections);
  if (!first) return sayCancellations(collections, undefined, streams, today, t);
  const firstStreams = streamsOf(first, streams);
  const speech = [t.speak('bins:next', { when: sayWhen(first.date, today, t), bins: sayBins(firstStreams, t) })];
  if (first.movedFrom) speech.push(t.speak('bins:moved', { usual: longDate(first.movedFrom, t.locale) }));
  // The bins not in the first collection ("The black bin is the week after").
  const covered = new Set(first.streams);
  const next = later.find((c) => c.streams.some((id) => !covered.has(id) && streams.some((s) => s.id === id)));
  if (next) {
    const others = streamsOf(next, streams).filter((s) => !covered.has(s.id));
    speech.push(t.speak('bins:then', { bins: sayBins(others, t), when: sayWhen(next.date, today, t) }));
  }
  speech.push(sayCancellations(collections, undefined, streams, today, t));
  return joinSpeech(...speech);
}

/** A card for the Alexa app: the next few collection days, and cancelled days among them. */
export function collectionsCard(collections: Collection[], streams: BinStream[], address: string, t: Translator): Card {
  const lines = collections.slice(0, 4).map((c) => t.text(c.status === 'cancelled' ? 'bins:cardLineCancelled' : 'bins:cardLine', {
    date: longDate(c.date, t.locale),
    bins: streamsOf(c, streams).map((s) => s.container).join(', '),
  }));
  return { title: t.text('bins:cardTitle', { address }), text: lines.join('\n') };
}

/** A visual for devices with screens: the next three collection days with bin colours. */
export function collectionsVisual(collections: Collection[], streams: BinStream[], today: string, t: Translator): Visual {
  return {
    kind: 'bin-collections',
    title: t.text('bins:visualTitle'),
    rows: collections.slice(0, 3).map((c) => ({
      date: c.date,
      dateLabel: `${sayWhen(c.date, today, t).replace(/^on /, '')}`,
      bins: streamsOf(c, streams).map((s) => ({ name: s.name, container: s.container, colour: s.colour })),
    })),
  };
}
