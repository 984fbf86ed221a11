/** Alexa request verification for self-hosted endpoints (Lambda needs none: only the skill's trigger can invoke it). */
export { verifyAlexaRequest, type AlexaVerificationOptions, type VerifiedAlexaRequest } from './verify-alexa-request';
export { AlexaVerificationError, type AlexaVerificationReason } from './alexa-verification-error';
export { CertCache } from './cert-cache';
export { createCertDownloader, DEFAULT_CERT_MAX_BYTES, DEFAULT_CERT_TIMEOUT_MS, type DownloadCertOptions, type FetchCert } from './download-cert';
export { SKILL_EVENT_TOLERANCE_MS, TIMESTAMP_TOLERANCE_MS } from './request-fields';
export { alexaVerificationFromConfig } from './from-config';
