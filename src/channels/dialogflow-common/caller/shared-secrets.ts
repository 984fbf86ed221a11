/** The shared-secret checks: a configured header (CX or ES) and HTTP basic auth (ES). */
import { constantTimeEqual } from '../../shared/constant-time';
import { DialogflowCallerError } from './dialogflow-caller-error';

type Headers = Record<string, string | string[] | undefined>;

/** A header Dialogflow is configured to send with every webhook call. */
export interface SecretHeader {
  name: string;
  value: string;
}

/** The username and password Dialogflow ES is configured to send. */
export interface BasicAuthCredentials {
  username: string;
  password: string;
}

function single(headers: Headers, name: string): string | undefined {
  const lower = name.toLowerCase();
  const value = headers[lower] ?? Object.entries(headers).find(([key]) => key.toLowerCase() === lower)?.[1];
  return typeof value === 'string' ? value : undefined;
}

/** Throws unless the header is present once and equals the configured value. */
export function checkSecretHeader(headers: Headers, expected: SecretHeader): void {
  const given = single(headers, expected.name);
  if (given === undefined) throw new DialogflowCallerError('missing-credentials', `no single ${expected.name} header`);
  if (!constantTimeEqual(given, expected.value)) throw new DialogflowCallerError('secret-header', `${expected.name} header does not match`);
}

/** Throws unless `Authorization: Basic …` carries the configured username and password. */
export function checkBasicAuth(headers: Headers, expected: BasicAuthCredentials): void {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(single(headers, 'authorization') ?? '');
  if (!match?.[1]) throw new DialogflowCallerError('missing-credentials', 'no Basic Authorization header');
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  const username = colon < 0 ? decoded : decoded.slice(0, colon);
  const password = colon < 0 ? '' : decoded.slice(colon + 1);
  // Both halves are always compared, so which one was wrong does not show in the timing.
  const userOk = constantTimeEqual(username, expected.username);
  const passwordOk = constantTimeEqual(password, expected.password);
  if (!(userOk && passwordOk) || colon < 0) throw new DialogflowCallerError('basic-auth', 'basic auth credentials do not match');
}
