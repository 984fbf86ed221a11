/**
 * Turning what a resident typed (or what speech recognition heard) into comparable words.
 * Samples and sentences go through the same steps, so "what's" in one meets "what is" in the other.
 */

/** One word of a sentence, in comparable form, remembering the words it came from. */
export interface Token {
  /** Lower case, apostrophes expanded: "what's" gives "what" and "is". */
  word: string;
  /** A light stem, so "collected", "collection" and "collects" meet. */
  stem: string;
  /** Index of the original word, so slot values keep the resident's own words. */
  source: number;
}

export interface TokenisedText {
  tokens: Token[];
  /** The original words (punctuation trimmed), indexed by Token.source. */
  words: string[];
}

/** Pronouns and question words whose "'s" means "is" rather than a possessive. */
const IS_CONTRACTIONS = new Set(['what', 'it', 'that', 'there', 'when', 'where', 'who', 'how', 'here', 'he', 'she', 'which', 'why', 'this']);

// Maps, not object literals: a word like "constructor" must not find Object.prototype's.
const IRREGULAR_NEGATIVES = new Map<string, string[]>(Object.entries({
  "won't": ['will', 'not'], "can't": ['can', 'not'], "shan't": ['shall', 'not'], "ain't": ['is', 'not'],
  cannot: ['can', 'not'], "let's": ['let', 'us'],
}));

/** "what's" → ["what", "is"]; "wasn't" → ["was", "not"]; "bins'" → ["bins"]. */
export function expandContraction(word: string): string[] {
  const irregular = IRREGULAR_NEGATIVES.get(word);
  if (irregular) return irregular;
  const match = /^(.+?)'(s|t|re|ve|ll|m|d)$/.exec(word);
  if (!match) return [word.replace(/'/g, '')];
  const [, head = '', tail] = match;
  switch (tail) {
    case 's': return IS_CONTRACTIONS.has(head) ? [head, 'is'] : [head];
    case 't': return head.endsWith('n') ? [head.slice(0, -1), 'not'] : [head];
    case 're': return [head, 'are'];
    case 've': return [head, 'have'];
    case 'll': return [head, 'will'];
    case 'm': return [head, 'am'];
    case 'd': return [head, 'would'];
    default: return [head];
  }
}

/** Texting shorthand and colloquial forms, read as the words they stand for. */
const COLLOQUIAL = new Map<string, string[]>(Object.entries({
  yup: ['yes'], aye: ['yes'], yea: ['yes'], ya: ['yes'], nah: ['no'], pls: ['please'], plz: ['please'],
  thx: ['thanks'], ta: ['thanks'], u: ['you'], ur: ['your'], wanna: ['want', 'to'], gonna: ['going', 'to'],
  tmrw: ['tomorrow'], tmr: ['tomorrow'], tomoz: ['tomorrow'], whats: ['what', 'is'], whens: ['when', 'is'],
  im: ['i', 'am'], ive: ['i', 'have'], dont: ['do', 'not'], cant: ['can', 'not'], wont: ['will', 'not'],
  isnt: ['is', 'not'], wasnt: ['was', 'not'], didnt: ['did', 'not'], thats: ['that', 'is'], theres: ['there', 'is'],
}));

const SUFFIXES: [RegExp, string][] = [
  [/ions$/, ''], [/ion$/, ''], [/ings$/, ''], [/ing$/, ''], [/ied$/, 'y'], [/ies$/, 'y'],
  [/ers$/, ''], [/er$/, ''], [/ed$/, ''], [/es$/, ''], [/s$/, ''],
];
/** Stems already worked out: the same few hundred words come up again and again. */
const stems = new Map<string, string>();

/**
 * A light suffix stripper. It need not produce real words, only the same stem for the forms
 * residents use of one word; it leaves short words alone so "is" and "bus" stay themselves.
 */
export function stem(word: string): string {
  const known = stems.get(word);
  if (known !== undefined) return known;
  let result = word;
  if (word.length >= 4 && !/\d/.test(word)) {
    for (const [suffix, replacement] of SUFFIXES) {
      if (!suffix.test(word)) continue;
      const stemmed = word.replace(suffix, replacement);
      if (stemmed.length >= 3 && !stemmed.endsWith('s')) {
        result = stemmed;
        break;
      }
    }
  }
  if (stems.size < 20_000) stems.set(word, result);
  return result;
}

/** Splits a sentence into comparable tokens. Digits and letters stay together ("sw1a", "12a"). */
export function tokenise(text: string): TokenisedText {
  const cleaned = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`]/g, "'")
    .replace(/&/g, ' and ')
    // Hyphens join words people also say apart: "fly-tipping", "forty-seven".
    .replace(/(\w)-(\w)/g, '$1 $2');
  const words = cleaned.split(/[^a-z0-9']+/).map((w) => w.replace(/^'+|'+$/g, '')).filter(Boolean);
  const tokens: Token[] = [];
  words.forEach((original, source) => {
    for (const word of COLLOQUIAL.get(original) ?? expandContraction(original)) {
      if (word) tokens.push({ word, stem: stem(word), source });
    }
  });
  return { tokens, words };
}

/** The resident's own words behind tokens `from` to `to` (exclusive), for a slot value. */
export function sourceText(text: TokenisedText, from: number, to: number): string {
  const first = text.tokens[from];
  const last = text.tokens[to - 1];
  if (!first || !last) return '';
  return text.words.slice(first.source, last.source + 1).join(' ');
}
