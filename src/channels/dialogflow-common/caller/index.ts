/** Caller checks for the Dialogflow CX and ES webhooks. */
export { checkDialogflowCaller, type CxCallerOptions, type DialogflowCallerOptions, type EsCallerOptions } from './check-dialogflow-caller';
export { constantTimeEqual } from '../../shared/constant-time';
export { DialogflowCallerError, type DialogflowCallerReason } from './dialogflow-caller-error';
export { checkBasicAuth, checkSecretHeader, type BasicAuthCredentials, type SecretHeader } from './shared-secrets';
export { createGoogleJwks, GOOGLE_CERTS_URL, GOOGLE_ISSUERS, verifyGoogleIdToken, type GoogleIdTokenOptions } from './verify-id-token';
export { cxCallerFromConfig, esCallerFromConfig } from './from-config';
