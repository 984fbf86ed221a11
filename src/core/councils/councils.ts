/**
 * The councils one deployment serves, and how a turn finds the resident's: by the council saved
 * with their address, or (before there is one) not at all, when the deployment speaks under its
 * own name and the address dialog decides. A deployment of one council never needs this.
 */
import type { Address, AddressFinder, Council } from '../council';
import type { CouncilInfo } from '../council-info';
import type { ReportOutbox } from '../outbox';
import type { ResidentProfile } from '../profile';
import { CouncilIndex, type CouncilClaim } from './council-index';

/** One council of the deployment, with its own connectors (and so its own breakers and caches). */
export interface LocalCouncil {
  id: string;
  info: CouncilInfo;
  council: Council;
  /** This council's delivery queue in the deployment's outbox. */
  outbox?: ReportOutbox;
}

export interface CouncilsOptions {
  councils: readonly (LocalCouncil & { claim: CouncilClaim })[];
  /** What residents hear before their council is known: the deployment's name, phone and website. */
  service: CouncilInfo;
  /** One address gazetteer for the whole deployment (service.yaml), when there is one. */
  addresses?: AddressFinder;
  /** Where the councils are, as a resident would hear it ("across Kent and Sussex"). */
  area?: string;
}

/** No council is known yet: every question about bins or tax waits for the address. */
const NOT_YET_KNOWN: Council['bins'] = {
  upcomingCollections: () => Promise.reject(new Error('no council is known for this resident yet')),
};

export class Councils {
  readonly all: readonly LocalCouncil[];
  readonly service: CouncilInfo;
  readonly area?: string;
  /** Services for a resident whose council is not known yet (only the address lookup works). */
  readonly unplaced: Council;
  private readonly byId = new Map<string, LocalCouncil>();
  private readonly index: CouncilIndex;
  private readonly sharedAddresses?: AddressFinder;
  private chooser?: (userId: string) => string | undefined;

  /** Throws OwnershipConflict (from CouncilIndex) when two councils' claims overlap for good. */
  constructor(options: CouncilsOptions) {
    this.all = options.councils.map(({ claim: _claim, ...council }) => council);
    for (const council of this.all) this.byId.set(council.id, council);
    this.index = new CouncilIndex(options.councils.map((c) => c.claim));
    this.service = options.service;
    this.area = options.area;
    this.sharedAddresses = options.addresses;
    this.unplaced = { addresses: { findAddresses: (postcode) => this.findAddresses(postcode) }, bins: NOT_YET_KNOWN };
  }

  /** The council with this id, if the deployment still has it. */
  find(id: string): LocalCouncil | undefined {
    return this.byId.get(id);
  }

  /**
   * The resident's council: the one saved with their address. An address saved before the
   * deployment had several councils belongs to the first (the one it had then).
   */
  forProfile(profile: ResidentProfile | undefined): LocalCouncil | undefined {
    const address = profile?.address;
    if (!address) return undefined;
    return address.councilId === undefined ? this.all[0] : this.byId.get(address.councilId);
  }

  /**
   * Lets a test bench (the simulator's council picker) name the council a turn answers as,
   * whatever the resident's saved address says; `chooser` answering undefined leaves the address to decide.
   */
  chooseWith(chooser: (userId: string) => string | undefined): void {
    this.chooser = chooser;
  }

  /** The council a resident's turn goes to: the one chosen for them, else the one saved with their address. */
  forResident(userId: string, profile: ResidentProfile | undefined): LocalCouncil | undefined {
    const chosen = this.chooser?.(userId);
    return (chosen === undefined ? undefined : this.byId.get(chosen)) ?? this.forProfile(profile);
  }

  /** The council that owns an address, or undefined when no council of this deployment does. */
  ownerOf(address: Pick<Address, 'postcode' | 'custodianCode'>): LocalCouncil | undefined {
    if (this.all.length === 1) return this.all[0];
    const id = this.index.ownerOf(address);
    return id === undefined ? undefined : this.byId.get(id);
  }

  /**
   * The gazetteer to search a postcode with: the deployment's own, else the council whose
   * postcodes hold it, else the first council's (OS Places answers for the whole country, and the
   * custodian codes it returns then decide).
   */
  addressesFor(postcode: string): AddressFinder | undefined {
    if (this.sharedAddresses) return this.sharedAddresses;
    const [first] = this.index.councilsForPostcode(postcode);
    return (first === undefined ? undefined : this.byId.get(first)?.council.addresses) ?? this.all[0]?.council.addresses;
  }

  private async findAddresses(postcode: string): Promise<Address[]> {
    const finder = this.addressesFor(postcode);
    return finder ? finder.findAddresses(postcode) : [];
  }
}
