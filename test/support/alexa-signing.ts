/** Builds Alexa request bodies and signs them the way Amazon does, for the verifier's tests. */
import { sign, type KeyObject } from 'node:crypto';
import { AlexaVerificationError, type AlexaVerificationReason } from '../../src/channels/alexa/verify';

export const SKILL_ID = 'amzn1.ask.skill.00000000-0000-0000-0000-000000000001';
export const CERT_URL = 'https://s3.amazonaws.com/echo.api/echo-api-cert-12.pem';

export interface AlexaBodySpec {
  timestamp: Date;
  type?: string;
  skillId?: string;
  /** Put a (possibly different) id in session.application too. */
  sessionSkillId?: string;
}

/** A minimal request envelope: what the verifier reads, plus the ids Alexa always sends. */
export function alexaBody(spec: AlexaBodySpec): Buffer {
  const skillId = spec.skillId ?? SKILL_ID;
  const envelope = {
    version: '1.0',
    ...(spec.sessionSkillId !== undefined ? {
      session: { new: true, sessionId: 'amzn1.echo-api.session.1', application: { applicationId: spec.sessionSkillId }, user: { userId: 'amzn1.ask.account.1' } },
    } : {}),
    context: { System: { application: { applicationId: skillId }, user: { userId: 'amzn1.ask.account.1' }, device: { deviceId: 'd1', supportedInterfaces: {} }, apiEndpoint: 'https://api.eu.amazonalexa.com' } },
    request: { type: spec.type ?? 'LaunchRequest', requestId: 'amzn1.echo-api.request.1', timestamp: spec.timestamp.toISOString().replace(/\.\d{3}Z$/, 'Z'), locale: 'en-GB' },
  };
  return Buffer.from(JSON.stringify(envelope), 'utf8');
}

/** The two headers Alexa adds: where its cert chain is, and the RSA-SHA256 signature of the body. */
export function signedHeaders(body: Buffer, key: KeyObject, certUrl = CERT_URL): Record<string, string> {
  return { signaturecertchainurl: certUrl, 'signature-256': sign('sha256', body, key).toString('base64') };
}

/** The rule a verification broke, or 'passed'; any other error is a bug and is thrown on. */
export async function reasonFor(promise: Promise<unknown>): Promise<AlexaVerificationReason | 'passed'> {
  try {
    await promise;
    return 'passed';
  } catch (error) {
    if (error instanceof AlexaVerificationError) return error.reason;
    throw error;
  }
}
