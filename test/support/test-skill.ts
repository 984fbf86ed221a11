/**
 * A skill wired to in-memory twins and the real locale files, standing on a fixed day, for
 * handler tests. Conversations are driven turn by turn with `say`.
 */
import { loadConfig, toCouncilInfo, DEMO_CONFIG_PATH } from '../../src/config/load-config';
import { loadLocaleResources } from '../../src/config/locales';
import type { Collection, Council } from '../../src/core/council';
import type { Clock } from '../../src/core/dates';
import { allHandlers } from '../../src/core/handlers';
import { createTranslators } from '../../src/core/i18n';
import { silentLogger } from '../../src/core/logger';
import type { Reply } from '../../src/core/reply';
import type { SessionState } from '../../src/core/session';
import { createSkill, type HandlerMap, type Skill, type SkillServices } from '../../src/core/skill';
import { toPlainText } from '../../src/core/speech';
import { createTurn, type DeviceServices, type SlotValue, type Turn } from '../../src/core/turn';
import { HIGH_STREET, MILL_LANE } from './demo-addresses';
import { InMemoryAddressFinder, InMemoryBinCollections, InMemoryProfileStore } from './in-memory-council';
import { InMemoryOutbox } from './in-memory-outbox';

export const resources = loadLocaleResources();
export const demoInfo = toCouncilInfo(loadConfig(DEMO_CONFIG_PATH, {}));

/** A clock stopped at `iso` (UTC). */
export function fixedClock(iso: string): Clock {
  return { now: () => new Date(iso) };
}

/** Collections for 12 High Street around late November 2026: alternate weeks, weekly food. */
export const HIGH_STREET_COLLECTIONS: Collection[] = [
  { date: '2026-12-01', streams: ['RECYCLING', 'FOOD'] },
  { date: '2026-12-08', streams: ['REFUSE', 'FOOD'] },
  { date: '2026-12-15', streams: ['RECYCLING', 'FOOD'] },
  { date: '2026-12-22', streams: ['REFUSE', 'FOOD'] },
  { date: '2026-12-30', streams: ['RECYCLING', 'FOOD'], movedFrom: '2026-12-29' },
];

export interface TestSkill {
  skill: Skill;
  services: SkillServices;
  addresses: InMemoryAddressFinder;
  bins: InMemoryBinCollections;
  profiles: InMemoryProfileStore;
  council: Council;
}

export function createTestSkill(options: { now?: string; handlers?: HandlerMap; deadlineMs?: number; council?: Partial<Council> } = {}): TestSkill {
  const addresses = new InMemoryAddressFinder({ 'AB1 2CD': HIGH_STREET, 'AB1 3EF': MILL_LANE });
  const bins = new InMemoryBinCollections({ '100000000002': HIGH_STREET_COLLECTIONS });
  const profiles = new InMemoryProfileStore();
  const council: Council = { addresses, bins, ...options.council };
  const services: SkillServices = {
    council,
    info: demoInfo,
    profiles,
    translators: createTranslators(resources, { random: () => 0 }),
    clock: fixedClock(options.now ?? '2026-11-27T10:00:00Z'),
    logger: silentLogger,
    // Every deployment has one (compose.ts); reports-test-skill.ts swaps in one it can watch.
    outbox: new InMemoryOutbox(),
  };
  const skill = createSkill(options.handlers ?? allHandlers, services, { deadlineMs: options.deadlineMs });
  return { skill, services, addresses, bins, profiles, council };
}

/**
 * Drives a conversation the way a platform would: each turn carries the session state the
 * previous reply asked for.
 */
export class Conversation {
  session: SessionState = {};
  last?: Reply;
  private count = 0;

  constructor(private readonly skill: Skill, private readonly userId = 'resident-1', private readonly device: DeviceServices = {}) {}

  async launch(): Promise<Reply> {
    return this.send(createTurn({ kind: 'launch' }));
  }

  async say(intent: string, slots: Record<string, SlotValue> = {}, more: Partial<Turn> = {}): Promise<Reply> {
    return this.send(createTurn({ kind: 'intent', intent, slots, ...more }));
  }

  private async send(turn: Turn): Promise<Reply> {
    const reply = await this.skill.handle({
      ...turn,
      userId: this.userId,
      requestId: `req-${++this.count}`,
      isNewSession: this.count === 1,
      session: this.session,
      device: { ...this.device, ...turn.device },
    });
    this.session = reply.session ?? {};
    this.last = reply;
    return reply;
  }
}

/** What the resident hears, as plain text. */
export function heard(reply: Reply): string {
  return toPlainText(reply.speech);
}
