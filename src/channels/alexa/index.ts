/** The Alexa adapter: Alexa request JSON in, the skill, Alexa response JSON out. */
export { createAlexaHandler, type AlexaHandler, type AlexaHandlerOptions } from './alexa-handler';
export { checkEnvelope, InvalidAlexaRequestError } from './check-envelope';
export { readIntentSlots } from './intent-slots';
export { toTurn } from './to-turn';
export { toResponseEnvelope, toUpdatedIntent } from './to-response';
export { ADDRESS_PERMISSION, REMINDERS_PERMISSION } from './device-services';
export { RequestVerificationError, type AlexaRequestVerifier } from './verify-request';
