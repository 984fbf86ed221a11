/**
 * What each platform accepts as an answer, as small validators for tests that throw hostile
 * requests at the adapters. Each returns the problems it found (empty when the body is valid), so
 * a failing property names what was wrong. The rules are the platforms' own, written down:
 * - Alexa: version "1.0"; outputSpeech and reprompt PlainText or well-formed SSML under 8000
 *   characters; shouldEndSession boolean or absent; a reprompt only while the session stays open;
 *   Dialog directives only in answer to an IntentRequest and never with the session ending;
 *   nothing said in answer to a SessionEndedRequest.
 * - Dialogflow CX: fulfillmentResponse.messages of text / outputAudioText / payload, session
 *   parameters as an object, targetPage as a resource name or a special page.
 * - Dialogflow ES: fulfillmentText, text messages, the Assistant payload with a boolean
 *   expectUserResponse, output contexts named under the request's session with whole lifespans.
 */

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Alexa's limit on the characters of one outputSpeech (and of one reprompt). */
export const ALEXA_MAX_SPEECH_CHARS = 8000;

/** The SSML elements Alexa and Google both document. */
const SSML_ELEMENTS = new Set([
  'speak', 'sub', 'say-as', 'break', 'p', 's', 'emphasis', 'prosody', 'audio', 'amazon:effect', 'amazon:domain',
  'amazon:emotion', 'lang', 'voice', 'phoneme', 'w', 'mark', 'par', 'seq', 'media',
]);

/** Characters XML 1.0 does not allow anywhere in a document, escaped or not. */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const TOKEN = /<(\/?)([A-Za-z][\w:.-]*)((?:\s+[A-Za-z][\w:.-]*\s*=\s*(?:"[^"<&]*"|'[^'<&]*'))*)\s*(\/?)>|&(?:amp|lt|gt|quot|apos|#\d{1,7}|#x[0-9A-Fa-f]{1,6});|[<>&]|[^<>&]+/gy;

/** Problems with an SSML document: one `<speak>` root, balanced known elements, clean text. */
export function ssmlProblems(ssml: unknown, maxChars = ALEXA_MAX_SPEECH_CHARS): string[] {
  if (typeof ssml !== 'string') return ['ssml is not a string'];
  const problems: string[] = [];
  if (ssml.length > maxChars) problems.push(`ssml is ${ssml.length} characters, over ${maxChars}`);
  if (NOT_XML.test(ssml)) problems.push('ssml holds a character XML does not allow');
  if (!ssml.startsWith('<speak>') || !ssml.endsWith('</speak>')) problems.push('ssml is not wrapped in <speak>…</speak>');
  const open: string[] = [];
  let roots = 0;
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < ssml.length) {
    const at = TOKEN.lastIndex;
    const match = TOKEN.exec(ssml);
    if (!match) {
      problems.push(`ssml cannot be read at ${at}`);
      break;
    }
    const [token, closing, name, , selfClosing] = match;
    if (name === undefined) {
      if (token === '<' || token === '>' || token === '&') problems.push(`ssml has a bare "${token}" at ${at}`);
      else if (open.length === 0 && token.trim() !== '') problems.push('ssml has text outside <speak>');
      continue;
    }
    if (!SSML_ELEMENTS.has(name)) problems.push(`ssml has an unknown element <${name}>`);
    if (closing) {
      if (open.pop() !== name) problems.push(`ssml closes </${name}> out of order`);
    } else if (!selfClosing) {
      if (open.length === 0 && ++roots > 1) problems.push('ssml has more than one root');
      open.push(name);
    }
  }
  if (open.length > 0) problems.push(`ssml leaves <${open.join('>, <')}> open`);
  return problems;
}

function speechProblems(where: string, speech: unknown): string[] {
  if (!isObject(speech)) return [`${where} is not an object`];
  if (speech.type === 'SSML') return ssmlProblems(speech.ssml).map((p) => `${where}: ${p}`);
  if (speech.type === 'PlainText') {
    if (typeof speech.text !== 'string') return [`${where}.text is not a string`];
    return speech.text.length > ALEXA_MAX_SPEECH_CHARS ? [`${where}.text is over ${ALEXA_MAX_SPEECH_CHARS} characters`] : [];
  }
  return [`${where}.type is ${String(speech.type)}`];
}

function cardProblems(card: unknown): string[] {
  if (!isObject(card)) return ['card is not an object'];
  const types = ['Simple', 'Standard', 'LinkAccount', 'AskForPermissionsConsent'];
  if (typeof card.type !== 'string' || !types.includes(card.type)) return [`card.type is ${String(card.type)}`];
  if (card.type === 'AskForPermissionsConsent' && (!Array.isArray(card.permissions) || card.permissions.length === 0)) {
    return ['a consent card names no permissions'];
  }
  return [];
}

/**
 * Problems with an Alexa response envelope, given the type of the request it answers (the rules
 * differ for SessionEndedRequest and for Dialog directives).
 */
export function alexaResponseProblems(body: unknown, requestType?: string, model?: Record<string, string[]>): string[] {
  if (!isObject(body)) return ['the body is not an object'];
  const problems: string[] = [];
  if (body.version !== '1.0') problems.push(`version is ${String(body.version)}`);
  if (body.sessionAttributes !== undefined && !isObject(body.sessionAttributes)) problems.push('sessionAttributes is not an object');
  const response = body.response;
  if (!isObject(response)) return [...problems, 'response is not an object'];
  const { outputSpeech, reprompt, shouldEndSession, directives, card } = response;
  if (shouldEndSession !== undefined && shouldEndSession !== null && typeof shouldEndSession !== 'boolean') {
    problems.push(`shouldEndSession is ${typeof shouldEndSession}`);
  }
  if (outputSpeech !== undefined) problems.push(...speechProblems('outputSpeech', outputSpeech));
  if (reprompt !== undefined) {
    if (!isObject(reprompt)) problems.push('reprompt is not an object');
    else problems.push(...speechProblems('reprompt.outputSpeech', reprompt.outputSpeech));
    if (shouldEndSession === true) problems.push('a reprompt with the session ending');
  }
  if (card !== undefined) problems.push(...cardProblems(card));
  if (directives !== undefined) {
    if (!Array.isArray(directives)) {
      problems.push('directives is not an array');
    } else {
      for (const directive of directives) {
        if (!isObject(directive) || typeof directive.type !== 'string') {
          problems.push('a directive without a type');
          continue;
        }
        if (!directive.type.startsWith('Dialog.')) continue;
        if (requestType !== undefined && requestType !== 'IntentRequest') problems.push(`${directive.type} in answer to a ${requestType}`);
        if (shouldEndSession === true) problems.push(`${directive.type} with the session ending`);
        const intent = directive.updatedIntent;
        if (directive.type !== 'Dialog.Delegate' && (!isObject(intent) || typeof intent.name !== 'string' || intent.name === '')) {
          problems.push(`${directive.type} without an updatedIntent name`);
        }
        if (directive.type === 'Dialog.ElicitSlot' && typeof directive.slotToElicit !== 'string') problems.push('Dialog.ElicitSlot without slotToElicit');
        // With the interaction model at hand: Alexa takes Dialog directives only for its intents and their slots.
        if (model && isObject(intent) && typeof intent.name === 'string') {
          const slots = Object.hasOwn(model, intent.name) ? model[intent.name] : undefined;
          if (!slots) problems.push(`${directive.type} for ${intent.name}, not an intent of the model`);
          else if (directive.type === 'Dialog.ElicitSlot' && !slots.includes(String(directive.slotToElicit))) {
            problems.push(`Dialog.ElicitSlot for ${String(directive.slotToElicit).slice(0, 40)}, not a slot of ${intent.name}`);
          }
          if (slots && isObject(intent.slots)) {
            for (const [name, slot] of Object.entries(intent.slots)) {
              if (!slots.includes(name)) problems.push(`updatedIntent carries ${name.slice(0, 40)}, not a slot of ${intent.name}`);
              if (isObject(slot) && slot.value !== undefined && typeof slot.value !== 'string') problems.push(`updatedIntent slot ${name} has a value that is not a string`);
            }
          }
        }
      }
      if (directives.filter((d) => isObject(d) && typeof d.type === 'string' && d.type.startsWith('Dialog.')).length > 1) {
        problems.push('more than one Dialog directive');
      }
    }
  }
  if (requestType === 'SessionEndedRequest' && (outputSpeech !== undefined || reprompt !== undefined || card !== undefined || (Array.isArray(directives) && directives.length > 0))) {
    problems.push('something said in answer to a SessionEndedRequest');
  }
  return problems;
}

/** Problems with a `{ error: "..." }` answer (400, 413, 415). */
export function errorBodyProblems(body: unknown): string[] {
  if (!isObject(body)) return ['the error body is not an object'];
  return typeof body.error === 'string' && body.error !== '' ? [] : ['the error body has no error text'];
}

function textListProblems(where: string, value: unknown): string[] {
  if (!isObject(value) || !Array.isArray(value.text) || value.text.some((t) => typeof t !== 'string')) return [`${where} is not { text: string[] }`];
  return [];
}

/** Problems with a Dialogflow CX WebhookResponse. */
export function cxResponseProblems(body: unknown): string[] {
  if (!isObject(body)) return ['the body is not an object'];
  const problems: string[] = [];
  const fulfillment = body.fulfillmentResponse;
  if (fulfillment !== undefined) {
    if (!isObject(fulfillment) || !Array.isArray(fulfillment.messages)) {
      problems.push('fulfillmentResponse.messages is not an array');
    } else {
      if (fulfillment.mergeBehavior !== undefined && !['APPEND', 'REPLACE', 'MERGE_BEHAVIOR_UNSPECIFIED'].includes(String(fulfillment.mergeBehavior))) {
        problems.push(`mergeBehavior is ${String(fulfillment.mergeBehavior)}`);
      }
      fulfillment.messages.forEach((message, i) => {
        const where = `messages[${i}]`;
        if (!isObject(message)) return problems.push(`${where} is not an object`);
        const kinds = Object.keys(message).filter((k) => message[k] !== undefined);
        if (kinds.length !== 1) return problems.push(`${where} has ${kinds.length} kinds`);
        if (isObject(message.outputAudioText)) return problems.push(...ssmlProblems(message.outputAudioText.ssml, Infinity).map((p) => `${where}: ${p}`));
        if (message.text !== undefined) return problems.push(...textListProblems(`${where}.text`, message.text));
        if (!isObject(message.payload)) problems.push(`${where} is of an unknown kind ${kinds[0] ?? ''}`);
        return undefined;
      });
    }
  }
  if (body.sessionInfo !== undefined) {
    if (!isObject(body.sessionInfo) || !isObject(body.sessionInfo.parameters)) problems.push('sessionInfo.parameters is not an object');
  }
  if (body.targetPage !== undefined) {
    if (typeof body.targetPage !== 'string' || !/^projects\/[^/]+\/locations\/[^/]+\/agents\/[^/]+\/flows\/[^/]+\/pages\/[^/]+$/.test(body.targetPage)) {
      problems.push(`targetPage is not a page resource name: ${String(body.targetPage).slice(0, 120)}`);
    }
  }
  return problems;
}

/** Problems with a Dialogflow ES WebhookResponse answering a request in `session`. */
export function esResponseProblems(body: unknown, session?: string): string[] {
  if (!isObject(body)) return ['the body is not an object'];
  const problems: string[] = [];
  if (typeof body.fulfillmentText !== 'string') problems.push('fulfillmentText is not a string');
  if (!Array.isArray(body.fulfillmentMessages)) problems.push('fulfillmentMessages is not an array');
  else body.fulfillmentMessages.forEach((m, i) => problems.push(...(isObject(m) ? textListProblems(`fulfillmentMessages[${i}].text`, m.text) : [`fulfillmentMessages[${i}] is not an object`])));
  const google = isObject(body.payload) ? body.payload.google : undefined;
  if (google !== undefined) {
    if (!isObject(google) || typeof google.expectUserResponse !== 'boolean') problems.push('payload.google.expectUserResponse is not a boolean');
    const items = isObject(google) && isObject(google.richResponse) ? google.richResponse.items : undefined;
    if (!Array.isArray(items) || items.length === 0) problems.push('payload.google.richResponse.items is empty');
    else items.forEach((item, i) => {
      const simple = isObject(item) ? item.simpleResponse : undefined;
      if (!isObject(simple)) return problems.push(`richResponse.items[${i}] has no simpleResponse`);
      return problems.push(...ssmlProblems(simple.textToSpeech, Infinity).map((p) => `items[${i}]: ${p}`));
    });
  }
  if (body.outputContexts !== undefined) {
    if (!Array.isArray(body.outputContexts)) problems.push('outputContexts is not an array');
    else body.outputContexts.forEach((context, i) => {
      if (!isObject(context) || typeof context.name !== 'string') return problems.push(`outputContexts[${i}] has no name`);
      if (session !== undefined && !context.name.startsWith(`${session}/contexts/`)) problems.push(`outputContexts[${i}] is outside the session`);
      if (!/\/contexts\/[A-Za-z0-9_-]+$/.test(context.name)) problems.push(`outputContexts[${i}] has a bad context id`);
      if (!Number.isInteger(context.lifespanCount) || (context.lifespanCount as number) < 0) problems.push(`outputContexts[${i}].lifespanCount is not a whole number`);
      if (context.parameters !== undefined && !isObject(context.parameters)) problems.push(`outputContexts[${i}].parameters is not an object`);
      return undefined;
    });
  }
  return problems;
}
