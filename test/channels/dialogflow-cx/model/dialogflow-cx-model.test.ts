import { askPageFor } from '../../../../src/channels/dialogflow-cx/ask-pages';
import { WELCOME } from '../../../../src/channels/dialogflow-common/intent-names';
import { allHandlers } from '../../../../src/core/handlers';
import { CAN_FULFIL, LAUNCH, SESSION_END } from '../../../../src/core/intents';
import { loadLanguageModel } from '../../../../src/language-model/load-language-model';
import { buildDialogflowCx, DIALOGFLOW_CX_DIR, NEGATIVE_INTENT } from '../../../../src/channels/dialogflow-cx/model/build-dialogflow-cx';
import { parseJson, readAgentFolder, sortedEntries } from '../../dialogflow-common/model/agent-folder';

interface Fulfillment { webhook?: string; tag?: string; messages?: unknown[] }
interface Flow {
  transitionRoutes: { intent: string; triggerFulfillment: Fulfillment }[];
  eventHandlers: { event: string; triggerFulfillment: Fulfillment }[];
}
interface Page {
  name: string;
  form: { parameters: { displayName: string; required: boolean; entityType: string }[] };
  transitionRoutes: { condition: string; triggerFulfillment: Fulfillment }[];
}
interface Intent { displayName: string; parameters: { id: string; entityType: string }[] }
interface Phrases { trainingPhrases: { parts: { text: string; parameterId?: string }[] }[] }

const model = loadLanguageModel('en-GB');
const built = buildDialogflowCx(model);
const flow = parseJson<Flow>(built, 'flows/Default Start Flow/Default Start Flow.json');
const handlerNames = Object.keys(allHandlers);
const START = 'flows/Default Start Flow';

/** Every tag the agent can send the webhook. */
function tags(): string[] {
  const pages = [...built.keys()].filter((p) => p.startsWith(`${START}/pages/`)).map((p) => parseJson<Page>(built, p));
  return [
    ...flow.transitionRoutes.map((r) => r.triggerFulfillment.tag),
    ...flow.eventHandlers.map((e) => e.triggerFulfillment.tag),
    ...pages.flatMap((p) => p.transitionRoutes.map((r) => r.triggerFulfillment.tag)),
  ].filter((tag): tag is string => tag !== undefined);
}

describe('the Dialogflow CX agent in interaction-models/dialogflow-cx', () => {
  test('is up to date with the language model source (run `npm run models` if not)', () => {
    expect(sortedEntries(readAgentFolder(DIALOGFLOW_CX_DIR))).toEqual(sortedEntries(built));
  });

  test('rebuilds identically', () => {
    expect(sortedEntries(buildDialogflowCx(loadLanguageModel('en-GB')))).toEqual(sortedEntries(built));
  });

  test('routes every intent to the webhook, tagged with its name', () => {
    for (const route of flow.transitionRoutes) {
      expect(route.triggerFulfillment).toEqual({ webhook: 'council-voice', tag: route.intent === 'Default Welcome Intent' ? WELCOME : route.intent });
    }
    const routed = flow.transitionRoutes.map((r) => r.intent);
    const expected = model.intents.filter((i) => i.samples.length > 0).map((i) => i.name);
    expect(routed).toEqual(['Default Welcome Intent', ...expected]);
    expect(flow.eventHandlers.find((e) => e.event === 'sys.no-match-default')?.triggerFulfillment.tag).toBe('fallback');
  });

  test('every tag reaches a handler', () => {
    const unhandled = tags().filter((tag) => !handlerNames.includes(tag === WELCOME ? LAUNCH : tag));
    expect([...new Set(unhandled)]).toEqual([]);
  });

  test('every handler is reachable from the agent', () => {
    const reachable = new Set(tags().map((tag) => (tag === WELCOME ? LAUNCH : tag)));
    // No platform request on Google ends a session or asks whether the skill can answer.
    const needed = handlerNames.filter((name) => name !== SESSION_END && name !== CAN_FULFIL);
    expect(needed.filter((name) => !reachable.has(name))).toEqual([]);
  });

  test('annotates every slot in the training phrases with the intent parameter', () => {
    for (const intent of model.intents.filter((i) => i.samples.length > 0)) {
      const name = intent.name;
      const definition = parseJson<Intent>(built, `intents/${name}/${name}.json`);
      expect(definition.parameters.map((p) => p.id)).toEqual(intent.slots.map((s) => s.name));
      for (const lang of ['en', 'en-gb']) {
        const phrases = parseJson<Phrases>(built, `intents/${name}/trainingPhrases/${lang}.json`).trainingPhrases;
        expect(phrases).toHaveLength(intent.samples.length);
        phrases.forEach((phrase, i) => {
          const annotated = phrase.parts.filter((p) => p.parameterId).map((p) => p.parameterId);
          expect(annotated).toEqual([...(intent.samples[i] ?? '').matchAll(/\{(\w+)\}/g)].map((m) => m[1]));
          expect(phrase.parts.map((p) => p.text).join('')).not.toMatch(/[{}]/);
        });
      }
    }
  });

  test('gives the Default Negative Intent the requests the council does not serve, in both English files', () => {
    const negatives = model.outOfDomain ?? [];
    expect(negatives.length).toBeGreaterThan(100);
    const folder = `intents/${NEGATIVE_INTENT}`;
    const definition = parseJson<{ name: string; isFallback?: boolean; numTrainingPhrases: number }>(built, `${folder}/${NEGATIVE_INTENT}.json`);
    expect(definition).toMatchObject({ name: '00000000-0000-0000-0000-000000000001', isFallback: true, numTrainingPhrases: negatives.length });
    for (const lang of ['en', 'en-gb']) {
      const phrases = parseJson<Phrases>(built, `${folder}/trainingPhrases/${lang}.json`).trainingPhrases;
      expect(phrases.map((p) => p.parts.map((part) => part.text).join(''))).toEqual(negatives);
      expect(phrases.flatMap((p) => p.parts.filter((part) => part.parameterId))).toEqual([]);
    }
    // The negative intent is never a route: matching it is the no-match the webhook answers as fallback.
    expect(flow.transitionRoutes.map((r) => r.intent)).not.toContain(NEGATIVE_INTENT);
  });

  test('lists entity values under the ids handlers read, with what residents say as synonyms', () => {
    const bins = parseJson<{ entities: { value: string; synonyms: string[] }[] }>(built, 'entityTypes/BIN_TYPE/entities/en-gb.json').entities;
    expect(bins.map((e) => e.value)).toEqual(['REFUSE', 'RECYCLING', 'GARDEN', 'FOOD', 'GLASS']);
    expect(bins.find((e) => e.value === 'RECYCLING')?.synonyms).toEqual(expect.arrayContaining(['recycling', 'green bin']));
    const report = parseJson<Intent>(built, 'intents/ReportIssueIntent/ReportIssueIntent.json');
    expect(report.parameters).toEqual([
      { id: 'issueType', entityType: '@ISSUE_TYPE' }, { id: 'location', entityType: '@sys.any' }, { id: 'description', entityType: '@sys.any' },
    ]);
  });

  test('has an Ask page for every slot, with the id the webhook targets and a form for just that slot', () => {
    for (const intent of model.intents) {
      for (const slot of intent.slots) {
        const page = askPageFor(intent.name, slot.name);
        const json = parseJson<Page>(built, `${START}/pages/${page.displayName}.json`);
        expect(json.name).toBe(page.id);
        expect(json.form.parameters.map((p) => [p.displayName, p.required])).toEqual([[slot.name, true]]);
        expect(json.transitionRoutes[0]?.triggerFulfillment).toEqual({ webhook: 'council-voice', tag: intent.name });
      }
    }
  });

  test('points the webhook at a placeholder the council replaces with its own server', () => {
    const webhook = parseJson<{ genericWebService: { uri: string } }>(built, 'webhooks/council-voice.json');
    expect(webhook.genericWebService.uri).toMatch(/^https:\/\/.+\/dialogflow\/cx$/);
  });
});
