/**
 * A deployment of three councils for handler tests, on in-memory twins: Demo Borough (postcode
 * district AB1), Hillside (HS1, and the border district BD1) and Riverside (the border district
 * BD1, and anything else its custodian code 9053 says is its own). TQ9 belongs to no one.
 */
import type { Address, Collection } from '../../src/core/council';
import type { CouncilInfo } from '../../src/core/council-info';
import { councilOutbox } from '../../src/core/councils/council-outbox';
import { Councils } from '../../src/core/councils/councils';
import { allHandlers } from '../../src/core/handlers';
import { createTranslators } from '../../src/core/i18n';
import { silentLogger } from '../../src/core/logger';
import { createSkill, type Skill, type SkillServices } from '../../src/core/skill';
import { HIGH_STREET } from './demo-addresses';
import { InMemoryAddressFinder, InMemoryBinCollections, InMemoryProfileStore } from './in-memory-council';
import { InMemoryCouncilTax } from './in-memory-council-tax';
import { InMemoryOutbox } from './in-memory-outbox';
import { InMemoryReporter } from './in-memory-reporter';
import { demoInfo, fixedClock, HIGH_STREET_COLLECTIONS, resources } from './test-skill';

export const BORDER_ROAD: Address[] = [
  { uprn: '300000000001', label: '1 Border Road', postcode: 'BD1 1AA', buildingNumber: '1', custodianCode: 9052 },
  { uprn: '300000000002', label: '2 Border Road', postcode: 'BD1 1AA', buildingNumber: '2', custodianCode: 9053 },
];
export const HILL_ROAD: Address[] = [{ uprn: '400000000001', label: '5 Hill Road', postcode: 'HS1 1AA', buildingNumber: '5', custodianCode: 9052 }];
/** A postcode no council claims, but the custodian code says Riverside. */
export const QUAY_STREET: Address[] = [{ uprn: '500000000001', label: '3 Quay Street', postcode: 'RV7 2QS', buildingNumber: '3', custodianCode: 9053 }];
export const NOWHERE_LANE: Address[] = [{ uprn: '900000000001', label: '1 Nowhere Lane', postcode: 'TQ9 9ZZ', buildingNumber: '1', custodianCode: 9999 }];

const weekly = (first: string, streams: string[]): Collection[] => [{ date: first, streams }];

function infoFor(name: string, phone: string, website: string, more: Partial<CouncilInfo> = {}): CouncilInfo {
  return { ...demoInfo, name, phone, website, ...more };
}

export interface CouncilTwins {
  bins: InMemoryBinCollections;
  reporter: InMemoryReporter;
  councilTax: InMemoryCouncilTax;
}

export interface SeveralCouncilsTest {
  skill: Skill;
  services: SkillServices;
  councils: Councils;
  profiles: InMemoryProfileStore;
  outbox: InMemoryOutbox;
  addresses: InMemoryAddressFinder;
  twins: Record<'demo' | 'hillside' | 'riverside', CouncilTwins>;
}

/** `signIn`: which councils' account APIs accept the deployment's account-linking tokens. */
export function createSeveralCouncils(options: { now?: string; signIn?: string[] } = {}): SeveralCouncilsTest {
  const addresses = new InMemoryAddressFinder({
    'AB1 2CD': HIGH_STREET, 'BD1 1AA': BORDER_ROAD, 'HS1 1AA': HILL_ROAD, 'RV7 2QS': QUAY_STREET, 'TQ9 9ZZ': NOWHERE_LANE,
  });
  const outbox = new InMemoryOutbox();
  const profiles = new InMemoryProfileStore();
  const signIn = new Set(options.signIn ?? []);
  const twin = (collections: Record<string, Collection[]>): CouncilTwins => ({
    bins: new InMemoryBinCollections(collections),
    reporter: new InMemoryReporter(),
    councilTax: new InMemoryCouncilTax({ 'token-1': { accountReference: 'CT1', balancePence: 12345 } }),
  });
  const twins = {
    demo: twin({ '100000000002': HIGH_STREET_COLLECTIONS }),
    hillside: twin({ '300000000001': weekly('2026-12-02', ['REFUSE']), '400000000001': weekly('2026-12-03', ['GARDEN']) }),
    riverside: twin({ '300000000002': weekly('2026-12-04', ['GLASS']), '500000000001': weekly('2026-12-04', ['GLASS']) }),
  };
  const local = (id: keyof typeof twins, info: CouncilInfo, claim: { postcodes?: string[]; custodianCode?: number }) => {
    const queue = councilOutbox(outbox, id, { alsoUnmarked: id === 'demo' });
    const { bins, reporter, councilTax } = twins[id];
    return {
      id,
      info: { ...info, acceptsSignIn: signIn.has(id) },
      council: { addresses, bins, reports: reporter, councilTax },
      outbox: queue,
      claim: { id, ...claim },
    };
  };
  const councils = new Councils({
    councils: [
      local('demo', demoInfo, { postcodes: ['AB1'], custodianCode: 9901 }),
      local('hillside', infoFor('Hillside District Council', '01234 100200', 'https://www.hillside.example/'), { postcodes: ['HS1', 'BD1'], custodianCode: 9052 }),
      local('riverside', infoFor('Riverside City Council', '01234 300400', 'https://www.riverside.example/'), { postcodes: ['BD1'], custodianCode: 9053 }),
    ],
    service: infoFor('Council Services', '0300 000 0000', 'https://www.gov.uk/find-local-council', { binStreams: [], councilTax: undefined }),
    addresses,
  });
  const services: SkillServices = {
    council: councils.unplaced,
    councils,
    info: councils.service,
    profiles,
    translators: createTranslators(resources, { random: () => 0 }),
    clock: fixedClock(options.now ?? '2026-11-27T10:00:00Z'),
    logger: silentLogger,
    outbox,
  };
  return { skill: createSkill(allHandlers, services), services, councils, profiles, outbox, addresses, twins };
}
