/**
 * The composed application: what the entry files build once at start-up (config → connectors →
 * skill → adapters) and what the server's routes, the Lambda handler and the simulator use.
 */
import type { CouncilConfig } from '../config/council-config';
import type { Logger } from '../core/logger';
import type { Skill, SkillServices } from '../core/skill';
import type { AlexaHandler } from '../channels/alexa';
import type { HttpCall } from '../connectors/http';

export interface Composition {
  config: CouncilConfig;
  /** The long-lived services the handlers receive (council connectors, profile store, translators, clock). */
  services: SkillServices;
  skill: Skill;
  /** Answers Alexa request envelopes; the same function behind /alexa, Lambda and the simulator. */
  alexa: AlexaHandler;
  logger: Logger;
  /**
   * Subscribes to every call the council connectors and Alexa API clients make (method, URL
   * without query, status, time); returns the unsubscribe function. The simulator's calls panel
   * uses it.
   */
  watchCalls(listener: (call: HttpCall) => void): () => void;
  /** Releases what the composition holds open (the database). */
  close(): Promise<void>;
}
