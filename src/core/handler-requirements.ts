/**
 * Services a handler cannot answer without. A handler declares them (`requiring(['outbox'], h)`),
 * and createSkill refuses to compose a skill whose deployment lacks one, so the mistake shows at
 * start-up with the intent's name rather than as an apology when a resident asks.
 */
import type { HandlerMap, IntentHandler, SkillServices } from './skill';

/** The optional services a handler may need (each an optional field of SkillServices). */
export type OptionalService = 'outbox';

/** A deployment is missing a service a handler needs. */
export class MissingServiceError extends Error {
  override name = 'MissingServiceError';
}

/** `handler`, declared to need `services`. */
export function requiring(services: readonly OptionalService[], handler: IntentHandler): IntentHandler {
  return Object.assign((turn: Parameters<IntentHandler>[0], ctx: Parameters<IntentHandler>[1]) => handler(turn, ctx), { requires: services });
}

function missingFor(handler: IntentHandler, services: SkillServices): OptionalService[] {
  return (handler.requires ?? []).filter((service) => services[service] === undefined);
}

/** Throws MissingServiceError naming the first intent whose handler needs a service `services` lacks. */
export function assertServicesFor(handlers: HandlerMap, services: SkillServices): void {
  for (const [intent, handler] of Object.entries(handlers)) {
    const [missing] = missingFor(handler, services);
    if (missing) {
      throw new MissingServiceError(`the ${intent} handler needs the ${missing} service, which this deployment does not provide`);
    }
  }
}

/** The handlers `services` can serve: for tools that ask only some questions (the council check). */
export function handlersWithin(handlers: HandlerMap, services: SkillServices): HandlerMap {
  return Object.fromEntries(Object.entries(handlers).filter(([, handler]) => missingFor(handler, services).length === 0));
}
