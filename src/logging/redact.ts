/**
 * What must never reach a log: residents' postcodes, addresses, names, phone numbers, emails,
 * what they said, and the tokens that stand for them. Two nets, because either alone leaks:
 * keys that name personal data are blanked at any depth, and strings anywhere are searched for
 * the shapes personal data takes (a postcode inside an error's URL, a phone number in a message).
 */

export const REDACTED = '[Redacted]';

/**
 * Keys whose values are personal or secret, compared lower-cased without `_` or `-`, so
 * `api_key`, `apiAccessToken` and `Authorization` all match.
 */
const PERSONAL_KEYS = new Set([
  // where the resident lives
  'postcode', 'postalcode', 'address', 'addresses', 'addressline1', 'addressline2', 'addressline3',
  'addressstring', 'fulladdress', 'street', 'housenumber', 'buildingname', 'buildingnumber',
  'location', 'lat', 'long', 'latitude', 'longitude', 'uprn', 'candidates',
  // who they are and how to reach them
  'name', 'names', 'firstname', 'lastname', 'givenname', 'familyname', 'fullname', 'surname',
  'accountholder', 'phone', 'phonenumber', 'mobile', 'mobilenumber', 'telephone', 'tel', 'email',
  'emailaddress', 'userid', 'user', 'person', 'deviceid', 'accountreference',
  // what they said, or what was said back to them
  'description', 'details', 'comment', 'comments', 'notes', 'statusnotes', 'text', 'speech',
  'ssml', 'outputspeech', 'reprompt', 'utterance', 'query', 'querytext', 'transcript', 'value',
  'values', 'slots', 'parameters', 'attributes', 'sessionattributes', 'session', 'profile', 'report',
  // credentials that stand for them, or for us
  'token', 'accesstoken', 'apiaccesstoken', 'consenttoken', 'idtoken', 'refreshtoken',
  'authorization', 'proxyauthorization', 'cookie', 'setcookie', 'password', 'secret',
  'clientsecret', 'apikey', 'xapikey', 'key',
]);

/** Keys already judged: a log line's keys come from a small vocabulary, met again on every line. */
const judgedKeys = new Map<string, boolean>();
const MAX_JUDGED_KEYS = 2000;

/** True when a value under `key` must not be logged. */
export function isPersonalKey(key: string): boolean {
  let personal = judgedKeys.get(key);
  if (personal === undefined) {
    personal = PERSONAL_KEYS.has(key.toLowerCase().replace(/[_-]/g, ''));
    // Keys from outside (a council's JSON) could be endless; past the limit they are judged each time.
    if (judgedKeys.size < MAX_JUDGED_KEYS) judgedKeys.set(key, personal);
  }
  return personal;
}

/** Shapes of personal data inside free text, each replaced whole. Order matters: tokens first. */
export const PATTERNS: [RegExp, string][] = [
  // Bearer and Basic credentials, JSON Web Tokens (Google's ID tokens, Alexa's API tokens).
  [/\b(Bearer|Basic)\s+[\w.~+/-]+=*/gi, `$1 ${REDACTED}`],
  [/\beyJ[\w-]*\.[\w-]+\.[\w-]*/g, REDACTED],
  // Alexa's ids for a resident, their person profile and their device (not skill or request ids).
  [/\bamzn1\.(?:ask\.(?:account|person|device)|account)\.[\w.-]+/gi, REDACTED],
  // Every query-string value: councils' APIs put postcodes, UPRNs and keys there.
  [/([?&][\w.[\]-]+=)[^&\s#"']+/g, `$1${REDACTED}`],
  [/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, REDACTED],
  // A house number and a street ("12 High Street", "4a Mill Lane"), as councils' errors echo them.
  [/\b\d+[A-Z]?,?\s+(?:[A-Z][\w']*\s+){1,3}(?:Street|St|Road|Rd|Lane|Avenue|Ave|Close|Drive|Way|Place|Crescent|Court|Gardens|Grove|Terrace|Hill|Row|Square|Walk|Mews|Park|View|Green|Rise|Parade|Vale|Wharf)\b/g, REDACTED],
  // UK postcodes, spaced or not, also URL-encoded ("AB1 2CD", "ab12cd", "AB1%202CD").
  [/\b(?:[A-Z]{1,2}\d[A-Z\d]?|GIR)(?:\s|%20|\+)*\d[A-Z]{2}\b/gi, REDACTED],
  // UK phone numbers: 07700 900123, +44 7700 900123, (020) 7946 0018, 0161 496 0000.
  [/(?:\+44\s?(?:\(0\)\s?)?|(?<![\w-])\(?0)\d{2,4}\)?[\s-]?\d{3,4}[\s-]?\d{3,4}(?![\w-])/g, REDACTED],
  // Long digit runs: UPRNs, account and card numbers; not a segment of a request id's UUID.
  [/(?<![\w-])\d{9,}(?![\w-])/g, REDACTED],
];

/** A log line is no place for an essay; a huge string is more likely an attack than a clue. */
const MAX_STRING = 1000;
const MAX_DEPTH = 8;

/**
 * What each pattern cannot match without, checked first: every turn logs a line, and most of its
 * strings (ids, intent names) hold no digit, `@` or `=`, so most patterns need not run at all.
 * Each is a piece every match of its pattern contains (test/logging/redact-guards checks that
 * skipping on them changes nothing).
 */
const NEEDS: RegExp[] = PATTERNS.map(([pattern]) => {
  const source = pattern.source;
  if (source.includes('Bearer')) return /bearer|basic/i;
  if (source.includes('eyJ')) return /eyJ/;
  if (source.includes('amzn1')) return /amzn1/i;
  if (source.includes('[?&]')) return /=/;
  if (source.includes('@')) return /@/;
  if (source.includes('Street')) return /\d[A-Z]?,?\s/;
  if (source.includes('GIR')) return /\d[A-Z]{2}/i;
  if (source.includes('\\+44')) return /\d{3}/;
  if (source.includes('\\d{9,}')) return /\d{9}/;
  throw new Error(`redact.ts: no shortcut for ${source}`);
});

/** Anything any pattern could start from; most strings in a log line (names, words) have none of it. */
const MAY_HOLD_PERSONAL = /\d|[@=]|eyJ|amzn1|bearer|basic/i;

/** `text` with every personal-data shape replaced. */
export function redactText(text: string): string {
  let out = text.length > MAX_STRING ? `${text.slice(0, MAX_STRING)}…` : text;
  if (!MAY_HOLD_PERSONAL.test(out)) return out;
  for (let i = 0; i < PATTERNS.length; i += 1) {
    const [pattern, replacement] = PATTERNS[i] as [RegExp, string];
    if ((NEEDS[i] as RegExp).test(out)) out = out.replace(pattern, replacement);
  }
  return out;
}

/** An error as plain data: its class, scrubbed message and stack, own fields and cause. */
function errorData(error: Error, seen: WeakSet<object>, depth: number): Record<string, unknown> {
  const data: Record<string, unknown> = { type: error.constructor?.name ?? error.name, message: redactText(error.message) };
  if (error.stack) data.stack = redactText(error.stack);
  for (const [key, value] of Object.entries(error)) {
    if (key !== 'name' && key !== 'message' && key !== 'stack') data[key] = redactAt(key, value, seen, depth + 1);
  }
  if (error.cause !== undefined) data.cause = redactAt('cause', error.cause, seen, depth + 1);
  return data;
}

function redactAt(key: string, value: unknown, seen: WeakSet<object>, depth: number): unknown {
  if (value === undefined || value === null) return value;
  if (isPersonalKey(key)) return REDACTED;
  return redactValue(value, seen, depth);
}

function redactValue(value: unknown, seen: WeakSet<object>, depth: number): unknown {
  if (typeof value === 'string') return redactText(value);
  if (typeof value !== 'object' || value === null) return value;
  if (depth > MAX_DEPTH) return '[Too deep]';
  if (seen.has(value)) return '[Circular]';
  seen.add(value);
  if (value instanceof Error) return errorData(value, seen, depth);
  if (value instanceof Date) return value.toISOString();
  if (Buffer.isBuffer(value)) return `[${value.length} bytes]`;
  if (Array.isArray(value)) return value.map((item) => redactValue(item, seen, depth + 1));
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) out[key] = redactAt(key, (value as Record<string, unknown>)[key], seen, depth + 1);
  return out;
}

/**
 * A copy of `value` safe to log: personal keys blanked at any depth, personal shapes blanked in
 * every string, errors turned into plain data with their messages scrubbed.
 */
export function redactPersonalData<T>(value: T): T {
  return redactValue(value, new WeakSet(), 0) as T;
}
