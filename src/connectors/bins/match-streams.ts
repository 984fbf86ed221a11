/**
 * Maps a calendar event's words to the council's bin streams. Councils name collections in many
 * ways ("Black bin", "Refuse & food", "RECYCLING - GREEN BIN"), so each stream lists its words.
 */

/** A stream id and the words that mean it, from the council config. */
export interface StreamWords {
  id: string;
  match: string[];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A phrase as a whole word: "green" matches "Green bin" but not "Greenwich". */
function wholeWordPattern(phrase: string): RegExp {
  const words = phrase.trim().split(/\s+/).map(escapeRegExp).join('\\s+');
  return new RegExp(`(?<![\\p{L}\\p{N}])${words}(?![\\p{L}\\p{N}])`, 'iu');
}

/**
 * Builds a function that returns the stream ids an event text mentions, in config order. The
 * patterns are built on its first call: Unicode word classes take milliseconds to build, which a
 * Lambda cold start answering "open the council" should not pay for a calendar it never reads.
 */
export function compileStreamMatcher(streams: StreamWords[]): (text: string) => string[] {
  let compiled: { id: string; patterns: RegExp[] }[] | undefined;
  return (text) => {
    compiled ??= streams.map((stream) => ({ id: stream.id, patterns: stream.match.map(wholeWordPattern) }));
    return compiled.filter((stream) => stream.patterns.some((pattern) => pattern.test(text))).map((stream) => stream.id);
  };
}

/** A match word of one stream found inside a match word of another: an event with `within` reads as both. */
export interface OverlappingWord {
  word: string;
  stream: string;
  within: string;
  otherStream: string;
}

/**
 * Match words that make one event count for two streams: RECYCLING's "green" inside GARDEN's
 * "green waste" means a "Green waste" collection is announced as recycling too. For the officer's
 * check; an event that names two bins ("Refuse and food") is meant to match both and is not flagged.
 */
export function findOverlappingWords(streams: StreamWords[]): OverlappingWord[] {
  const found: OverlappingWord[] = [];
  for (const stream of streams) {
    for (const word of stream.match) {
      const pattern = wholeWordPattern(word);
      for (const other of streams) {
        if (other.id === stream.id) continue;
        for (const within of other.match) {
          if (pattern.test(within)) found.push({ word, stream: stream.id, within, otherStream: other.id });
        }
      }
    }
  }
  return found;
}
