/**
 * The demo council's council tax account API, mounted at `/council-tax/v1`, protected by OAuth
 * 2.0 bearer tokens (RFC 6750) as a council's API behind account linking would be:
 *   GET /account                  the token holder's account: balance and next instalment
 *   GET /properties/{uprn}/band   a property's band (public, as on the VOA's register)
 * The demo tokens and accounts are in data/council-tax.json.
 */
import { Router, type Request, type Response } from 'express';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { z } from 'zod';
import { localDate } from '../core/dates';
import taxFile from './data/council-tax.json';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

const accountSchema = z.object({
  account_reference: z.string().min(1),
  uprn: z.string().regex(/^\d{1,12}$/),
  band: z.enum(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H']),
  charge: z.number().positive(),
  instalments: z.union([z.literal(10), z.literal(12)]),
  first_due: isoDate,
  /** Has paid every instalment due before today. */
  pays_on_time: z.boolean().optional(),
  /** Or: has paid this much in all. */
  paid: z.number().nonnegative().optional(),
});

const taxDataSchema = z.object({
  year: z.string(),
  tokens: z.array(z.object({ token: z.string().min(8), account: z.string(), expires: z.iso.datetime() })),
  accounts: z.array(accountSchema),
  bands: z.record(z.string(), z.enum(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'])),
});

export type CouncilTaxData = z.infer<typeof taxDataSchema>;
type DemoAccount = z.infer<typeof accountSchema>;

export interface CouncilTaxRouterOptions {
  data?: CouncilTaxData;
  now?: () => Date;
  identity?: DemoIdentity;
}

/**
 * An identity provider the account API also trusts, as a council's would: its signed tokens
 * (JWTs) name the account holder's reference as `sub`. The MCP channel's residents sign in there.
 */
export interface DemoIdentity {
  issuer: string;
  jwksUrl: string;
}

/** The account reference a signed token from `identity` names, or undefined when it does not verify. */
async function accountFromJwt(token: string, identity: DemoIdentity, keys: ReturnType<typeof createRemoteJWKSet>): Promise<string | undefined> {
  try {
    const { payload } = await jwtVerify(token, keys, { issuer: identity.issuer, requiredClaims: ['exp', 'sub'] });
    return payload.sub;
  } catch {
    return undefined;
  }
}

/** Reads and checks data/council-tax.json; throws naming the bad key. */
export function loadCouncilTaxData(): CouncilTaxData {
  const data = taxDataSchema.parse(taxFile);
  for (const link of data.tokens) {
    if (!data.accounts.some((a) => a.account_reference === link.account)) throw new Error(`token ${link.token} names unknown account ${link.account}`);
  }
  return data;
}

/** The instalment schedule in pence: equal shares, the odd pence on the first, as bills do. */
function schedule(account: DemoAccount): { date: string; pence: number }[] {
  const total = Math.round(account.charge * 100);
  const share = Math.floor(total / account.instalments);
  const [year, month, day] = account.first_due.split('-').map(Number) as [number, number, number];
  return Array.from({ length: account.instalments }, (_, i) => {
    const m = month - 1 + i;
    const date = `${year + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    return { date, pence: i === 0 ? total - share * (account.instalments - 1) : share };
  });
}

function pounds(pence: number): number {
  return Math.round(pence) / 100;
}

function refuse(res: Response, description: string, error?: 'invalid_token'): void {
  const challenge = error ? `Bearer realm="demo-council", error="${error}", error_description="${description}"` : 'Bearer realm="demo-council"';
  res.status(401).set('WWW-Authenticate', challenge).json({ error: error ?? 'unauthorized', error_description: description });
}

/** The router to mount at `/council-tax/v1`. */
export function createCouncilTaxRouter(options: CouncilTaxRouterOptions = {}): Router {
  const data = options.data ?? loadCouncilTaxData();
  const now = options.now ?? (() => new Date());
  const identity = options.identity;
  const keys = identity && createRemoteJWKSet(new URL(identity.jwksUrl));
  const router = Router();

  router.get('/account', async (req: Request, res: Response) => {
    const token = /^Bearer\s+(\S+)$/i.exec(req.get('authorization') ?? '')?.[1];
    if (!token) return refuse(res, 'Sign in through account linking: send Authorization: Bearer <token>.');
    const link = data.tokens.find((t) => t.token === token);
    const signedFor = !link && identity && keys ? await accountFromJwt(token, identity, keys) : undefined;
    if (!link && !signedFor) return refuse(res, 'The access token is not recognised.', 'invalid_token');
    if (link && Date.parse(link.expires) <= now().getTime()) return refuse(res, 'The access token expired.', 'invalid_token');
    const account = data.accounts.find((a) => a.account_reference === (link?.account ?? signedFor));
    if (!account) return refuse(res, 'The access token is not recognised.', 'invalid_token');

    const today = localDate(now(), 'Europe/London');
    const instalments = schedule(account);
    const total = instalments.reduce((sum, i) => sum + i.pence, 0);
    const paid = account.pays_on_time
      ? instalments.filter((i) => i.date < today).reduce((sum, i) => sum + i.pence, 0)
      : Math.round((account.paid ?? 0) * 100);
    const next = paid < total ? instalments.find((i) => i.date >= today) : undefined;
    res.set('Cache-Control', 'no-store').json({
      account_reference: account.account_reference,
      financial_year: data.year,
      uprn: account.uprn,
      band: account.band,
      annual_charge: account.charge,
      balance: pounds(total - paid),
      next_instalment: next ? { due_date: next.date, amount: pounds(next.pence) } : null,
    });
  });

  router.get('/properties/:uprn/band', (req: Request<{ uprn: string }>, res: Response) => {
    const band = data.accounts.find((a) => a.uprn === req.params.uprn)?.band ?? data.bands[req.params.uprn];
    if (!band) return void res.status(404).json({ error: 'not_found', error_description: `No property with UPRN ${req.params.uprn}.` });
    res.json({ uprn: req.params.uprn, band });
  });

  return router;
}
