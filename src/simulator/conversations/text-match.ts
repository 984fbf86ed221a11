/** "/recycling/i" is a regular expression; anything else must appear in the text, in any case. */
export function matchesText(text: string, pattern: string): boolean {
  const regex = /^\/(.*)\/([a-z]*)$/s.exec(pattern);
  if (regex) return new RegExp(regex[1] ?? '', regex[2]).test(text);
  return text.toLowerCase().includes(pattern.toLowerCase());
}
