/** A simulated turn as lines of text, for the terminal. */
import type { TurnAnswer } from '../../src/simulator/run-turn';

const PLATFORM_LABELS: Record<string, string> = { alexa: 'Alexa', 'dialogflow-cx': 'Dialogflow CX', 'dialogflow-es': 'Dialogflow ES' };

export function platformLabel(platform: string): string {
  return PLATFORM_LABELS[platform] ?? platform;
}

export function describeTurn(answer: TurnAnswer, indent = ''): string[] {
  const slots = Object.entries(answer.slots).map(([name, slot]) => `${name}="${slot.value}"${slot.id ? ` (${slot.id})` : ''}`);
  const lines = [
    `${indent}understood: ${answer.intent.name} (${Math.round(answer.intent.confidence * 100)}%)${slots.length > 0 ? `  ${slots.join('  ')}` : ''}`,
    `${indent}${platformLabel(answer.platform)}: ${answer.reply.text || '(says nothing)'}${answer.reply.endSession ? '  [session ended]' : ''}`,
  ];
  if (answer.reply.reprompt) lines.push(`${indent}  if no answer: ${answer.reply.reprompt}`);
  if (answer.reply.card) lines.push(`${indent}  card: ${[answer.reply.card.title, answer.reply.card.text].filter(Boolean).join(' – ') || answer.reply.card.type}`);
  for (const call of answer.calls) lines.push(`${indent}  called ${call.method} ${call.url} → ${call.status || 'no answer'} in ${call.ms} ms`);
  for (const warning of answer.warnings) lines.push(`${indent}  warning: ${warning.message}`);
  return lines;
}
