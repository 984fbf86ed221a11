/**
 * Decides whether a webhook call comes from the council's own Dialogflow agent. Every check the
 * council configured must pass (Dialogflow sends all of them), and a route with none configured
 * refuses everyone rather than serving the internet.
 */
import { DialogflowCallerError } from './dialogflow-caller-error';
import { checkBasicAuth, checkSecretHeader, type BasicAuthCredentials, type SecretHeader } from './shared-secrets';
import { verifyGoogleIdToken, type GoogleIdTokenOptions } from './verify-id-token';

type Headers = Record<string, string | string[] | undefined>;

/** Dialogflow CX: a Google-signed ID token and/or a shared secret header. */
export interface CxCallerOptions {
  platform: 'cx';
  idToken?: GoogleIdTokenOptions;
  secretHeader?: SecretHeader;
}

/** Dialogflow ES: a configured header and/or basic auth. */
export interface EsCallerOptions {
  platform: 'es';
  header?: SecretHeader;
  basicAuth?: BasicAuthCredentials;
}

export type DialogflowCallerOptions = CxCallerOptions | EsCallerOptions;

/** Resolves when the caller passes; rejects with DialogflowCallerError naming the check. */
export async function checkDialogflowCaller(headers: Headers, options: DialogflowCallerOptions): Promise<void> {
  if (options.platform === 'cx') {
    if (!options.idToken && !options.secretHeader) {
      throw new DialogflowCallerError('not-configured', 'no caller check configured for Dialogflow CX (security.dialogflow.cx)');
    }
    if (options.secretHeader) checkSecretHeader(headers, options.secretHeader);
    if (options.idToken) {
      const authorization = headers.authorization;
      await verifyGoogleIdToken(typeof authorization === 'string' ? authorization : undefined, options.idToken);
    }
    return;
  }
  if (!options.header && !options.basicAuth) {
    throw new DialogflowCallerError('not-configured', 'no caller check configured for Dialogflow ES (security.dialogflow.es)');
  }
  if (options.header) checkSecretHeader(headers, options.header);
  if (options.basicAuth) checkBasicAuth(headers, options.basicAuth);
}
