/**
 * Answers to the council's own questions about a report (Open311 service attributes), taken from
 * what the resident said: a choice from the council's list, a number, a yes or no, or free text.
 */
import type { ReportQuestion } from '../council';
import type { Confirmation } from '../turn';
import { wordsToDigits } from '../spoken-numbers';

const YES = /^(yes|y|true|1)$/i;
const NO = /^(no|n|false|0)$/i;

/** The council's yes and no keys, when its list is exactly a yes and a no. */
function yesNoKeys(question: ReportQuestion): { yes: string; no: string } | undefined {
  const values = question.values ?? [];
  if (values.length !== 2) return undefined;
  const yes = values.find((v) => YES.test(v.key) || YES.test(v.name));
  const no = values.find((v) => NO.test(v.key) || NO.test(v.name));
  return yes && no ? { yes: yes.key, no: no.key } : undefined;
}

/** True when a plain "yes" or "no" answers the question. */
export function isYesNoQuestion(question: ReportQuestion): boolean {
  return yesNoKeys(question) !== undefined;
}

function words(text: string): string {
  return ` ${text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim()} `;
}

/** The listed value the resident named; the longest name wins ("very large" over "large"). */
function matchChoice(question: ReportQuestion, spoken: string): string | undefined {
  const said = words(spoken);
  const candidates = (question.values ?? [])
    .flatMap((v) => [{ key: v.key, name: v.name }, { key: v.key, name: v.key }])
    .sort((a, b) => b.name.length - a.name.length);
  return candidates.find((c) => words(c.name).trim() !== '' && said.includes(words(c.name)))?.key;
}

/**
 * The answer to send for `question`, or undefined when what was said does not answer it (the skill
 * then asks again, naming the choices).
 */
export function answerFor(question: ReportQuestion, spoken: string | undefined, confirmation: Confirmation): string | undefined {
  const yesNo = yesNoKeys(question);
  if (yesNo && confirmation !== 'NONE') return confirmation === 'CONFIRMED' ? yesNo.yes : yesNo.no;
  const text = spoken?.trim();
  if (!text) return undefined;
  if (question.values && question.values.length > 0) {
    const choice = matchChoice(question, text);
    if (choice) return choice;
    if (yesNo) {
      const first = words(text).trim().split(' ')[0] ?? '';
      if (YES.test(first) || first === 'yeah') return yesNo.yes;
      if (NO.test(first) || first === 'nope') return yesNo.no;
    }
    return undefined;
  }
  if (question.datatype === 'number') {
    const number = wordsToDigits(text).match(/\d+(\.\d+)?/)?.[0];
    return number;
  }
  return text;
}
