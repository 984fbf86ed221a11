/**
 * The council tax account API: the resident's own account, reached with the OAuth 2.0 bearer
 * token from account linking (RFC 6750), and the band of a property by UPRN.
 *
 * Wire format (what a council's API, or an adapter in front of its revenues system, serves):
 *   GET {url}/account                    Authorization: Bearer <token>
 *     → { "account_reference": "CT-1002003", "band": "C", "balance": 1188.07,
 *         "next_instalment": { "due_date": "2026-07-01", "amount": 176.01 } }
 *     401/403 when the token is missing, expired or revoked.
 *   GET {url}/properties/{uprn}/band     → { "uprn": "…", "band": "C" }; 404 when unknown.
 * Amounts are pounds as decimals, as revenues systems print them.
 */
import type { z } from 'zod';
import { loadOnFirstUse } from './load-on-first-use';
import type { CouncilTax, TaxAccount } from '../core/council';
import { AccountLinkError, CouncilDataError } from '../core/errors';
import { HttpClient, redactUrl, type HttpCall } from './http';

export interface CouncilTaxApiOptions {
  /** Base URL, e.g. `https://council.example/council-tax/v1`. */
  url: string;
  timeoutMs?: number;
  onCall?: (call: HttpCall) => void;
}

/** The answers' schemas, loaded with zod on the first call. */
const schemas = loadOnFirstUse(() => import('./council-tax-schemas'));

export class CouncilTaxApi implements CouncilTax {
  private readonly http: HttpClient;
  private readonly base: string;

  constructor(options: CouncilTaxApiOptions) {
    this.http = new HttpClient({ service: 'council-tax', timeoutMs: options.timeoutMs, onCall: options.onCall });
    this.base = options.url.replace(/\/+$/, '');
  }

  private parse<T extends z.ZodType>(schema: T, url: string, text: string): z.infer<T> {
    const parsed = schema.safeParse(this.http.parseJson(url, text));
    if (!parsed.success) throw new CouncilDataError('council-tax', redactUrl(url), parsed.error.issues[0]?.message ?? 'unexpected shape');
    return parsed.data;
  }

  async account(accessToken: string): Promise<TaxAccount> {
    const url = `${this.base}/account`;
    const response = await this.http.request(url, {
      headers: { accept: 'application/json', authorization: `Bearer ${accessToken}` },
      acceptStatuses: [401, 403],
    });
    if (response.status === 401 || response.status === 403) {
      // RFC 6750: the reason is in WWW-Authenticate (error="invalid_token", ...); it goes to logs only.
      throw new AccountLinkError(`${response.status} ${response.headers.get('www-authenticate') ?? ''}`.trim());
    }
    const account = this.parse((await schemas()).accountSchema, url, response.text);
    return {
      accountReference: account.account_reference,
      band: account.band ?? undefined,
      balancePence: account.balance,
      nextInstalment: account.next_instalment
        ? { date: account.next_instalment.due_date.slice(0, 10), amountPence: account.next_instalment.amount }
        : undefined,
    };
  }

  async bandFor(uprn: string): Promise<string | undefined> {
    const url = `${this.base}/properties/${encodeURIComponent(uprn)}/band`;
    const response = await this.http.request(url, { headers: { accept: 'application/json' }, acceptStatuses: [404] });
    if (response.status === 404) return undefined;
    return this.parse((await schemas()).bandSchema, url, response.text).band ?? undefined;
  }
}
