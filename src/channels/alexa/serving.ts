/**
 * Serving Alexa: POST /alexa on a self-hosted server (Amazon's signature checked), and the
 * skill's Lambda trigger, where only Alexa can invoke the function and there is nothing to check.
 * Both answer with the same adapter over the context's skill.
 */
import alexaModel from '../../../skill-package/interactionModels/custom/en-GB.json';
import type { ChannelContext, ChannelServing } from '../channel';
import { createAlexaVoiceEndpoint } from './alexa-endpoint';
import { createAlexaHandler, type AlexaHandler, type AlexaHandlerOptions } from './alexa-handler';
import { readIntentSlots } from './intent-slots';
import { alexaVerificationFromConfig, CertCache, type AlexaVerificationOptions } from './verify';

export interface AlexaChannelOptions {
  /** Adapter settings (tests shorten the device API's timeout). */
  adapter?: Omit<AlexaHandlerOptions, 'logger' | 'onCall'>;
  /** Overrides for the signature check (tests pin the clock and trust their own CA). */
  verification?: Partial<AlexaVerificationOptions>;
  /** An adapter to serve instead of the one built from the context (tests of the HTTP front). */
  handler?: AlexaHandler;
}

/** The channel's name: its log lines, its simulator APIs. */
export const ALEXA = 'alexa';

/** The Alexa adapter over the context's skill, with the slot names of the built model. */
export function createAlexaAdapter(context: ChannelContext, options: AlexaChannelOptions = {}): AlexaHandler {
  return options.handler ?? createAlexaHandler(context.skill, {
    logger: context.logger, onCall: context.onCall, intentSlots: readIntentSlots(alexaModel), ...options.adapter,
  });
}

/** Alexa's routes and Lambda event handler. */
export function createAlexaServing(options: AlexaChannelOptions = {}): ChannelServing {
  return {
    name: ALEXA,
    createRoutes(context) {
      const verification = context.skipRequestVerification ? undefined : {
        // One certificate cache per app, so each app (and each test) has its own.
        ...alexaVerificationFromConfig(context.config), certCache: new CertCache(), ...options.verification,
      };
      const endpoint = createAlexaVoiceEndpoint(createAlexaAdapter(context, options), { logger: context.logger, verification });
      return [{ kind: 'voice', path: '/alexa', endpoint }];
    },
    createEventHandler: (context) => createAlexaAdapter(context, options),
  };
}
