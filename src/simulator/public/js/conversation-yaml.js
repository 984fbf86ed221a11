/**
 * "Save as test": the conversation so far as a YAML conversation test (test/conversations/),
 * which `npm test` and `npm run conversations` replay through the simulator API.
 */

/** A YAML scalar: JSON's double-quoted strings are valid YAML too. */
function quote(value) {
  return JSON.stringify(String(value));
}

/** The opening of a reply, enough to recognise it while letting later wording vary. */
export function replyOpening(text) {
  const sentences = text.split(/(?<=[.?!])\s+/);
  let opening = '';
  for (const sentence of sentences) {
    opening = opening ? `${opening} ${sentence}` : sentence;
    if (opening.length >= 12) break;
  }
  return opening;
}

function expectation(turn) {
  const parts = [`intent: ${quote(turn.intent)}`];
  const slots = Object.entries(turn.slots ?? {});
  if (slots.length > 0) {
    parts.push(`slots: { ${slots.map(([name, slot]) => `${name}: ${quote(slot.id ?? slot.value)}`).join(', ')} }`);
  }
  if (turn.reply) parts.push(`reply: ${quote(replyOpening(turn.reply))}`);
  parts.push(`endSession: ${turn.endSession ? 'true' : 'false'}`);
  return `{ ${parts.join(', ')} }`;
}

function what(turn) {
  if (turn.event) return `event: ${turn.event}`;
  if (turn.say !== undefined) return `say: ${quote(turn.say)}`;
  return `intent: ${quote(turn.intent)}`;
}

/**
 * @param {{ name: string, now?: string, platform: string, device: { postcode?: string, permissions: string[] },
 *   accessToken?: string, council?: string, turns: { say?: string, event?: string, intent: string, slots?: object,
 *   reply: string, endSession: boolean }[] }} conversation
 */
export function toConversationYaml(conversation) {
  const device = [];
  if (conversation.device.postcode) device.push(`postcode: ${quote(conversation.device.postcode)}`);
  device.push(`permissions: [${conversation.device.permissions.join(', ')}]`);
  if (conversation.device.hasScreen) device.push('hasScreen: true');
  const lines = [
    '# Saved from the voice simulator. Replay: npm run conversations -- <this file>',
    `name: ${quote(conversation.name)}`,
  ];
  // Replayed on the day it was recorded, so answers with dates stay true.
  if (conversation.now) lines.push(`now: ${quote(conversation.now)}`);
  lines.push(`device: { ${device.join(', ')} }`);
  if (conversation.accessToken) lines.push(`accessToken: ${quote(conversation.accessToken)}`);
  // The council staff picked (several councils): replayed as that council's resident.
  if (conversation.council) lines.push(`council: ${quote(conversation.council)}`);
  lines.push(`platforms: [${conversation.platform}]`, 'turns:');
  for (const turn of conversation.turns) {
    lines.push(`  - ${what(turn)}`, `    expect: ${expectation(turn)}`);
  }
  return `${lines.join('\n')}\n`;
}

/** A file name from the test's name: "when-is-my-bin-day.yaml". */
export function fileNameFor(name) {
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60);
  return `${slug || 'conversation'}.yaml`;
}
