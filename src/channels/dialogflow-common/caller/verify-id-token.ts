/**
 * Dialogflow CX's service agent can send a Google-signed OIDC ID token in `Authorization`. jose
 * verifies it against Google's published keys (fetched once, cached and refreshed by jose when a
 * new key id appears); we then insist the token was minted for our audience and for the
 * configured service agent. Without that last check any Google account could mint a token for
 * our URL and pass, which is why `serviceAccountEmail` is required.
 */
import { createRemoteJWKSet, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { DialogflowCallerError } from './dialogflow-caller-error';

/** Where Google publishes the keys it signs ID tokens with. */
export const GOOGLE_CERTS_URL = 'https://www.googleapis.com/oauth2/v3/certs';
/** Google writes the issuer both ways. */
export const GOOGLE_ISSUERS = ['https://accounts.google.com', 'accounts.google.com'];
/** Leeway for clock differences between Google and us. */
const CLOCK_TOLERANCE_S = 30;

export interface GoogleIdTokenOptions {
  /** The audience Dialogflow was configured with (usually the webhook URL). */
  audience: string;
  /** The Dialogflow service agent, e.g. service-123@gcp-sa-dialogflow.iam.gserviceaccount.com. */
  serviceAccountEmail: string;
  /** Google's key set; defaults to one shared, cached {@link createGoogleJwks}. */
  jwks?: JWTVerifyGetKey;
  /** The clock; tests pin it. */
  now?: () => Date;
}

/** A remote key set over Google's certs URL; jose caches the keys it fetches. */
export function createGoogleJwks(): JWTVerifyGetKey {
  return createRemoteJWKSet(new URL(GOOGLE_CERTS_URL), { timeoutDuration: 3000 });
}

let sharedJwks: JWTVerifyGetKey | undefined;

/** Resolves with the token's claims when every check passes; rejects with DialogflowCallerError. */
export async function verifyGoogleIdToken(authorizationHeader: string | undefined, options: GoogleIdTokenOptions): Promise<JWTPayload> {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorizationHeader ?? '');
  if (!match?.[1]) throw new DialogflowCallerError('missing-credentials', 'no Bearer token in Authorization');
  const jwks = options.jwks ?? (sharedJwks ??= createGoogleJwks());

  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(match[1], jwks, {
      issuer: GOOGLE_ISSUERS,
      audience: options.audience,
      algorithms: ['RS256'],
      requiredClaims: ['exp', 'iat'],
      clockTolerance: CLOCK_TOLERANCE_S,
      ...(options.now ? { currentDate: options.now() } : {}),
    }));
  } catch (error) {
    throw new DialogflowCallerError('id-token', `ID token rejected: ${(error as Error).message}`, { cause: error });
  }

  const email = typeof payload.email === 'string' ? payload.email.toLowerCase() : undefined;
  // Google has sent email_verified both as a boolean and as the string "true".
  const verified = payload.email_verified === true || payload.email_verified === 'true';
  if (email !== options.serviceAccountEmail.toLowerCase() || !verified) {
    throw new DialogflowCallerError('service-account',
      `ID token is for ${JSON.stringify(payload.email)} (email_verified ${String(payload.email_verified)}), not the configured service agent`);
  }
  return payload;
}
