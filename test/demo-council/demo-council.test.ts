import { DEMO_CONFIG_PATH, loadConfig } from '../../src/config/load-config';
import { IcsBinCollections } from '../../src/connectors/ics-bin-collections';
import { OsPlacesAddressFinder } from '../../src/connectors/os-places-addresses';
import { startDemoCouncil, type DemoCouncil } from '../../src/demo-council/server';

// End to end: the demo council config, the real connectors, and the demo council over real HTTP.
let council: DemoCouncil;
let addresses: OsPlacesAddressFinder;
let bins: IcsBinCollections;

beforeAll(async () => {
  council = await startDemoCouncil({ port: 0 });
  const config = loadConfig(DEMO_CONFIG_PATH, { DEMO_COUNCIL_URL: council.url });
  addresses = new OsPlacesAddressFinder(config.addresses);
  if (config.bins.connector !== 'ics') throw new Error('the demo council publishes iCalendar feeds');
  bins = new IcsBinCollections({ ...config.bins, timeZone: config.council.timeZone });
});

afterAll(() => council.close());

describe('the demo council through the real connectors', () => {
  it('lists the homes on High Street in the order residents expect', async () => {
    const found = await addresses.findAddresses('AB1 2CD');
    expect(found.map((a) => a.label)).toEqual([
      '2 High Street', '4 High Street', '10 High Street',
      'Flat 1, 12 High Street', 'Flat 2, 12 High Street', 'Rose Cottage, High Street',
    ]);
    expect(found.every((a) => a.postcode === 'AB1 2CD' && a.town === 'Demoton')).toBe(true);
  });

  it('has one home at AB1 3EF and none at ZZ9 9ZZ or at a malformed postcode', async () => {
    expect(await addresses.findAddresses('AB1 3EF')).toEqual([
      { uprn: '100090000301', label: 'The Old Mill, Mill Lane', postcode: 'AB1 3EF', buildingName: 'The Old Mill', street: 'Mill Lane', town: 'Demoton', custodianCode: 9901 },
    ]);
    expect(await addresses.findAddresses('ZZ9 9ZZ')).toEqual([]);
    expect(await addresses.findAddresses('AB1')).toEqual([]);
  });

  it('alternates refuse and recycling weekly beside food, and rests garden waste at Christmas', async () => {
    const [twoHighStreet] = await addresses.findAddresses('AB1 2CD');
    expect(twoHighStreet?.label).toBe('2 High Street');
    expect(await bins.upcomingCollections({ uprn: twoHighStreet?.uprn ?? '' }, '2026-12-08', 28)).toEqual([
      { date: '2026-12-08', streams: ['REFUSE', 'FOOD'] },
      { date: '2026-12-15', streams: ['RECYCLING', 'FOOD', 'GARDEN'] },
      { date: '2026-12-22', streams: ['REFUSE', 'FOOD'] },
      { date: '2026-12-29', streams: ['RECYCLING', 'FOOD'] },
      { date: '2026-12-29', streams: ['GARDEN'], status: 'cancelled' },
    ]);
  });

  it('gives garden waste only to homes that pay for it', async () => {
    expect(await bins.upcomingCollections({ uprn: '100090000004' }, '2026-12-15', 1)).toEqual([
      { date: '2026-12-15', streams: ['RECYCLING', 'FOOD'] },
    ]);
  });

  it('moves Christmas and New Year collections to the Saturday and says from when', async () => {
    expect(await bins.upcomingCollections({ uprn: '100090000301' }, '2026-12-21', 14)).toEqual([
      { date: '2026-12-26', streams: ['RECYCLING', 'FOOD'], movedFrom: '2026-12-25' },
      { date: '2027-01-02', streams: ['REFUSE', 'FOOD'], movedFrom: '2027-01-01' },
    ]);
    expect(await bins.upcomingCollections({ uprn: '100090000301' }, '2026-04-03', 2)).toEqual([
      { date: '2026-04-04', streams: ['RECYCLING', 'FOOD', 'GLASS'], movedFrom: '2026-04-03' },
    ]);
  });

  it('keeps going for years: Boxing Day 2028 still moves, and garden waste still rests', async () => {
    expect(await bins.upcomingCollections({ uprn: '100090000002' }, '2028-12-25', 3)).toEqual([
      { date: '2028-12-26', streams: ['GARDEN'], status: 'cancelled' },
      { date: '2028-12-27', streams: ['RECYCLING', 'FOOD'], movedFrom: '2028-12-26' },
    ]);
  });

  it('answers 404 for a property it does not know', async () => {
    await expect(bins.upcomingCollections({ uprn: '999999999999' }, '2026-12-01', 7)).rejects.toMatchObject({ status: 404, service: 'bins' });
  });

  it('gives residents a calendar link that works', async () => {
    const link = bins.calendarUrl({ uprn: '100090000002' });
    const response = await fetch(link);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/calendar/);
  });
});
