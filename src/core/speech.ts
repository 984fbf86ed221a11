/**
 * Speech as a neutral structure: what the skill says, with the parts that need special
 * pronunciation marked, so every adapter can render SSML for voice and plain text for screens.
 */

export type SpeechPart =
  | { type: 'text'; text: string }
  /** An amount of money in pence, spoken as pounds and pence. */
  | { type: 'money'; pence: number }
  /** A reference number or code, spoken one character at a time. */
  | { type: 'characters'; text: string }
  | { type: 'pause'; ms: number };

export interface Speech {
  parts: SpeechPart[];
}

export function text(value: string): Speech {
  return { parts: [{ type: 'text', text: value }] };
}

export function money(pence: number): SpeechPart {
  return { type: 'money', pence: Math.round(pence) };
}

export function characters(value: string): SpeechPart {
  return { type: 'characters', text: value };
}

/** Joins speeches into one, with a space between sentences. */
export function joinSpeech(...items: (Speech | undefined)[]): Speech {
  const parts: SpeechPart[] = [];
  for (const item of items) {
    if (!item || item.parts.length === 0) continue;
    if (parts.length > 0) parts.push({ type: 'text', text: ' ' });
    parts.push(...item.parts);
  }
  return { parts };
}

export function isEmptySpeech(speech: Speech | undefined): boolean {
  // Asked on every response: look for one audible part rather than rendering the whole text.
  return !speech || !speech.parts.some(isAudible);
}

function isAudible(part: SpeechPart): boolean {
  switch (part.type) {
    case 'text':
    case 'characters': return part.text.trim() !== '';
    case 'money': return true;
    case 'pause': return false;
  }
}

/** "£1,980.12" — how money is written on a card or screen. */
export function formatMoney(pence: number): string {
  const pounds = Math.floor(Math.abs(pence) / 100);
  const rest = Math.abs(pence) % 100;
  const sign = pence < 0 ? '-' : '';
  return `${sign}£${pounds.toLocaleString('en-GB')}.${String(rest).padStart(2, '0')}`;
}

const ONES = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten',
  'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

function underHundred(n: number): string {
  if (n < 20) return ONES[n] ?? '';
  const tens = TENS[Math.floor(n / 10)] ?? '';
  return n % 10 === 0 ? tens : `${tens}-${ONES[n % 10]}`;
}

function underThousand(n: number): string {
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  if (hundreds === 0) return underHundred(rest);
  const head = `${ONES[hundreds]} hundred`;
  return rest === 0 ? head : `${head} and ${underHundred(rest)}`;
}

/** British English words for a whole number: 1980 → "one thousand nine hundred and eighty". */
export function numberToWords(n: number): string {
  if (!Number.isFinite(n)) return '';
  if (n < 0) return `minus ${numberToWords(-n)}`;
  n = Math.floor(n);
  if (n === 0) return 'zero';
  const scales: [number, string][] = [[1_000_000_000, 'billion'], [1_000_000, 'million'], [1000, 'thousand']];
  const words: string[] = [];
  for (const [size, name] of scales) {
    if (n >= size) {
      words.push(`${underThousand(Math.floor(n / size))} ${name}`);
      n %= size;
    }
  }
  if (n > 0) words.push(words.length > 0 && n < 100 ? `and ${underHundred(n)}` : underThousand(n));
  return words.join(' ');
}

/** "one thousand nine hundred and eighty pounds and twelve pence". */
export function moneyToWords(pence: number): string {
  const abs = Math.abs(Math.round(pence));
  const pounds = Math.floor(abs / 100);
  const rest = abs % 100;
  const poundWords = pounds === 1 ? 'one pound' : `${numberToWords(pounds)} pounds`;
  const penceWords = rest === 1 ? 'one penny' : `${numberToWords(rest)} pence`;
  const sign = pence < 0 ? 'minus ' : '';
  if (pounds === 0 && rest > 0) return sign + penceWords;
  return sign + (rest === 0 ? poundWords : `${poundWords} and ${penceWords}`);
}

/**
 * Characters XML 1.0 forbids even when escaped (most control characters, unpaired surrogates,
 * U+FFFE/U+FFFF): one of them in a resident's words makes the whole SSML unreadable to the platform.
 */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function escapeXml(value: string): string {
  return value.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** SSML that both Alexa and Google accept (`<sub>`, `<say-as interpret-as="characters">`, `<break>`). */
export function toSsml(speech: Speech): string {
  const body = speech.parts.map((part) => {
    switch (part.type) {
      case 'text': return escapeXml(part.text);
      case 'money': return `<sub alias="${escapeXml(moneyToWords(part.pence))}">${escapeXml(formatMoney(part.pence))}</sub>`;
      case 'characters': return `<say-as interpret-as="characters">${escapeXml(part.text)}</say-as>`;
      case 'pause': return `<break time="${Math.max(0, Math.min(10000, Math.round(part.ms)))}ms"/>`;
    }
  }).join('');
  return `<speak>${body}</speak>`;
}

/** `text` cut to about `limit` characters from its middle, keeping how it starts and ends. */
function cutMiddle(text: string, limit: number): string {
  const half = Math.max(1, Math.floor(limit / 2));
  return `${text.slice(0, half)} … ${text.slice(-half)}`;
}

/**
 * SSML of at most `maxChars` characters (Alexa refuses longer speech). Only speech carrying
 * something absurdly long gets here, such as words read back from a forged request: its longest
 * parts lose their middles until it fits, so each sentence still starts and ends (with its
 * question) as written.
 */
export function toSsmlWithin(speech: Speech, maxChars: number): string {
  let ssml = toSsml(speech);
  for (let limit = 1000; ssml.length > maxChars && limit >= 2; limit = Math.floor(limit / 2)) {
    ssml = toSsml({ parts: speech.parts.map((part) => (part.type === 'text' || part.type === 'characters') && part.text.length > limit ? { ...part, text: cutMiddle(part.text, limit) } : part) });
  }
  return ssml;
}

/** Plain text for cards, chat and screens: money as "£1,980.12", references spaced out. */
export function toPlainText(speech: Speech): string {
  return speech.parts.map((part) => {
    switch (part.type) {
      case 'text': return part.text;
      case 'money': return formatMoney(part.pence);
      case 'characters': return part.text.split('').join(' ');
      case 'pause': return ' ';
    }
  }).join('').replace(/\s+/g, ' ').trim();
}
