/**
 * Reading SSML back as a person would: the written text for the screen, and roughly how long
 * it takes to say, for the page's "too long to speak" warning.
 */

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function unescape(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => ENTITIES[name] ?? '');
}

/** The words of an SSML document as written ("£1,980.12", not its spoken alias). */
export function ssmlToText(ssml: string): string {
  return unescape(ssml.replace(/<break[^>]*\/>/g, ' ').replace(/<[^>]+>/g, ''))
    .replace(/\s+/g, ' ')
    .trim();
}

/** The words as spoken: `<sub alias>` replaced by its alias, characters spelled out. */
export function ssmlToSpokenWords(ssml: string): string {
  return unescape(ssml
    .replace(/<sub\s+alias="([^"]*)"[^>]*>.*?<\/sub>/g, ' $1 ')
    .replace(/<say-as\s+interpret-as="characters"[^>]*>(.*?)<\/say-as>/g, (_, chars: string) => ` ${chars.split('').join(' ')} `)
    .replace(/<[^>]+>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();
}

/** Alexa and Google speak at about 150 words a minute. */
const WORDS_PER_SECOND = 2.5;

/** Estimated seconds to speak an SSML document, breaks included. */
export function estimateSpeechSeconds(ssml: string): number {
  // Punctuation on its own is not a word; "&" is ("and").
  const words = ssmlToSpokenWords(ssml).split(' ').filter((w) => /[\w&£]/.test(w)).length;
  let breaks = 0;
  for (const match of ssml.matchAll(/<break\s+time="(\d+(?:\.\d+)?)(ms|s)"/g)) {
    breaks += Number(match[1]) / (match[2] === 's' ? 1 : 1000);
  }
  return words / WORDS_PER_SECOND + breaks;
}
