/**
 * A back end's failure, said as the config key an officer changes and how. The connectors'
 * errors already say who failed (core/errors); this adds where in the council file to look.
 */
import { CouncilApiError, CouncilDataError, NetworkError, ServiceUnavailableError, TimeoutError } from '../core/errors';
import { fail, type Finding } from './findings';

export interface BackEndKeys {
  /** Where the back end's address is set, e.g. `bins.urlTemplate`. */
  url: string;
  /** Where its key is set, when it has one. */
  key?: string;
  /** What it is, for the sentence: "the address lookup (OS Places)". */
  what: string;
}

/** The failure of `error` as a finding naming the key to change. */
export function explainError(error: unknown, keys: BackEndKeys): Finding {
  if (error instanceof TimeoutError || error instanceof NetworkError || error instanceof ServiceUnavailableError) {
    const why = error instanceof TimeoutError ? `gave no answer within ${error.ms} ms` : 'could not be reached';
    return fail(`${keys.what} ${why} at ${error.endpoint}`, keys.url, 'check the address is right and that this server can reach it (firewall, VPN, allow-list)');
  }
  if (error instanceof CouncilApiError) {
    if ((error.status === 401 || error.status === 403) && keys.key) {
      return fail(`${keys.what} refused our key (${error.status}) at ${error.endpoint}`, keys.key, 'set the key the supplier issued for this server (usually an ${ENV} reference)');
    }
    if (error.status === 404) return fail(`${keys.what} has nothing at ${error.endpoint} (404)`, keys.url, 'check the path: copy it from the supplier\'s documentation');
    return fail(`${keys.what} answered ${error.status} at ${error.endpoint}${error.detail ? `: ${error.detail.slice(0, 120)}` : ''}`, keys.url, 'check the address; if it is right, the council\'s system is failing: ask its supplier');
  }
  if (error instanceof CouncilDataError) {
    return fail(`${keys.what} answered something unusable at ${error.endpoint}`, keys.url, 'check the address points at the API itself, not a web page');
  }
  return fail(`${keys.what} failed: ${error instanceof Error ? error.message : String(error)}`, keys.url, 'check the address');
}
