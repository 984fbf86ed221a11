/** Test helpers for building channels over a composition, the way the server and Lambda do. */
import { CHANNELS } from '../../src/channels';
import type { AlexaHandler } from '../../src/channels/alexa';
import { createAlexaAdapter, type AlexaChannelOptions } from '../../src/channels/alexa/serving';
import type { Channel } from '../../src/channels/channel';
import { createChannelContext } from '../../src/channels/channel-context';
import type { Composition } from '../../src/server/composition';

/** The Alexa adapter the Alexa channel serves over `composition` (wrapped skill, logging and all). */
export function alexaOf(composition: Composition, options: AlexaChannelOptions = {}): AlexaHandler {
  return createAlexaAdapter(createChannelContext(composition, 'alexa'), options);
}

/** Every channel, with the ones given (matched by name) in place of the defaults. */
export function channelsWith(...replacements: Channel[]): Channel[] {
  return CHANNELS.map((channel) => replacements.find((replacement) => replacement.name === channel.name) ?? channel);
}

/** A composition over hand-built parts, with nothing to watch or close. */
export function testComposition(parts: Pick<Composition, 'config' | 'services' | 'skill' | 'logger'>): Composition {
  return { ...parts, reportCall: () => {}, watchCalls: () => () => {}, close: async () => {} };
}
