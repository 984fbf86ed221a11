/**
 * Composition of the bins connector the council file names: an iCalendar feed per property, or
 * a UKBinCollectionData API server for councils that publish none.
 */
import type { CouncilConfig } from '../config/council-config';
import type { HttpCall } from '../connectors/http';
import { IcsBinCollections } from '../connectors/ics-bin-collections';
import { UkbcdBinCollections } from '../connectors/ukbcd/ukbcd-bin-collections';
import type { BinCollections } from '../core/council';
import type { Clock } from '../core/dates';
import type { Logger } from '../core/logger';

export interface BinsDeps {
  timeZone: string;
  clock: Clock;
  logger: Logger;
  onCall: (call: HttpCall) => void;
}

/** The council's bin collections, by `bins.connector`. */
export function createBinCollections(bins: CouncilConfig['bins'], deps: BinsDeps): BinCollections {
  const shared = { streams: bins.streams, cacheMinutes: bins.cacheMinutes, timeoutMs: bins.timeoutMs, ...deps };
  switch (bins.connector) {
    case 'ics':
      return new IcsBinCollections({ ...shared, urlTemplate: bins.urlTemplate, publicUrlTemplate: bins.publicUrlTemplate });
    case 'ukbcd':
      return new UkbcdBinCollections({ ...shared, url: bins.url, council: bins.council, params: bins.params, addressFields: bins.addressFields });
  }
}
