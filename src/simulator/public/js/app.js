/* global document, crypto, Blob, URL */
/**
 * The simulator page: what staff type (or say) goes to the simulator API as a resident's turn
 * on the chosen platform; the reply is shown, read aloud, and explained in the panels.
 */
import { loadPlatforms, sendTurn } from './api.js';
import { fileNameFor, toConversationYaml } from './conversation-yaml.js';
import { createDevicePanel, deviceForRequest } from './device.js';
import { addTurn, showCalls, showJson, showScreen, showUnderstanding, showWarnings } from './render.js';
import { createMicrophone, speak } from './voice.js';

const $ = (selector) => document.querySelector(selector);

const state = {
  platform: 'alexa',
  platformLabel: 'Alexa',
  sessionId: crypto.randomUUID(),
  /** Turns of the current session, for "save as test". */
  turns: [],
  busy: false,
};

const conversation = $('#conversation');
const device = createDevicePanel($('#device-form'));

function platformLabel(name) {
  return $(`input[name="platform"][value="${name}"]`)?.parentElement?.textContent.trim() ?? name;
}

function newSession(reason) {
  state.sessionId = crypto.randomUUID();
  state.turns = [];
  addTurn(conversation, { kind: 'notice', text: `${reason} New session on ${state.platformLabel}.` });
}

function showAnswer(answer) {
  const { reply } = answer;
  for (const line of answer.progress ?? []) {
    addTurn(conversation, { kind: 'progress', who: `${state.platformLabel}, while it waits`, text: line });
  }
  const tags = reply.endSession ? ['session ended'] : [];
  const card = reply.card ? { label: `Card${reply.card.type ? ` (${reply.card.type})` : ''}`, title: reply.card.title, text: reply.card.text } : null;
  // With several councils: whose council answered (none until the resident's address decides).
  const council = answer.council === undefined ? '' : answer.council ? `council: ${answer.council.name}` : 'council: none yet (the address decides)';
  const meta = [`answered in ${Math.round(answer.ms)} ms`, council, reply.reprompt ? `If no answer: “${reply.reprompt}”` : ''].filter(Boolean).join(' · ');
  addTurn(conversation, { kind: 'skill', who: state.platformLabel, text: reply.text || '(says nothing)', tags, card, meta });
  showUnderstanding($('#understanding'), answer);
  showWarnings($('#warnings'), answer.warnings);
  showCalls($('#calls'), answer.calls);
  showScreen($('#screen'), answer.platformResponse);
  showJson($('#request-json'), answer.platformRequest, 'The platform sent nothing.');
  showJson($('#response-json'), answer.platformResponse, 'The skill answered nothing.');
  if ($('#read-aloud').checked) speak(reply.text);
}

async function take(turn) {
  if (state.busy) return;
  state.busy = true;
  $('#send').disabled = true;
  const settings = device.current();
  if (turn.say !== undefined) addTurn(conversation, { kind: 'resident', who: 'Resident', text: turn.say });
  try {
    const body = {
      sessionId: state.sessionId,
      userId: settings.userId,
      platform: state.platform,
      locale: 'en-GB',
      device: deviceForRequest(settings),
      ...(settings.accessToken ? { accessToken: settings.accessToken } : {}),
      ...(settings.council ? { council: settings.council } : {}),
      ...(turn.event ? { text: null, event: turn.event } : { text: turn.say }),
    };
    const { ok, body: answer } = await sendTurn(body);
    if (!ok) {
      addTurn(conversation, { kind: 'error', who: 'Simulator', text: answer.error ?? 'The turn could not be run.' });
      return;
    }
    if (state.turns.length === 0) state.startedAt = answer.at;
    state.turns.push({ ...turn, intent: answer.intent.name, slots: answer.slots, reply: answer.reply.text, endSession: answer.reply.endSession });
    showAnswer(answer);
    if (answer.sessionEnded) {
      state.sessionId = crypto.randomUUID();
      state.ended = true;
    }
  } catch (error) {
    addTurn(conversation, { kind: 'error', who: 'Simulator', text: `Could not reach the simulator: ${error.message}` });
  } finally {
    state.busy = false;
    $('#send').disabled = false;
  }
}

function saveAsTest() {
  if (state.turns.length === 0) {
    addTurn(conversation, { kind: 'notice', text: 'Say something first: there is nothing to save yet.' });
    return;
  }
  const first = state.turns.find((t) => t.say)?.say ?? 'opening the skill';
  const settings = device.current();
  const name = `${first} (${state.platformLabel})`;
  const yaml = toConversationYaml({
    name, now: state.startedAt, platform: state.platform, device: deviceForRequest(settings), accessToken: settings.accessToken, council: settings.council || undefined, turns: state.turns,
  });
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([yaml], { type: 'application/yaml' }));
  link.download = fileNameFor(name);
  document.body.append(link);
  link.click();
  link.remove();
  addTurn(conversation, { kind: 'notice', text: `Saved ${link.download}. Put it in test/conversations/ to replay it with every test run.` });
}

$('#say-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const input = $('#say-text');
  const text = input.value.trim();
  if (!text) return;
  input.value = '';
  if (state.ended) {
    state.ended = false;
    state.turns = [];
  }
  void take({ say: text });
});

$('#launch').addEventListener('click', () => {
  newSession('Opening the skill.');
  void take({ event: 'launch' });
});

$('#new-session').addEventListener('click', () => newSession('Started again.'));
$('#save-test').addEventListener('click', saveAsTest);

for (const radio of document.querySelectorAll('input[name="platform"]')) {
  radio.addEventListener('change', () => {
    state.platform = radio.value;
    state.platformLabel = platformLabel(radio.value);
    newSession('Switched platform.');
    $('#say-text').focus();
  });
}

createMicrophone({
  button: $('#mic'),
  status: $('#mic-status'),
  onHeard: (heard) => void take({ say: heard }),
});

loadPlatforms().then((info) => {
  $('#council-name').textContent = info.council;
  document.title = `Voice simulator – ${info.council}`;
  device.offerCouncils(info.councils);
  $('#conversation-hint').textContent = `Type what a resident would say, such as “when is my bin day”, or “open ${info.invocationName}” to start as they would.`;
  for (const platform of info.platforms) {
    const radio = $(`input[name="platform"][value="${platform.name}"]`);
    if (radio && !platform.available) {
      radio.disabled = true;
      radio.parentElement.title = `${platform.label} is not available in this server yet.`;
    }
  }
}).catch((error) => {
  addTurn(conversation, { kind: 'error', who: 'Simulator', text: error.message });
});

$('#say-text').focus();
