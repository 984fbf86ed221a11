import { askContextFor } from '../../../../src/channels/dialogflow-es/ask-contexts';
import { ES_FALLBACK_ACTION, ES_WELCOME_ACTION } from '../../../../src/channels/dialogflow-common/intent-names';
import { allHandlers } from '../../../../src/core/handlers';
import { CAN_FULFIL, FALLBACK, LAUNCH, SESSION_END } from '../../../../src/core/intents';
import { loadLanguageModel } from '../../../../src/language-model/load-language-model';
import { buildDialogflowEs, DIALOGFLOW_ES_DIR } from '../../../../src/channels/dialogflow-es/model/build-dialogflow-es';
import { parseJson, readAgentFolder, sortedEntries } from '../../dialogflow-common/model/agent-folder';

interface EsIntent {
  name: string;
  contexts: string[];
  responses: { action: string; parameters: { name: string; dataType: string; value: string }[] }[];
  webhookUsed: boolean;
  fallbackIntent: boolean;
  events: { name: string }[];
}
interface UserSays { data: { text: string; alias?: string; meta?: string; userDefined: boolean }[]; lang: string }

const model = loadLanguageModel('en-GB');
const built = buildDialogflowEs(model);
const intents = [...built.keys()].filter((p) => /^intents\/[^/]+\.json$/.test(p) && !p.includes('_usersays_')).map((p) => parseJson<EsIntent>(built, p));
const handlerNames = Object.keys(allHandlers);

/** The handler an intent's action reaches, as the ES codec maps it. */
function handlerFor(action: string): string {
  if (action === ES_WELCOME_ACTION) return LAUNCH;
  if (action === ES_FALLBACK_ACTION) return FALLBACK;
  return action;
}

describe('the Dialogflow ES agent in interaction-models/dialogflow-es', () => {
  test('is up to date with the language model source (run `npm run models` if not)', () => {
    expect(sortedEntries(readAgentFolder(DIALOGFLOW_ES_DIR))).toEqual(sortedEntries(built));
  });

  test('rebuilds identically', () => {
    expect(sortedEntries(buildDialogflowEs(loadLanguageModel('en-GB')))).toEqual(sortedEntries(built));
  });

  test('is a v2 agent with the webhook on, in British English', () => {
    const agent = parseJson<{ language: string; supportedLanguages: string[]; onePlatformApiVersion: string; webhook: { url: string; available: boolean } }>(built, 'agent.json');
    expect(agent).toMatchObject({ language: 'en', supportedLanguages: ['en-gb'], onePlatformApiVersion: 'v2', webhook: { available: true } });
    expect(agent.webhook.url).toMatch(/^https:\/\/.+\/dialogflow\/es$/);
    expect(parseJson(built, 'package.json')).toEqual({ version: '1.0.0' });
  });

  test('every intent calls the webhook and its action reaches a handler', () => {
    expect(intents.filter((i) => !i.webhookUsed).map((i) => i.name)).toEqual([]);
    const unhandled = intents.map((i) => i.responses[0]?.action ?? '').filter((action) => !handlerNames.includes(handlerFor(action)));
    expect([...new Set(unhandled)]).toEqual([]);
  });

  test('every handler is reachable from the agent', () => {
    const reachable = new Set(intents.map((i) => handlerFor(i.responses[0]?.action ?? '')));
    // No platform request on Google ends a session or asks whether the skill can answer.
    const needed = handlerNames.filter((name) => name !== SESSION_END && name !== CAN_FULFIL);
    expect(needed.filter((name) => !reachable.has(name))).toEqual([]);
  });

  test('has Dialogflow\'s welcome and fallback intents, answered by the webhook', () => {
    const welcome = intents.find((i) => i.name === 'Default Welcome Intent');
    expect(welcome?.events.map((e) => e.name)).toEqual(['WELCOME', 'GOOGLE_ASSISTANT_WELCOME']);
    const fallback = intents.find((i) => i.name === 'Default Fallback Intent');
    expect(fallback).toMatchObject({ fallbackIntent: true, responses: [{ action: ES_FALLBACK_ACTION }] });
  });

  test('gives the fallback intent the requests the council does not serve as negative examples, in both English files', () => {
    const negatives = model.outOfDomain ?? [];
    expect(negatives.length).toBeGreaterThan(100);
    for (const lang of ['en', 'en-gb']) {
      const says = parseJson<UserSays[]>(built, `intents/Default Fallback Intent_usersays_${lang}.json`);
      expect(says.map((phrase) => phrase.data.map((d) => d.text).join(''))).toEqual(negatives);
      expect(says.flatMap((phrase) => phrase.data.filter((d) => d.userDefined))).toEqual([]);
      expect(says.every((phrase) => phrase.lang === lang)).toBe(true);
    }
    // A negative example that is also a sample would teach the agent to drop a request it serves.
    const samples = new Set(model.intents.flatMap((i) => i.samples.map((s) => s.toLowerCase())));
    expect(negatives.filter((n) => samples.has(n.toLowerCase()))).toEqual([]);
  });

  test('annotates every slot in the training phrases, in both English files', () => {
    for (const intent of model.intents.filter((i) => i.samples.length > 0)) {
      const name = intent.name;
      for (const lang of ['en', 'en-gb']) {
        const says = parseJson<UserSays[]>(built, `intents/${name}_usersays_${lang}.json`);
        expect(says).toHaveLength(intent.samples.length);
        says.forEach((phrase, i) => {
          expect(phrase.lang).toBe(lang);
          expect(phrase.data.filter((d) => d.userDefined).map((d) => d.alias)).toEqual([...(intent.samples[i] ?? '').matchAll(/\{(\w+)\}/g)].map((m) => m[1]));
        });
      }
    }
  });

  test('catches a bare answer for each slot while its await context is set', () => {
    for (const intent of model.intents) {
      for (const slot of intent.slots) {
        const ask = askContextFor(intent.name, slot.name);
        const json = parseJson<EsIntent>(built, `intents/${ask.intentName}.json`);
        expect(json.contexts).toEqual([ask.context]);
        expect(json.responses[0]?.action).toBe(intent.name);
        expect(json.responses[0]?.parameters.map((p) => [p.name, p.value])).toEqual([[slot.name, `$${slot.name}`]]);
        const says = parseJson<UserSays[]>(built, `intents/${ask.intentName}_usersays_en-gb.json`);
        expect(says.length).toBeGreaterThan(0);
        for (const phrase of says) expect(phrase.data.map((d) => d.alias)).toEqual([slot.name]);
      }
    }
  });

  test('lists entity values under the ids handlers read', () => {
    const bands = parseJson<{ value: string; synonyms: string[] }[]>(built, 'entities/TAX_BAND_entries_en-gb.json');
    expect(bands.map((b) => b.value)).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H']);
    expect(bands.find((b) => b.value === 'D')?.synonyms).toEqual(expect.arrayContaining(['band d', 'dee']));
    const bin = intents.find((i) => i.name === 'GetBinCollectionIntent');
    expect(bin?.responses[0]?.parameters.map((p) => p.dataType)).toEqual(['@BIN_TYPE', '@sys.date']);
  });
});
