/**
 * Who gets in: Alexa signature verification, Dialogflow caller checks (applied by the voice
 * endpoints in src/server/voice-pipeline.ts), and the start-up rules that keep them on in production.
 */
export * from './alexa';
export * from './google';
export { ALEXA_REFUSAL, DIALOGFLOW_REFUSAL } from './refusals';
export { assertSafeStartup, UnsafeStartupError, type StartupSecurity } from './startup';
export { alexaVerificationFromConfig, cxCallerFromConfig, esCallerFromConfig } from './from-config';
