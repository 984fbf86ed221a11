/**
 * The interfaces the handlers need from the council's back office. Real connectors live in
 * src/connectors; in-memory twins for tests live in test/support.
 */

/** A property, as the council's address gazetteer knows it. */
export interface Address {
  uprn: string;
  /** How the address is spoken back: "12 High Street". */
  label: string;
  postcode: string;
  buildingNumber?: string;
  buildingName?: string;
  street?: string;
  town?: string;
  /** The local custodian code of the authority that holds the address (OS Places LOCAL_CUSTODIAN_CODE). */
  custodianCode?: number;
}

export interface AddressFinder {
  /** Every property at a normalised postcode (`AA9A 9AA`); empty when the postcode has none. */
  findAddresses(postcode: string): Promise<Address[]>;
}

/**
 * The property a bins question is about. Feeds keyed by UPRN need only that; scrapers of a
 * council's web form (UKBinCollectionData) look the property up by postcode and house instead.
 * A found `Address` or a resident's saved address both fit.
 */
export interface PropertyRef {
  uprn: string;
  postcode?: string;
  /** "12 High Street": its first word is the house number when no building number is known. */
  label?: string;
  buildingNumber?: string;
  buildingName?: string;
}

/**
 * One collection day at a property, or (with `status: 'cancelled'`) a usual collection day that
 * will not happen, so residents are not left waiting for it.
 */
export interface Collection {
  /** Local date in the council's zone, `YYYY-MM-DD`. */
  date: string;
  /** Bin stream ids from the council config (REFUSE, RECYCLING, ...). */
  streams: string[];
  /** When the collection was moved (e.g. bank holiday), the date it would usually have been. */
  movedFrom?: string;
  /** Absent for a collection that happens; `cancelled` for a usual day with no collection and no replacement. */
  status?: 'cancelled';
}

/** What a council's bin data says about a property, for the officer's check before going live. */
export interface BinInspection {
  /** Collections as residents will hear them (cancelled ones included), soonest first. */
  collections: Collection[];
  /** Events (iCalendar summaries, UKBinCollectionData bin types) that matched no configured stream. */
  unmatched: { date: string; text: string }[];
}

export interface BinCollections {
  /**
   * Collections at a property on or after `fromDate` (inclusive) for `days` days, soonest first,
   * with cancelled usual days among them (`status: 'cancelled'`).
   */
  upcomingCollections(property: PropertyRef, fromDate: string, days: number): Promise<Collection[]>;
  /** A calendar link residents can subscribe to, when the council publishes one. */
  calendarUrl?(property: PropertyRef): string | undefined;
  /** The same window as `upcomingCollections`, plus what matched no stream: for `npm run check-council`. */
  inspect?(property: PropertyRef, fromDate: string, days: number): Promise<BinInspection>;
}

/** A bin stream as the council describes it to residents. */
export interface BinStream {
  id: string;
  /** "recycling" */
  name: string;
  /** "green bin" */
  container: string;
  /** For screens: a CSS colour. */
  colour?: string;
}

export interface IssueReport {
  /** ISSUE_TYPE id: POTHOLE, STREET_LIGHT, ... */
  issueType: string;
  /** Where, in the resident's words or from their saved address. */
  location: string;
  description: string;
  /** Answers to the service's required attributes, by attribute code. */
  attributes?: Record<string, string>;
  /** When the location is the saved address. */
  uprn?: string;
  lat?: number;
  long?: number;
}

export type SubmitResult =
  | { kind: 'accepted'; reference: string; notice?: string }
  | { kind: 'queued'; token: string; notice?: string };

export interface ReportStatus {
  reference: string;
  status: 'open' | 'closed';
  statusNotes?: string;
  serviceName?: string;
  /** Local date `YYYY-MM-DD`. */
  expectedDate?: string;
  updatedDate?: string;
}

/** A question the council needs answered for a kind of report (Open311 service attribute). */
export interface ReportQuestion {
  code: string;
  question: string;
  required: boolean;
  /** Allowed answers, when the council lists them. */
  values?: { key: string; name: string }[];
  /** The kind of answer the council expects (Open311 datatype); free text when absent. */
  datatype?: 'string' | 'number' | 'datetime' | 'text' | 'singlevaluelist' | 'multivaluelist';
}

export interface SubmitOptions {
  /**
   * A mark unique to this report, written into what the council receives, so that after an
   * attempt whose outcome is unknown the report can be found instead of sent twice.
   */
  marker?: string;
}

/** What a search for an earlier, uncertain attempt found. */
export type SubmittedSearch =
  | { kind: 'found'; result: SubmitResult }
  | { kind: 'not-found' }
  /** The council's system offers no way to look (no search, or no descriptions in it). */
  | { kind: 'cannot-search' };

export interface IssueReporter {
  /** Questions the resident must answer for an issue type, in the order to ask them. */
  questionsFor(issueType: string): Promise<ReportQuestion[]>;
  submit(report: IssueReport, options?: SubmitOptions): Promise<SubmitResult>;
  /** Looks for a report sent with `marker` since `since`, when the council's system can be searched. */
  findSubmitted?(report: IssueReport, marker: string, since: Date): Promise<SubmittedSearch>;
  /** The reference for a queued report's token, once the council has assigned one. */
  resolveToken(token: string): Promise<string | undefined>;
  status(reference: string): Promise<ReportStatus | undefined>;
}

export interface TaxAccount {
  accountReference: string;
  band?: string;
  /** Amount still to pay this year, in pence. */
  balancePence: number;
  nextInstalment?: { date: string; amountPence: number };
}

export interface CouncilTax {
  /** The resident's account, using their linked-account token. Throws AccountLinkError when refused. */
  account(accessToken: string): Promise<TaxAccount>;
  /** The band of a property, when the council's API can tell. */
  bandFor?(uprn: string): Promise<string | undefined>;
}

/** Everything the handlers can ask of the council's systems. */
export interface Council {
  addresses: AddressFinder;
  bins: BinCollections;
  reports?: IssueReporter;
  councilTax?: CouncilTax;
}
