/**
 * Scoring the NLU on sentences with known answers (test/nlu-eval/held-out.yaml): intent accuracy,
 * slot-value accuracy, how often out-of-domain requests fall back, and a confusion table. Shared by
 * `npm run nlu:eval` and the test that holds the accuracy floors.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { FALLBACK } from '../../core/intents';
import { normalisePostcode } from '../../core/postcode';
import { wordsToDigits } from '../../core/spoken-numbers';
import type { Nlu, NluResult } from './create-nlu';

/** One sentence and what a resident meant by it. */
export interface LabelledSentence {
  say: string;
  /** The model's intent name, or a neutral built-in (help, stop, ..., fallback). */
  intent: string;
  /** Ids for types with values, else the value (digits for numbers, ISO dates, postcodes). */
  slots?: Record<string, string>;
}

export interface Miss {
  say: string;
  want: string;
  got: string;
  slots?: string;
}

export interface EvaluationReport {
  sentences: number;
  intentAccuracy: number;
  /** Expected slot values found with the right id or value, over all expected slot values. */
  slotAccuracy: number;
  slotCount: number;
  /** Out-of-domain sentences that fell back, over all out-of-domain sentences. */
  outOfDomainAccuracy: number;
  outOfDomainCount: number;
  /** confusion.get(wanted).get(got) = count. */
  confusion: Map<string, Map<string, number>>;
  misses: Miss[];
}

/** The held-out set's label for words no intent should take: the core's fallback. */
export const FALLBACK_LABEL = FALLBACK;

/** Reads a held-out file: `{ sentences: [{ say, intent, slots? }] }`. */
export function readLabelledSentences(file: string): LabelledSentence[] {
  const parsed = parse(readFileSync(file, 'utf8')) as { sentences?: LabelledSentence[] };
  return parsed.sentences ?? [];
}

/** A slot value in comparable form: postcodes normalised, number words as digits, spaces gone. */
function comparable(value: string): string {
  const postcode = normalisePostcode(value);
  if (postcode) return postcode;
  const digits = wordsToDigits(value.toLowerCase());
  return /^[\d\s]+$/.test(digits) ? digits.replace(/\s+/g, '') : digits.replace(/^(the|my|our)\s+/, '');
}

function slotMatches(result: NluResult, name: string, want: string): boolean {
  const got = result.slots[name];
  if (!got) return false;
  if (got.id !== undefined) return got.id === want;
  return comparable(got.value) === comparable(want);
}

/** Runs every sentence through the NLU and scores the answers. */
export function evaluateNlu(nlu: Nlu, sentences: LabelledSentence[]): EvaluationReport {
  const confusion = new Map<string, Map<string, number>>();
  const misses: Miss[] = [];
  let intentsRight = 0;
  let slotsRight = 0;
  let slotCount = 0;
  let outOfDomain = 0;
  let outOfDomainRight = 0;
  for (const sentence of sentences) {
    const result = nlu.understand(sentence.say);
    const got = result.intent.name;
    const row = confusion.get(sentence.intent) ?? new Map<string, number>();
    row.set(got, (row.get(got) ?? 0) + 1);
    confusion.set(sentence.intent, row);
    const intentRight = got === sentence.intent;
    if (intentRight) intentsRight++;
    if (sentence.intent === FALLBACK_LABEL) {
      outOfDomain++;
      if (intentRight) outOfDomainRight++;
    }
    const wrongSlots: string[] = [];
    for (const [name, want] of Object.entries(sentence.slots ?? {})) {
      slotCount++;
      if (intentRight && slotMatches(result, name, want)) slotsRight++;
      else wrongSlots.push(`${name}=${want} got ${JSON.stringify(result.slots[name]?.id ?? result.slots[name]?.value ?? null)}`);
    }
    if (!intentRight || wrongSlots.length > 0) {
      misses.push({ say: sentence.say, want: sentence.intent, got, ...(wrongSlots.length > 0 ? { slots: wrongSlots.join(', ') } : {}) });
    }
  }
  return {
    sentences: sentences.length,
    intentAccuracy: sentences.length ? intentsRight / sentences.length : 0,
    slotAccuracy: slotCount ? slotsRight / slotCount : 1,
    slotCount,
    outOfDomainAccuracy: outOfDomain ? outOfDomainRight / outOfDomain : 1,
    outOfDomainCount: outOfDomain,
    confusion,
    misses,
  };
}

function percent(share: number): string {
  return `${(100 * share).toFixed(1)}%`;
}

/** The report as staff read it: the three accuracies, the confusion table, then each miss. */
export function formatEvaluation(report: EvaluationReport): string {
  const lines = [
    `Sentences: ${report.sentences}`,
    `Intent accuracy:        ${percent(report.intentAccuracy)}`,
    `Slot value accuracy:    ${percent(report.slotAccuracy)} of ${report.slotCount} slot values`,
    `Out-of-domain fallback: ${percent(report.outOfDomainAccuracy)} of ${report.outOfDomainCount} requests`,
    '',
    'Confusion (wanted → understood, count), wrong answers only:',
  ];
  const wanted = [...report.confusion.keys()].sort();
  for (const want of wanted) {
    const row = report.confusion.get(want) ?? new Map<string, number>();
    const total = [...row.values()].reduce((a, b) => a + b, 0);
    const wrong = [...row.entries()].filter(([got]) => got !== want).sort((a, b) => b[1] - a[1]);
    const right = row.get(want) ?? 0;
    lines.push(`  ${want.padEnd(26)} ${String(right).padStart(3)}/${String(total).padEnd(3)} ${wrong.map(([got, n]) => `${got} ×${n}`).join(', ')}`);
  }
  if (report.misses.length > 0) {
    lines.push('', 'Misses:');
    for (const miss of report.misses) {
      lines.push(`  "${miss.say}": wanted ${miss.want}, got ${miss.got}${miss.slots ? ` (${miss.slots})` : ''}`);
    }
  }
  return lines.join('\n');
}
