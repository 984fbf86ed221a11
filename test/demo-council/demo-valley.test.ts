import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { loadConfig } from '../../src/config/load-config';
import { silentLogger } from '../../src/core/logger';
import { startDemoCouncil, type DemoCouncil } from '../../src/demo-council/server';
import { compose } from '../../src/entry/compose';
import { createApp } from '../../src/server/create-app';
import type { Composition } from '../../src/server/composition';
import { loadEnvelope } from '../channels/alexa/fixtures';

// Demo Valley District Council end to end: an Alexa request to /alexa, the composed application
// with councils/demo-valley-council.yaml, the ukbcd connector, and the demo council server
// speaking UKBinCollectionData's API over real HTTP. Wednesday 20 May 2026, the week the Spring
// bank holiday moves Monday's collection to the Saturday before.
const NOW = new Date('2026-05-20T09:00:00Z');
const clock = { now: () => NOW };
const VALLEY_FILE = path.join(__dirname, '../../councils/demo-valley-council.yaml');

let demo: DemoCouncil;
let composition: Composition;
let server: Server;
let skillUrl: string;
let dataDir: string;

beforeAll(async () => {
  demo = await startDemoCouncil({ port: 0, clock });
  dataDir = mkdtempSync(path.join(tmpdir(), 'demo-valley-'));
  const config = loadConfig(VALLEY_FILE, { DEMO_COUNCIL_URL: demo.url, UKBCD_URL: `${demo.url}/ukbcd` });
  composition = compose({ config, clock, logger: silentLogger, dataDir });
  server = await new Promise<Server>((resolve) => {
    const listening = createApp(composition, { skipRequestVerification: true, simulator: false }).listen(0, '127.0.0.1', () => resolve(listening));
  });
  skillUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await composition.close();
  await demo.close();
  rmSync(dataDir, { recursive: true, force: true });
});

type Attributes = Record<string, unknown>;

/** One turn: an IntentRequest as Alexa sends it, carrying the session attributes the last reply set. */
async function say(intent: string, slots: Record<string, string>, attributes: Attributes = {}): Promise<{ words: string; attributes: Attributes }> {
  const envelope = loadEnvelope('get-bin-collection');
  envelope.request = {
    type: 'IntentRequest',
    requestId: `amzn1.echo-api.request.valley-${Math.random().toString(36).slice(2)}`,
    locale: 'en-GB',
    timestamp: NOW.toISOString(),
    dialogState: 'STARTED',
    intent: {
      name: intent,
      confirmationStatus: 'NONE',
      slots: Object.fromEntries(Object.entries(slots).map(([name, value]) => [name, { name, value, confirmationStatus: 'NONE' }])),
    },
  };
  envelope.session = { ...envelope.session!, new: false, attributes };
  const response = await request(skillUrl).post('/alexa').set('content-type', 'application/json').send(envelope);
  expect(response.status).toBe(200);
  const ssml: string = response.body.response.outputSpeech?.ssml ?? '';
  return { words: ssml.replace(/<[^>]+>/g, '').replace(/&apos;/g, "'").replace(/&amp;/g, '&'), attributes: response.body.sessionAttributes ?? {} };
}

describe('Demo Valley District Council through /alexa and the UKBinCollectionData-shaped demo', () => {
  it('finds the resident\'s home at DV1 1AA, then answers their bin day and the moved Monday', async () => {
    const found = await say('SetAddressIntent', { postcode: 'DV1 1AA', houseNumber: '1' });
    expect(found.words).toContain('1 Mill Road');
    const saved = await say('AMAZON.YesIntent', {}, found.attributes);
    expect(saved.words).not.toMatch(/sorry/i);

    const binDay = await say('GetBinCollectionIntent', {});
    expect(binDay.words).toMatch(/^Your next collection is this Saturday: the grey bin and the food caddy\. That's moved from the usual day, Monday 25 May\. Then the blue lidded bin and the brown garden bin on Monday 1 June\./);

    const monday = await say('GetBinCollectionIntent', { date: '2026-05-25' });
    expect(monday.words).toMatch(/^No, that collection has moved: the grey bin and the food caddy will be collected this Saturday instead\./);
  });
});

describe('the demo council server\'s second area', () => {
  it('answers in UKBinCollectionData\'s shape: its own bin words, dd/mm/yyyy, the bank-holiday Saturday', async () => {
    const response = await request(demo.url).get('/ukbcd/api/bin_collection/DemoValleyDistrictCouncil')
      .query({ postcode: 'dv1 1aa', house_number: '3', url: 'https://www.demo-valley.example/bins' });
    expect(response.status).toBe(200);
    expect(response.body.bins.slice(0, 3)).toEqual([
      { type: 'Food Caddy', collectionDate: '23/05/2026' },
      { type: 'Grey Bin', collectionDate: '23/05/2026' },
      { type: 'Food Caddy', collectionDate: '01/06/2026' },
    ]);
    // 3 Mill Road does not pay for garden waste.
    expect(response.body.bins.some((bin: { type: string }) => bin.type === 'Brown Garden Bin')).toBe(false);
  });

  it('answers errors as { code, message }', async () => {
    const base = '/ukbcd/api/bin_collection';
    const noUrl = await request(demo.url).get(`${base}/DemoValleyDistrictCouncil`).query({ uprn: '100095000001' });
    expect(noUrl.status).toBe(400);
    expect(noUrl.body).toEqual({ code: 400, message: expect.any(String) });
    const unknown = await request(demo.url).get(`${base}/DemoValleyDistrictCouncil`).query({ uprn: '1', url: 'x' });
    expect(unknown.status).toBe(500);
    expect(unknown.body).toEqual({ code: 500, message: expect.any(String) });
    expect((await request(demo.url).get(`${base}/SomewhereElseCouncil`).query({ uprn: '1', url: 'x' })).status).toBe(500);
  });

  it('serves its addresses from the same OS Places-shaped lookup, each area with its own custodian code', async () => {
    const lookup = (postcode: string) => request(demo.url).get('/search/places/v1/postcode').query({ key: 'demo-key', postcode });
    const valley = await lookup('DV1 2BB');
    expect(valley.body.results.map((r: { DPA: { LOCAL_CUSTODIAN_CODE: number } }) => r.DPA.LOCAL_CUSTODIAN_CODE)).toEqual([9902, 9902]);
    const borough = await lookup('AB1 3EF');
    expect(borough.body.results[0].DPA).toMatchObject({ LOCAL_CUSTODIAN_CODE: 9901, LOCAL_CUSTODIAN_CODE_DESCRIPTION: 'DEMO BOROUGH' });
  });
});
