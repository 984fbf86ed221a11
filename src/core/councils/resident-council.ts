/**
 * Each turn's council, in a deployment of several: the one saved with the resident's address,
 * looked up before the handler runs, so handlers keep receiving one council's services.
 */
import type { ProfileStore, ResidentProfile } from '../profile';
import type { SkillServices } from '../skill';
import type { Turn } from '../turn';

/**
 * The store as one turn sees it: the profile read to choose the council is what the handler's
 * own `get` receives, not a second read of the same row; writes go through and are remembered.
 */
function rememberingProfile(store: ProfileStore, userId: string, profile: ResidentProfile | undefined): ProfileStore {
  let current = profile;
  return {
    get: async (id) => (id === userId ? current : store.get(id)),
    put: async (next) => {
      await store.put(next);
      if (next.userId === userId) current = next;
    },
    delete: async (id) => {
      await store.delete(id);
      if (id === userId) current = undefined;
    },
  };
}

/**
 * The services for this resident's turn: their council's connectors, name, contacts and delivery
 * queue (the council chosen for them on a test bench, else the one saved with their address); before their address is known, the deployment's own name and only the address lookup.
 * With one council (no `councils`) the services as composed, without reading the profile.
 */
export async function servicesForResident(services: SkillServices, turn: Pick<Turn, 'userId' | 'property'>): Promise<SkillServices> {
  const councils = services.councils;
  if (!councils) return services;
  const { userId, property } = turn;
  // A property the caller named (an MCP tool) is answered by the council that owns it, whoever asks.
  const profile = !property && userId ? await services.profiles.get(userId) : undefined;
  const home = property
    ? (property.postcode ? councils.ownerOf({ postcode: property.postcode, custodianCode: property.custodianCode }) : undefined)
    : councils.forResident(userId, profile);
  const profiles = userId && !property ? rememberingProfile(services.profiles, userId, profile) : services.profiles;
  if (!home) return { ...services, profiles, council: councils.unplaced, info: councils.service, councilId: undefined };
  return {
    ...services,
    profiles,
    council: home.council,
    info: home.info,
    councilId: home.id,
    outbox: home.outbox ?? services.outbox,
  };
}
