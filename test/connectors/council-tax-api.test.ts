import nock from 'nock';
import { CouncilTaxApi } from '../../src/connectors/council-tax-api';
import { AccountLinkError, CouncilApiError, CouncilDataError } from '../../src/core/errors';

const HOST = 'https://revenues.council.example';
const api = () => new CouncilTaxApi({ url: `${HOST}/council-tax/v1/` });

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe('the council tax account API', () => {
  it('reads the resident\'s account with their bearer token, amounts in pence', async () => {
    const scope = nock(HOST, { reqheaders: { authorization: 'Bearer token-abc' } })
      .get('/council-tax/v1/account')
      .reply(200, { account_reference: 'CT-1002003', band: 'c', balance: 1188.07, next_instalment: { due_date: '2026-12-01', amount: '176.01' } });
    expect(await api().account('token-abc')).toEqual({
      accountReference: 'CT-1002003',
      band: 'C',
      balancePence: 118807,
      nextInstalment: { date: '2026-12-01', amountPence: 17601 },
    });
    expect(scope.isDone()).toBe(true);
  });

  it.each([401, 403])('turns a %i into AccountLinkError, so the resident is asked to link again', async (status) => {
    const scope = nock(HOST).get('/council-tax/v1/account')
      .reply(status, { error: 'invalid_token' }, { 'WWW-Authenticate': 'Bearer error="invalid_token", error_description="The access token expired"' });
    const error = await api().account('old').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AccountLinkError);
    expect((error as Error).message).toContain('invalid_token');
    expect(scope.isDone()).toBe(true);
  });

  it('treats a server failure as an outage, not a link problem', async () => {
    nock(HOST).get('/council-tax/v1/account').times(2).reply(502, 'Bad Gateway');
    await expect(api().account('token-abc')).rejects.toBeInstanceOf(CouncilApiError);
  });

  it('refuses an account answer without a balance rather than guess one', async () => {
    nock(HOST).get('/council-tax/v1/account').reply(200, { account_reference: 'CT-1' });
    await expect(api().account('token-abc')).rejects.toBeInstanceOf(CouncilDataError);
  });

  it('looks up a property\'s band by UPRN, and answers nothing for an unknown one', async () => {
    const scope = nock(HOST)
      .get('/council-tax/v1/properties/100000000002/band').reply(200, { uprn: '100000000002', band: 'D' })
      .get('/council-tax/v1/properties/999/band').reply(404, { error: 'not_found' });
    expect(await api().bandFor('100000000002')).toBe('D');
    expect(await api().bandFor('999')).toBeUndefined();
    expect(scope.isDone()).toBe(true);
  });
});
