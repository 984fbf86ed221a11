/**
 * `npm run nlu:eval [file]`: the simulator's NLU on the held-out sentences (by default
 * test/nlu-eval/held-out.yaml): intent, slot and out-of-domain accuracy and a confusion table.
 */
import path from 'node:path';
import { loadLanguageModel } from '../src/language-model/load-language-model';
import { createNlu } from '../src/simulator/nlu/create-nlu';
import { EVALUATION_NOW } from '../src/simulator/nlu/evaluation-clock';
import { evaluateNlu, formatEvaluation, readLabelledSentences } from '../src/simulator/nlu/evaluation';

const file = process.argv[2] ?? path.resolve(__dirname, '../test/nlu-eval/held-out.yaml');
const nlu = createNlu(loadLanguageModel('en-GB'), { now: () => EVALUATION_NOW, timeZone: 'Europe/London' });
console.log(`NLU evaluation on ${path.relative(process.cwd(), file)}`);
console.log(formatEvaluation(evaluateNlu(nlu, readLabelledSentences(file))));
