/**
 * The structured facts behind a reply's words: the dates, bins, amounts and references the
 * handler spoke about, in plain data. Channels that return data (MCP's structuredContent) use
 * them; voice channels ignore them. Handlers fill them from the same values they speak, so the
 * words and the data never disagree.
 */
import type { BinStream, Collection, ReportStatus } from './council';
import type { CouncilInfo } from './council-info';
import type { SendOutcome } from './reports/send-report';

/** A property as the council's gazetteer names it. */
export interface PropertyFact {
  uprn: string;
  label: string;
  postcode?: string;
  /** The gazetteer's local custodian code: which council holds the address. */
  custodianCode?: number;
}

export interface CollectionFact {
  /** Local date `YYYY-MM-DD`. */
  date: string;
  bins: { id: string; name: string; container: string }[];
  /** The usual date when this collection was moved (bank holiday). */
  usualDate?: string;
  /** A usual collection day that will not happen (no replacement). */
  cancelled?: true;
}

export interface ChargeFact {
  band: string;
  annualPence: number;
  /** Each of the default instalments. */
  instalmentPence: number;
}

/** What the council's services can do here, for "how do I contact the council". */
export type ServiceName = 'bin-collections' | 'report-problem' | 'report-status' | 'council-tax-charges' | 'council-tax-balance';

export type ReplyFacts =
  | { kind: 'addresses'; postcode: string; addresses: PropertyFact[] }
  | { kind: 'collections'; property: PropertyFact; collections: CollectionFact[] }
  | { kind: 'council-tax-charges'; year: string; instalments: number; charges: ChargeFact[] }
  | { kind: 'council-tax-balance'; year: string; balancePence: number; nextInstalment?: { date: string; amountPence: number } }
  /** The report needs an answer to one of the council's questions before it can be read back. */
  | { kind: 'report-question'; council: string; code: string; question: string; options?: { key: string; name: string }[] }
  /** The report as it will be sent (to `council`, by name), read back for the resident's yes. */
  | { kind: 'report-draft'; council: string; issueType: string; location: string; description: string; uprn?: string; answers: Record<string, string> }
  | { kind: 'report-outcome'; outcome: 'sent' | 'received' | 'saved' | 'rejected'; reference?: string }
  | { kind: 'report-status'; reference: string; status: 'open' | 'closed'; notes?: string; service?: string; expectedDate?: string; updatedDate?: string }
  | { kind: 'report-not-found'; reference: string }
  | { kind: 'council'; name: string; phone: string; website: string; services: ServiceName[] };

/** The collections as data: bins named as the council names them, moved dates kept. */
export function collectionFacts(property: PropertyFact, collections: Collection[], streams: BinStream[]): ReplyFacts {
  return {
    kind: 'collections',
    property,
    collections: collections.map((c) => ({
      date: c.date,
      bins: streams.filter((s) => c.streams.includes(s.id)).map(({ id, name, container }) => ({ id, name, container })),
      ...(c.movedFrom ? { usualDate: c.movedFrom } : {}),
      ...(c.status === 'cancelled' ? { cancelled: true as const } : {}),
    })),
  };
}

/** A report's outcome as data; `rejected` carries no reference. */
export function reportOutcomeFacts(outcome: SendOutcome): ReplyFacts {
  switch (outcome.kind) {
    case 'accepted': return { kind: 'report-outcome', outcome: 'sent', reference: outcome.reference };
    case 'queued': return { kind: 'report-outcome', outcome: 'received' };
    case 'saved': return { kind: 'report-outcome', outcome: 'saved' };
    case 'rejected': return { kind: 'report-outcome', outcome: 'rejected' };
  }
}

export function reportStatusFacts(status: ReportStatus): ReplyFacts {
  const { reference, status: state, statusNotes, serviceName, expectedDate, updatedDate } = status;
  return { kind: 'report-status', reference, status: state, notes: statusNotes, service: serviceName, expectedDate, updatedDate };
}

/** The council's contacts, and what this deployment can do for residents. */
export function councilFacts(info: CouncilInfo, has: { reports: boolean; councilTaxAccount: boolean }): ReplyFacts {
  const services: ServiceName[] = ['bin-collections'];
  if (has.reports) services.push('report-problem', 'report-status');
  if (info.councilTax) services.push('council-tax-charges');
  if (has.councilTaxAccount) services.push('council-tax-balance');
  return { kind: 'council', name: info.name, phone: info.phone, website: info.website, services };
}
