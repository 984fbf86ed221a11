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
