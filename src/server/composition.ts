/**
 * The composed application: what the entry files build once at start-up (config → connectors →
 * skill) and what each channel is built from (src/channels/channel-context.ts) wherever it is served.
 */
import type { CouncilConfig } from '../config/council-config';
import type { Logger } from '../core/logger';
import type { Skill, SkillServices } from '../core/skill';
import type { HttpCall } from '../connectors/http';

export interface Composition {
  config: CouncilConfig;
  /** The long-lived services the handlers receive (council connectors, profile store, translators, clock). */
  services: SkillServices;
  skill: Skill;
  logger: Logger;
  /** Tells every watcher of a call made to an outside system (the channels report their platforms' APIs here). */
  reportCall(call: HttpCall): void;
  /**
   * Subscribes to every call the council connectors and the channels' platform API clients make (method, URL
   * without query, status, time); returns the unsubscribe function. The simulator's calls panel
   * uses it.
   */
  watchCalls(listener: (call: HttpCall) => void): () => void;
  /**
   * Subscribes to the user id of every turn the skill answers, as the channel gave it; returns the
   * unsubscribe function. The simulator uses it to show whose council answered.
   */
  watchTurns?(listener: (userId: string) => void): () => void;
  /** Releases what the composition holds open (the database). */
  close(): Promise<void>;
}
