/**
 * The compact sample syntax of the model source: `(when|what day) is my {binType} (collected|emptied)`
 * stands for every choice of one word or phrase from each group; an empty choice makes a group
 * optional (`(please|)`). Expanded once, when the model is loaded, so every platform builder and
 * the simulator see plain samples.
 */

/**
 * Most samples one written line gives. A line with more combinations gives a spread of them in
 * which every choice of every group appears at least once: the platforms learn the words without
 * thousands of near-identical samples (and stay well within their limits).
 */
export const MAX_SAMPLES_PER_LINE = 32;

export class SampleSyntaxError extends Error {
  override name = 'SampleSyntaxError';
}

type Part = string | string[];

/** Splits a line into literal text and groups of choices, checking the brackets pair up. */
function parseLine(line: string): Part[] {
  const parts: Part[] = [];
  let rest = line;
  while (rest.length > 0) {
    const open = rest.indexOf('(');
    const close = rest.indexOf(')');
    if (close >= 0 && (open < 0 || close < open)) throw new SampleSyntaxError(`"${line}": a ")" without its "("`);
    if (open < 0) {
      parts.push(rest);
      break;
    }
    const end = rest.indexOf(')', open);
    if (end < 0) throw new SampleSyntaxError(`"${line}": a "(" without its ")"`);
    const inner = rest.slice(open + 1, end);
    if (inner.includes('(')) throw new SampleSyntaxError(`"${line}": groups cannot be nested`);
    parts.push(rest.slice(0, open), inner.split('|').map((choice) => choice.trim()));
    rest = rest.slice(end + 1);
  }
  return parts;
}

/** Every combination, in writing order. */
function everyCombination(groups: string[][]): string[][] {
  let rows: string[][] = [[]];
  for (const choices of groups) rows = rows.flatMap((row) => choices.map((choice) => [...row, choice]));
  return rows;
}

/**
 * `limit` combinations, deterministic: row k takes choice (k + ⌊k / n⌋·g) mod n of group g (n its
 * size), so the first rows walk every group through all its choices and later rows pair them anew.
 */
function spreadOfCombinations(groups: string[][], limit: number): string[][] {
  const rows: string[][] = [];
  for (let k = 0; k < limit; k++) {
    rows.push(groups.map((choices, g) => choices[(k + Math.floor(k / choices.length) * g) % choices.length] ?? ''));
  }
  return rows;
}

/** The samples a line gives (all of them, or a spread when there are many), spaces tidied, each once. */
export function expandSample(line: string): string[] {
  const parts = parseLine(line).map((part) => (typeof part === 'string' ? [part] : part));
  const count = parts.reduce((n, choices) => n * choices.length, 1);
  const rows = count <= MAX_SAMPLES_PER_LINE ? everyCombination(parts) : spreadOfCombinations(parts, MAX_SAMPLES_PER_LINE);
  const tidy = rows.map((row) => row.join(' ').replace(/\s+/g, ' ').trim()).filter(Boolean);
  return [...new Set(tidy)];
}
