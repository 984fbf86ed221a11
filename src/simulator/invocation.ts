/**
 * What staff type the way residents speak to a device: "open demo council" starts the skill,
 * "ask demo council when is my bin day" is a one-shot question.
 */

export type Invocation = { kind: 'launch' } | { kind: 'ask'; text: string } | { kind: 'none' };

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Reads the invocation phrase off the front of `text`, for the skill called `invocationName`. */
export function readInvocation(text: string, invocationName: string): Invocation {
  const name = escape(invocationName.trim().toLowerCase()).replace(/\s+/g, '\\s+');
  const cleaned = text.trim().toLowerCase().replace(/^(alexa|hey google|ok google|okay google)[,\s]+/, '');
  if (new RegExp(`^(open|launch|start|talk to|speak to|ask)\\s+${name}[.!]?$`).test(cleaned)) return { kind: 'launch' };
  const oneShot = new RegExp(`^(ask|tell)\\s+${name}[,\\s]+(?:(?:to|for|about|if|whether)\\s+)?(.+)$`).exec(cleaned);
  if (oneShot?.[2]) return { kind: 'ask', text: oneShot[2] };
  return { kind: 'none' };
}
