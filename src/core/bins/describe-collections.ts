/**
 * Turns collection days into what a resident hears, sees on a card, and sees on a screen.
 */
import type { BinStream, Collection } from '../council';
import { longDate } from '../dates';
import type { Translator } from '../i18n';
import { listOf } from '../replies';
import type { Card, Visual } from '../reply';
import { joinSpeech, type Speech } from '../speech';
import { sayWhen } from './speak-dates';

/** Streams in the order the council lists them, so answers are stable. */
export function streamsOf(collection: Collection, streams: BinStream[]): BinStream[] {
  return streams.filter((s) => collection.streams.includes(s.id));
}

/** "the green recycling bin and the food caddy" */
export function sayBins(binStreams: BinStream[], t: Translator): string {
  return listOf(binStreams.map((s) => `the ${s.container}`), t.locale);
}

/** The next collection, then when the bins it leaves out are next collected. */
export function describeNext(collections: Collection[], streams: BinStream[], today: string, t: Translator): Speech {
  const [first, ...later] = collections;
  if (!first) return { parts: [] };
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
  return joinSpeech(...speech);
}

/** A card for the Alexa app: the next few collection days. */
export function collectionsCard(collections: Collection[], streams: BinStream[], address: string, t: Translator): Card {
  const lines = collections.slice(0, 4).map((c) =>
    t.text('bins:cardLine', { date: longDate(c.date, t.locale), bins: streamsOf(c, streams).map((s) => s.container).join(', ') }));
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
