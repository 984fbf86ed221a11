/**
 * A Reply's visual as an APL RenderDocument directive, for Echo Show and other screens. The
 * document is a file of its own (bin-collections.apl.json), edited and previewed like any APL
 * document; this module only fills its data source.
 */
import type { interfaces } from 'ask-sdk-model';
import { listOf } from '../../../core/replies';
import type { Visual } from '../../../core/reply';
import document from './bin-collections.apl.json';

/** The interface a device lists in `supportedInterfaces` when it can show APL. */
export const APL_INTERFACE = 'Alexa.Presentation.APL';

/** Names this presentation in later APL events from the device. */
export const BIN_COLLECTIONS_TOKEN = 'binCollections';

/** A swatch for a bin the council gave no colour: a mid grey, ringed white like every swatch. */
const NO_COLOUR = '#6F777B';

/** The data source the document's `binCollections` parameter binds to. */
export interface BinCollectionsData {
  title: string;
  rows: {
    dateLabel: string;
    /** The whole row in words, for screen readers (the swatches carry no words of their own). */
    spoken: string;
    bins: { name: string; container: string; colour: string }[];
  }[];
}

function capitalise(value: string): string {
  return value.charAt(0).toUpperCase() + value.slice(1);
}

/** The data source for a bin-collections visual. */
export function toBinCollectionsData(visual: Visual): BinCollectionsData {
  return {
    title: visual.title,
    rows: visual.rows.map((row) => {
      const dateLabel = capitalise(row.dateLabel);
      const containers = row.bins.map((bin) => bin.container);
      return {
        dateLabel,
        // The visual carries no locale; en-GB is the only one the skill speaks so far.
        spoken: `${dateLabel}: ${listOf(containers, 'en-GB')}.`,
        bins: row.bins.map((bin) => ({ name: bin.name, container: bin.container, colour: bin.colour ?? NO_COLOUR })),
      };
    }),
  };
}

/** The RenderDocument directive that shows `visual`. */
export function renderVisual(visual: Visual): interfaces.alexa.presentation.apl.RenderDocumentDirective {
  return {
    type: 'Alexa.Presentation.APL.RenderDocument',
    token: BIN_COLLECTIONS_TOKEN,
    document,
    datasources: { binCollections: toBinCollectionsData(visual) },
  };
}
