/**
 * Builds the Dialogflow CX agent export (the JSON package folder the CX console restores from)
 * from the one language model: agent.json; an entity type per slot type with values; an intent
 * per model intent with annotated training phrases; the Default Negative Intent with the model's
 * out-of-domain examples; the Default Start Flow, whose routes call
 * the webhook with the intent's name as the tag; an "Ask" page per slot, whose one-parameter
 * form catches a bare answer; and the webhook itself.
 */
import path from 'node:path';
import { askPages, DEFAULT_START_FLOW_ID } from '../ask-pages';
import { DEFAULT_WELCOME_INTENT, WELCOME } from '../../dialogflow-common/intent-names';
import { CX_REPROMPT_PARAMETER } from '../../dialogflow-common/session-state';
import { stableUuid } from '../../dialogflow-common/stable-uuid';
import { FALLBACK } from '../../../core/intents';
import type { LanguageModel } from '../../../language-model/language-model';
import {
  entityTypeOf, intentsWithPhrases, LANGUAGES, PLACEHOLDER_HOST, toJson, toPhraseParts, WEBHOOK_NAME,
  plainPhrases, WELCOME_PHRASES, writeAgentFiles, type AgentFiles, type PhrasePart,
} from '../../dialogflow-common/model/dialogflow-common';

export const DIALOGFLOW_CX_DIR = path.resolve(__dirname, '../../../../interaction-models/dialogflow-cx');
const START_FLOW = 'Default Start Flow';
/** CX's fixed ids for the two intents every agent has. */
const WELCOME_INTENT_ID = '00000000-0000-0000-0000-000000000000';
const NEGATIVE_INTENT_ID = '00000000-0000-0000-0000-000000000001';
/** CX's intent for what the agent must not match: its training phrases are negative examples. */
export const NEGATIVE_INTENT = 'Default Negative Intent';

function callWebhook(tag: string): unknown {
  return { webhook: WEBHOOK_NAME, tag };
}

/** The reprompt the webhook left in the session, said when the resident says nothing. */
function sayReprompt(): unknown {
  return { messages: LANGUAGES.map((languageCode) => ({ text: { text: [`$session.params.${CX_REPROMPT_PARAMETER}`] }, languageCode })) };
}

function trainingPhrasesJson(phrases: PhrasePart[][], lang: string): unknown {
  return {
    trainingPhrases: phrases.map((parts) => ({
      parts: parts.map((part) => (part.slot ? { text: part.text, parameterId: part.slot } : { text: part.text, auto: true })),
      repeatCount: 1,
      languageCode: lang,
    })),
  };
}

function addIntent(files: AgentFiles, intent: { name: string; id: string; parameters: unknown[]; phrases: PhrasePart[][]; isFallback?: boolean }): void {
  const folder = `intents/${intent.name}`;
  files.set(`${folder}/${intent.name}.json`, toJson({
    name: intent.id,
    displayName: intent.name,
    parameters: intent.parameters,
    priority: 500000,
    ...(intent.isFallback ? { isFallback: true } : {}),
    numTrainingPhrases: intent.phrases.length,
  }));
  if (intent.phrases.length === 0) return;
  for (const lang of LANGUAGES) files.set(`${folder}/trainingPhrases/${lang}.json`, toJson(trainingPhrasesJson(intent.phrases, lang)));
}

function startFlowJson(model: LanguageModel): unknown {
  const routes = [
    { intent: DEFAULT_WELCOME_INTENT, triggerFulfillment: callWebhook(WELCOME) },
    ...intentsWithPhrases(model).map((intent) => {
      const name = intent.name;
      return { intent: name, triggerFulfillment: callWebhook(name) };
    }),
  ];
  return {
    name: DEFAULT_START_FLOW_ID,
    displayName: START_FLOW,
    description: 'Every intent calls the council-voice webhook, tagged with the intent name. Built from interaction-models/source.',
    transitionRoutes: routes.map((route) => ({ ...route, name: stableUuid(`cx-route:${route.intent}`) })),
    eventHandlers: [
      { event: 'sys.no-match-default', triggerFulfillment: callWebhook(FALLBACK), name: stableUuid('cx-event:no-match') },
      { event: 'sys.no-input-default', triggerFulfillment: sayReprompt(), name: stableUuid('cx-event:no-input') },
    ],
    nluSettings: { modelType: 'MODEL_TYPE_ADVANCED', classificationThreshold: 0.3 },
  };
}

function askPageJson(page: ReturnType<typeof askPages>[number], entityType: string): unknown {
  const tag = page.intent;
  return {
    name: page.id,
    displayName: page.displayName,
    form: {
      parameters: [{
        displayName: page.slot,
        required: true,
        entityType,
        // The webhook asked the question already; the page only listens for the answer.
        fillBehavior: {
          initialPromptFulfillment: {},
          repromptEventHandlers: [
            { event: 'sys.no-match-default', triggerFulfillment: callWebhook(FALLBACK), name: stableUuid(`cx-event:${page.id}:no-match`) },
            { event: 'sys.no-input-default', triggerFulfillment: sayReprompt(), name: stableUuid(`cx-event:${page.id}:no-input`) },
          ],
        },
      }],
    },
    transitionRoutes: [{
      condition: '$page.params.status = "FINAL"',
      triggerFulfillment: callWebhook(tag),
      // The webhook names the next page; should it fail, the resident is back at the start.
      targetPage: 'START_PAGE',
      name: stableUuid(`cx-route:${page.id}`),
    }],
  };
}

/** The CX agent's files, relative to its folder. */
export function buildDialogflowCx(model: LanguageModel, timeZone = 'Europe/London'): AgentFiles {
  const files: AgentFiles = new Map();
  files.set('agent.json', toJson({
    displayName: 'council-voice',
    defaultLanguageCode: 'en',
    supportedLanguageCodes: ['en-gb'],
    timeZone,
    description: 'Council Voice: bin days, reports and council tax. Built from interaction-models/source; do not edit here.',
    startFlow: START_FLOW,
    enableSpellCorrection: true,
  }));
  files.set(`webhooks/${WEBHOOK_NAME}.json`, toJson({
    name: stableUuid(`cx-webhook:${WEBHOOK_NAME}`),
    displayName: WEBHOOK_NAME,
    genericWebService: { uri: `${PLACEHOLDER_HOST}/dialogflow/cx` },
    timeout: { seconds: 10 },
  }));
  for (const type of Object.values(model.types).filter((t) => t.values).sort((a, b) => a.name.localeCompare(b.name))) {
    const folder = `entityTypes/${type.name}`;
    files.set(`${folder}/${type.name}.json`, toJson({ name: stableUuid(`cx-entity:${type.name}`), displayName: type.name, kind: 'KIND_MAP' }));
    for (const lang of LANGUAGES) {
      const entities = (type.values ?? []).map((v) => ({ value: v.id, synonyms: [v.name, ...v.synonyms], languageCode: lang }));
      files.set(`${folder}/entities/${lang}.json`, toJson({ entities }));
    }
  }
  addIntent(files, { name: DEFAULT_WELCOME_INTENT, id: WELCOME_INTENT_ID, parameters: [], phrases: plainPhrases(WELCOME_PHRASES) });
  // CX's negative intent holds the requests the agent must not match: the model's out-of-domain examples.
  addIntent(files, { name: NEGATIVE_INTENT, id: NEGATIVE_INTENT_ID, parameters: [], phrases: plainPhrases(model.outOfDomain ?? []), isFallback: true });
  for (const intent of intentsWithPhrases(model)) {
    const name = intent.name;
    const slotTypes = new Map(intent.slots.map((s) => [s.name, s.type]));
    addIntent(files, {
      name,
      id: stableUuid(`cx-intent:${name}`),
      parameters: intent.slots.map((s) => ({ id: s.name, entityType: entityTypeOf(s.type, model.types) })),
      phrases: intent.samples.map((sample, i) => toPhraseParts(sample, i, slotTypes, model.types)),
    });
  }
  const flow = `flows/${START_FLOW}`;
  files.set(`${flow}/${START_FLOW}.json`, toJson(startFlowJson(model)));
  for (const page of askPages(model)) {
    const slotType = model.intents.find((i) => i.name === page.intent)?.slots.find((s) => s.name === page.slot)?.type ?? 'FREE_TEXT';
    files.set(`${flow}/pages/${page.displayName}.json`, toJson(askPageJson(page, entityTypeOf(slotType, model.types))));
  }
  return files;
}

/** `npm run models` step: writes interaction-models/dialogflow-cx from the en-GB model. */
export function writeDialogflowCx(model: LanguageModel, dir: string = DIALOGFLOW_CX_DIR): void {
  writeAgentFiles(dir, buildDialogflowCx(model));
}
