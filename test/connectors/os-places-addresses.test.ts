import nock from 'nock';
import { OsPlacesAddressFinder } from '../../src/connectors/os-places-addresses';
import { CouncilApiError, CouncilDataError, TimeoutError } from '../../src/core/errors';

const OS = 'https://api.os.uk';
const KEY = 'test-key';

function finder(timeoutMs?: number): OsPlacesAddressFinder {
  return new OsPlacesAddressFinder({ url: `${OS}/search/places/v1/`, key: KEY, timeoutMs });
}

/** The query the connector must send for a first page. */
function query(postcode: string) {
  return { postcode, key: KEY, dataset: 'DPA', maxresults: '100' };
}

/** OS Places DPA records as OS sends them: upper case, numbers as strings. */
const HIGH_STREET = [
  { UPRN: '100090000010', ADDRESS: '10, HIGH STREET, DEMOTON, AB1 2CD', BUILDING_NUMBER: '10', THOROUGHFARE_NAME: 'HIGH STREET', POST_TOWN: 'DEMOTON', POSTCODE: 'AB1 2CD' },
  { UPRN: '100090000201', ADDRESS: 'ROSE COTTAGE, HIGH STREET, DEMOTON, AB1 2CD', BUILDING_NAME: 'ROSE COTTAGE', THOROUGHFARE_NAME: 'HIGH STREET', POST_TOWN: 'DEMOTON', POSTCODE: 'AB1 2CD' },
  { UPRN: '100090000122', ADDRESS: 'FLAT 10, 12, HIGH STREET, DEMOTON, AB1 2CD', SUB_BUILDING_NAME: 'FLAT 10', BUILDING_NUMBER: '12', THOROUGHFARE_NAME: 'HIGH STREET', POST_TOWN: 'DEMOTON', POSTCODE: 'AB1 2CD' },
  { UPRN: '100090000002', ADDRESS: '2, HIGH STREET, DEMOTON, AB1 2CD', BUILDING_NUMBER: '2', THOROUGHFARE_NAME: 'HIGH STREET', POST_TOWN: 'DEMOTON', POSTCODE: 'AB1 2CD' },
  { UPRN: '100090000121', ADDRESS: 'FLAT 3, 12, HIGH STREET, DEMOTON, AB1 2CD', SUB_BUILDING_NAME: 'FLAT 3', BUILDING_NUMBER: '12', THOROUGHFARE_NAME: 'HIGH STREET', POST_TOWN: 'DEMOTON', POSTCODE: 'AB1 2CD' },
  { UPRN: '100090000301', ADDRESS: '221B, ST. MARY\'S ROAD, DEMOTON, AB1 2CD', BUILDING_NAME: '221B', THOROUGHFARE_NAME: 'ST. MARY\'S ROAD', POST_TOWN: 'DEMOTON', POSTCODE: 'AB1 2CD' },
];

function page(records: object[], total = records.length) {
  return { header: { totalresults: total, offset: 0, maxresults: 100 }, results: records.map((DPA) => ({ DPA })) };
}

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe('finding the homes at a postcode', () => {
  it('labels each home as a resident says it, in street-number order', async () => {
    const scope = nock(OS).get('/search/places/v1/postcode').query(query('AB1 2CD')).reply(200, page(HIGH_STREET));
    const addresses = await finder().findAddresses('AB1 2CD');
    expect(addresses.map((a) => a.label)).toEqual([
      '2 High Street',
      '10 High Street',
      'Flat 3, 12 High Street',
      'Flat 10, 12 High Street',
      'Rose Cottage, High Street',
      "221B St. Mary's Road",
    ]);
    expect(scope.isDone()).toBe(true);
  });

  it('keeps the UPRN and the parts a resident might say to pick their home', async () => {
    nock(OS).get('/search/places/v1/postcode').query(query('AB1 2CD')).reply(200, page(HIGH_STREET));
    const addresses = await finder().findAddresses('AB1 2CD');
    expect(addresses.find((a) => a.uprn === '100090000201')).toEqual({
      uprn: '100090000201', label: 'Rose Cottage, High Street', postcode: 'AB1 2CD',
      buildingName: 'Rose Cottage', street: 'High Street', town: 'Demoton',
    });
    expect(addresses.find((a) => a.uprn === '100090000121')).toMatchObject({ buildingNumber: '12', label: 'Flat 3, 12 High Street' });
  });

  it('says an organisation and a dependent street the way the post does', async () => {
    const record = {
      UPRN: '1', ADDRESS: 'THE OLD FORGE, 4, MILL COURT, STOKE-ON-TRENT ROAD, DEMOTON, AB1 2CD', ORGANISATION_NAME: 'THE OLD FORGE',
      BUILDING_NUMBER: '4', DEPENDENT_THOROUGHFARE_NAME: 'MILL COURT', THOROUGHFARE_NAME: 'STOKE-ON-TRENT ROAD', POST_TOWN: 'DEMOTON', POSTCODE: 'AB1 2CD',
    };
    nock(OS).get('/search/places/v1/postcode').query(query('AB1 2CD')).reply(200, page([record]));
    const [address] = await finder().findAddresses('AB1 2CD');
    expect(address?.label).toBe('The Old Forge, 4 Mill Court, Stoke-on-Trent Road');
  });

  it('lists a Welsh address once, although OS sends it in English and Welsh', async () => {
    const english = { UPRN: '7', ADDRESS: '1, HEOL Y FRENHINES, CAERDYDD, CF10 1AA', BUILDING_NUMBER: '1', THOROUGHFARE_NAME: 'QUEEN STREET', POST_TOWN: 'CARDIFF', POSTCODE: 'CF10 1AA', LANGUAGE: 'EN' };
    const welsh = { ...english, THOROUGHFARE_NAME: 'HEOL Y FRENHINES', POST_TOWN: 'CAERDYDD', LANGUAGE: 'CY' };
    nock(OS).get('/search/places/v1/postcode').query(query('CF10 1AA')).reply(200, page([welsh, english]));
    expect((await finder().findAddresses('CF10 1AA')).map((a) => a.label)).toEqual(['1 Queen Street']);
  });

  it('reads every page of a postcode with more than 100 homes', async () => {
    const flats = Array.from({ length: 150 }, (_, i) => ({
      UPRN: String(5000 + i), ADDRESS: `FLAT ${i + 1}, TOWER HOUSE, AB1 9XY`, SUB_BUILDING_NAME: `FLAT ${i + 1}`,
      BUILDING_NAME: 'TOWER HOUSE', THOROUGHFARE_NAME: 'HIGH STREET', POSTCODE: 'AB1 9XY',
    }));
    const scope = nock(OS)
      .get('/search/places/v1/postcode').query(query('AB1 9XY')).reply(200, page(flats.slice(0, 100), 150))
      .get('/search/places/v1/postcode').query({ ...query('AB1 9XY'), offset: '100' }).reply(200, page(flats.slice(100), 150));
    const addresses = await finder().findAddresses('AB1 9XY');
    expect(addresses).toHaveLength(150);
    expect(addresses[149]?.label).toBe('Flat 150, Tower House, High Street');
    expect(scope.isDone()).toBe(true);
  });

  it('finds nothing at a postcode with no homes (OS leaves out `results`)', async () => {
    const scope = nock(OS).get('/search/places/v1/postcode').query(query('ZZ9 9ZZ')).reply(200, { header: { totalresults: 0 } });
    await expect(finder().findAddresses('ZZ9 9ZZ')).resolves.toEqual([]);
    expect(scope.isDone()).toBe(true);
  });

  it('finds nothing when OS calls the postcode malformed (400), without retrying', async () => {
    const scope = nock(OS).get('/search/places/v1/postcode').query(query('AB1')).once()
      .reply(400, { error: { statuscode: 400, message: 'Requested postcode must contain a minimum of the sector plus 1 digit of the district e.g. SO1. Requested postcode was AB1' } });
    await expect(finder().findAddresses('AB1')).resolves.toEqual([]);
    expect(scope.isDone()).toBe(true);
  });
});

describe('when OS Places fails', () => {
  it('reports a refused key (401) as the address service refusing, and keeps the key out of the message', async () => {
    nock(OS).get('/search/places/v1/postcode').query(true).reply(401, { error: { statuscode: 401, message: 'Invalid API key' } });
    const failure = finder().findAddresses('AB1 2CD');
    await expect(failure).rejects.toMatchObject({ status: 401, service: 'addresses' });
    await expect(failure).rejects.not.toHaveProperty('message', expect.stringContaining(KEY));
  });

  it('retries a 500 once and answers when the retry succeeds', async () => {
    const scope = nock(OS)
      .get('/search/places/v1/postcode').query(true).reply(500, 'Internal error')
      .get('/search/places/v1/postcode').query(true).reply(200, page(HIGH_STREET.slice(0, 1)));
    expect((await finder().findAddresses('AB1 2CD')).map((a) => a.label)).toEqual(['10 High Street']);
    expect(scope.isDone()).toBe(true);
  });

  it('gives up after a second 500', async () => {
    const scope = nock(OS).get('/search/places/v1/postcode').query(true).times(2).reply(500);
    await expect(finder().findAddresses('AB1 2CD')).rejects.toBeInstanceOf(CouncilApiError);
    expect(scope.isDone()).toBe(true);
  });

  it('gives up on an answer slower than the timeout', async () => {
    const scope = nock(OS).get('/search/places/v1/postcode').query(true).times(2).delay(1000).reply(200, page(HIGH_STREET));
    await expect(finder(50).findAddresses('AB1 2CD')).rejects.toBeInstanceOf(TimeoutError);
    expect(scope.isDone()).toBe(true);
  });

  it('calls garbage JSON unusable data', async () => {
    nock(OS).get('/search/places/v1/postcode').query(true).reply(200, '{"header": {"totalres', { 'content-type': 'application/json' });
    await expect(finder().findAddresses('AB1 2CD')).rejects.toBeInstanceOf(CouncilDataError);
  });

  it('calls JSON of the wrong shape unusable data', async () => {
    nock(OS).get('/search/places/v1/postcode').query(true).reply(200, { header: { totalresults: 1 }, results: [{ DPA: { ADDRESS: 'NO UPRN' } }] });
    await expect(finder().findAddresses('AB1 2CD')).rejects.toMatchObject({ name: 'CouncilDataError', service: 'addresses' });
  });
});
