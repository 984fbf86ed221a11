/**
 * `npm run bench:nlu`: the simulator's NLU time per sentence once built, on the held-out
 * sentences (test/nlu-eval/held-out.yaml), and how long building it takes. CPU time as well as
 * wall time: on a shared machine, wall time also counts waiting for a core.
 */
import path from 'node:path';
import { loadLanguageModel } from '../src/language-model/load-language-model';
import { createNlu } from '../src/simulator/nlu/create-nlu';
import { readLabelledSentences } from '../src/simulator/nlu/evaluation';

const ROUNDS = 20;
const started = performance.now();
const nlu = createNlu(loadLanguageModel('en-GB'));
const built = performance.now() - started;
const sentences = readLabelledSentences(path.resolve(__dirname, '../test/nlu-eval/held-out.yaml')).map((s) => s.say);
for (const s of sentences) nlu.understand(s);
const times: number[] = [];
const cpuBefore = process.cpuUsage();
for (let round = 0; round < ROUNDS; round++) {
  for (const s of sentences) {
    const at = performance.now();
    nlu.understand(s);
    times.push(performance.now() - at);
  }
}
const cpu = process.cpuUsage(cpuBefore);
times.sort((a, b) => a - b);
const quantile = (q: number) => (times[Math.floor(q * (times.length - 1))] ?? 0).toFixed(3);
console.log(`NLU built (model loaded, classifier trained) in ${built.toFixed(0)} ms`);
console.log(`${times.length} sentences: CPU ${((cpu.user + cpu.system) / 1000 / times.length).toFixed(3)} ms a sentence on average; `
  + `wall clock median ${quantile(0.5)} ms, p90 ${quantile(0.9)} ms, p99 ${quantile(0.99)} ms`);
