/**
 * Who gets in: Alexa signature verification, Dialogflow caller checks, the Express middleware
 * that applies them, and the start-up rules that keep them on in production.
 */
export * from './alexa';
export * from './google';
export {
  ALEXA_REFUSAL, DIALOGFLOW_REFUSAL, dialogflowCallerCheck, requireAlexaSignature, requireDialogflowCaller,
  type RequireAlexaSignatureOptions, type RequireDialogflowCallerOptions,
} from './middleware';
export { assertSafeStartup, UnsafeStartupError, type StartupSecurity } from './startup';
export { alexaVerificationFromConfig, cxCallerFromConfig, esCallerFromConfig } from './from-config';
