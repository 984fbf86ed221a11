/**
 * The built models stay within what each console accepts, now that alternations expand the
 * samples. Limits as published:
 * - Alexa (developer.amazon.com, "Create Intents, Utterances, and Slots" and the interaction model
 *   schema): 50,000 custom slot values across all slot types (values and synonyms counted here);
 *   a sample utterance at most 200 characters; the model file well under 1.5 MB.
 * - Dialogflow ES and CX (cloud.google.com/dialogflow/quotas, "Limits"): at most 2,000 training
 *   phrases per intent, 768 characters per training phrase.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const MODELS = path.resolve(__dirname, '../../interaction-models');

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

interface AlexaModel {
  interactionModel: { languageModel: { intents: { name: string; samples?: string[] }[]; types?: { values: { name: { value: string; synonyms?: string[] } }[] }[] } };
}

describe('the built Alexa model', () => {
  const file = path.resolve(__dirname, '../../skill-package/interactionModels/custom/en-GB.json');
  const language = readJson<AlexaModel>(file).interactionModel.languageModel;

  it('keeps every sample under 200 characters, each once in the whole model', () => {
    const samples = language.intents.flatMap((i) => i.samples ?? []);
    expect(samples.filter((s) => s.length > 200)).toEqual([]);
    expect(new Set(samples.map((s) => s.toLowerCase())).size).toBe(samples.length);
  });

  it('keeps slot values and synonyms under 50,000 and the file under 1.5 MB', () => {
    const values = (language.types ?? []).flatMap((t) => t.values.flatMap((v) => [v.name.value, ...(v.name.synonyms ?? [])]));
    expect(values.length).toBeLessThan(50_000);
    expect(statSync(file).size).toBeLessThan(1.5 * 1024 * 1024);
  });

  it('carries the richer samples: at least 30 for every custom intent', () => {
    for (const intent of language.intents.filter((i) => !i.name.startsWith('AMAZON.'))) {
      expect({ intent: intent.name, enough: (intent.samples?.length ?? 0) >= 30 }).toEqual({ intent: intent.name, enough: true });
    }
  });
});

describe.each(['dialogflow-cx', 'dialogflow-es'])('the built %s agent', (platform) => {
  const folder = path.join(MODELS, platform);

  /** Training phrases by intent file, whichever layout the agent export uses. */
  function phraseFiles(): { file: string; phrases: string[] }[] {
    const out: { file: string; phrases: string[] }[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir)) {
        const full = path.join(dir, entry);
        if (statSync(full).isDirectory()) walk(full);
        else if (/trainingPhrases|_usersays_/.test(full) && full.endsWith('.json')) {
          const json = readJson<{ trainingPhrases?: { parts: { text: string }[] }[] } | { data: { text: string }[] }[]>(full);
          const rows = Array.isArray(json) ? json.map((r) => r.data) : (json.trainingPhrases ?? []).map((r) => r.parts);
          out.push({ file: path.relative(folder, full), phrases: rows.map((parts) => parts.map((p) => p.text).join('')) });
        }
      }
    };
    walk(path.join(folder, 'intents'));
    return out;
  }

  it('keeps every intent under 2,000 training phrases of at most 768 characters', () => {
    const files = phraseFiles();
    expect(files.length).toBeGreaterThan(10);
    for (const { file, phrases } of files) {
      expect({ file, within: phrases.length <= 2000 }).toEqual({ file, within: true });
      expect(phrases.filter((p) => p.length > 768)).toEqual([]);
    }
  });

  it('carries the richer samples: the report intent has at least 30 training phrases', () => {
    const report = phraseFiles().filter((f) => f.file.includes('ReportIssueIntent'));
    expect(Math.max(...report.map((f) => f.phrases.length))).toBeGreaterThanOrEqual(30);
  });
});
