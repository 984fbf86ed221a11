/**
 * Builds the Dialogflow ES agent export (the folder a zip of which the ES console's "Restore
 * from zip" takes) from the one language model: agent.json, package.json, an intent and its
 * annotated training phrases per model intent, an "Ask" intent per slot that catches a bare
 * answer while its await context is set, the model's out-of-domain examples as the fallback
 * intent's negative examples, and an entity type per slot type with values. Every
 * intent's action is our intent name and calls the webhook.
 */
import path from 'node:path';
import { askContextFor } from '../ask-contexts';
import {
  DEFAULT_FALLBACK_INTENT, DEFAULT_WELCOME_INTENT, ES_FALLBACK_ACTION, ES_WELCOME_ACTION,
} from '../../dialogflow-common/intent-names';
import { stableUuid } from '../../dialogflow-common/stable-uuid';
import type { LanguageModel } from '../../../language-model/language-model';
import {
  entityTypeOf, fillersOf, intentsWithPhrases, LANGUAGES, PLACEHOLDER_HOST, toJson, toPhraseParts,
  plainPhrases, WELCOME_PHRASES, writeAgentFiles, type AgentFiles, type PhrasePart,
} from '../../dialogflow-common/model/dialogflow-common';

export const DIALOGFLOW_ES_DIR = path.resolve(__dirname, '../../../../interaction-models/dialogflow-es');

interface EsIntentSpec {
  name: string;
  action: string;
  contexts?: string[];
  parameters: { name: string; type: string }[];
  phrases: PhrasePart[][];
  events?: string[];
  fallback?: boolean;
}

function agentJson(timeZone: string): unknown {
  return {
    description: 'Council Voice: bin days, reports and council tax. Built from interaction-models/source; do not edit here.',
    language: 'en',
    shortDescription: '',
    examples: '',
    linkToDocs: '',
    displayName: 'council-voice',
    disableInteractionLogs: false,
    disableStackdriverLogs: true,
    defaultTimezone: timeZone,
    webhook: {
      url: `${PLACEHOLDER_HOST}/dialogflow/es`,
      username: '',
      headers: {},
      available: true,
      useForDomains: false,
      cloudFunctionsEnabled: false,
      cloudFunctionsInitialized: false,
    },
    isPrivate: true,
    mlMinConfidence: 0.3,
    supportedLanguages: ['en-gb'],
    enableOnePlatformApi: true,
    onePlatformApiVersion: 'v2',
    analyzeQueryTextSentiment: false,
    enabledKnowledgeBaseNames: [],
    knowledgeServiceConfidenceAdjustment: 0.0,
    dialogBuilderMode: false,
    baseActionPackagesUrl: '',
    enableSpellCorrection: false,
  };
}

function intentJson(spec: EsIntentSpec, types: LanguageModel['types']): unknown {
  return {
    id: stableUuid(`es-intent:${spec.name}`),
    name: spec.name,
    auto: true,
    contexts: spec.contexts ?? [],
    responses: [{
      resetContexts: false,
      action: spec.action,
      affectedContexts: [],
      parameters: spec.parameters.map((p) => ({
        id: stableUuid(`es-parameter:${spec.name}:${p.name}`),
        name: p.name,
        required: false,
        dataType: entityTypeOf(p.type, types),
        value: `$${p.name}`,
        defaultValue: '',
        isList: false,
        prompts: [],
        promptMessages: [],
        noMatchPromptMessages: [],
        noInputPromptMessages: [],
        outputDialogContexts: [],
      })),
      messages: [],
      speech: [],
    }],
    priority: 500000,
    webhookUsed: true,
    webhookForSlotFilling: false,
    fallbackIntent: spec.fallback ?? false,
    events: (spec.events ?? []).map((name) => ({ name })),
    conditionalResponses: [],
    condition: '',
    conditionalFollowupEvents: [],
  };
}

function userSaysJson(spec: EsIntentSpec, lang: string, types: LanguageModel['types']): unknown {
  return spec.phrases.map((parts, i) => ({
    id: stableUuid(`es-phrase:${spec.name}:${i}`),
    data: parts.map((part) => (part.slot
      ? { text: part.text, alias: part.slot, meta: entityTypeOf(part.type, types), userDefined: true }
      : { text: part.text, userDefined: false })),
    isTemplate: false,
    count: 0,
    lang,
    updated: 0,
  }));
}

function specsFor(model: LanguageModel): EsIntentSpec[] {
  const specs: EsIntentSpec[] = [
    { name: DEFAULT_WELCOME_INTENT, action: ES_WELCOME_ACTION, parameters: [], phrases: plainPhrases(WELCOME_PHRASES), events: ['WELCOME', 'GOOGLE_ASSISTANT_WELCOME'] },
    // A fallback intent's training phrases are ES's negative examples: requests the skill does not serve.
    { name: DEFAULT_FALLBACK_INTENT, action: ES_FALLBACK_ACTION, parameters: [], phrases: plainPhrases(model.outOfDomain ?? []), fallback: true },
  ];
  for (const intent of intentsWithPhrases(model)) {
    const slotTypes = new Map(intent.slots.map((s) => [s.name, s.type]));
    const name = intent.name;
    specs.push({ name, action: name, parameters: intent.slots, phrases: intent.samples.map((s, i) => toPhraseParts(s, i, slotTypes, model.types)) });
    for (const slot of intent.slots) {
      const ask = askContextFor(intent.name, slot.name);
      const bare = fillersOf(slot.type, model.types).map((text): PhrasePart[] => [{ text, slot: slot.name, type: slot.type }]);
      specs.push({ name: ask.intentName, action: name, contexts: [ask.context], parameters: [slot], phrases: bare });
    }
  }
  return specs.sort((a, b) => a.name.localeCompare(b.name));
}

/** The ES agent's files, relative to its folder. */
export function buildDialogflowEs(model: LanguageModel, timeZone = 'Europe/London'): AgentFiles {
  const files: AgentFiles = new Map();
  files.set('agent.json', toJson(agentJson(timeZone)));
  files.set('package.json', toJson({ version: '1.0.0' }));
  for (const spec of specsFor(model)) {
    files.set(`intents/${spec.name}.json`, toJson(intentJson(spec, model.types)));
    if (spec.phrases.length === 0) continue;
    for (const lang of LANGUAGES) files.set(`intents/${spec.name}_usersays_${lang}.json`, toJson(userSaysJson(spec, lang, model.types)));
  }
  for (const type of Object.values(model.types).filter((t) => t.values).sort((a, b) => a.name.localeCompare(b.name))) {
    files.set(`entities/${type.name}.json`, toJson({
      id: stableUuid(`es-entity:${type.name}`),
      name: type.name,
      isOverridable: true,
      isEnum: false,
      isRegexp: false,
      automatedExpansion: false,
      allowFuzzyExtraction: false,
    }));
    const entries = (type.values ?? []).map((v) => ({ value: v.id, synonyms: [v.name, ...v.synonyms] }));
    for (const lang of LANGUAGES) files.set(`entities/${type.name}_entries_${lang}.json`, toJson(entries));
  }
  return files;
}

/** `npm run models` step: writes interaction-models/dialogflow-es from the en-GB model. */
export function writeDialogflowEs(model: LanguageModel, dir: string = DIALOGFLOW_ES_DIR): void {
  writeAgentFiles(dir, buildDialogflowEs(model));
}
