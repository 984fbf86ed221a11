/**
 * mySociety's open311-adapter marks attributes `automated`: residents are never asked them;
 * `server_set` ones are never sent, `hidden_field` ones only when the report holds the value.
 * The definition is Bartec's, as the adapter serves it (test/fixtures/open311/README.md).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import nock from 'nock';
import { Open311Reporter } from '../../../src/connectors/open311/open311-reporter';

const HOST = 'https://open311.council.example';
const BASE = '/v2';
const bartecDefinition = readFileSync(path.join(__dirname, '../../fixtures/open311/adapter-bartec-definition.json'), 'utf8');
const SERVICES = [{ service_code: '4', service_name: 'Fly-tipping', metadata: 'true', type: 'realtime', keywords: '', group: 'Street cleaning' }];

function council() {
  return nock(HOST)
    .get(`${BASE}/services.json`).query(true).reply(200, SERVICES)
    .get(`${BASE}/services/4.json`).query(true).reply(200, bartecDefinition);
}

const reporter = () => new Open311Reporter({ endpoint: `${HOST}${BASE}`, apiKey: 'k', jurisdictionId: 'bartec', timeZone: 'Europe/London' });

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe('automated attributes', () => {
  it('asks the resident only the council\'s own required questions, never "Report URL?" or "Title?"', async () => {
    council();
    const questions = await reporter().questionsFor('FLY_TIPPING');
    expect(questions.map((q) => q.code)).toEqual(['RubbishType', 'ITEM_01']);
  });

  it('sends a hidden field the report holds (the UPRN), and no server_set value', async () => {
    let form: URLSearchParams | undefined;
    council().post(`${BASE}/requests.json`).reply(201, (_uri, body) => {
      form = new URLSearchParams(body as string);
      return [{ service_request_id: '42' }];
    });
    await reporter().submit({
      issueType: 'FLY_TIPPING', location: '12 High Street', description: 'Bags of rubbish', uprn: '100000000002',
      attributes: { RubbishType: 'Food - L02', ITEM_01: 'Bags' },
    });
    const attributes = [...(form?.keys() ?? [])].filter((key) => key.startsWith('attribute['));
    expect(attributes.sort()).toEqual(['attribute[ITEM_01]', 'attribute[RubbishType]', 'attribute[uprn]']);
    expect(form?.get('attribute[uprn]')).toBe('100000000002');
    expect(form?.get('attribute[RubbishType]')).toBe('Food - L02');
  });

  it('leaves out a hidden field the report does not hold (an asset picked on a map)', async () => {
    let form: URLSearchParams | undefined;
    council().post(`${BASE}/requests.json`).reply(201, (_uri, body) => {
      form = new URLSearchParams(body as string);
      return [{ service_request_id: '43' }];
    });
    await reporter().submit({ issueType: 'FLY_TIPPING', location: 'Mill Lane', description: 'Sofa', attributes: { RubbishType: 'Paper - L01', ITEM_01: 'Sofa' } });
    expect(form?.has('attribute[uprn]')).toBe(false);
    expect(form?.has('attribute[asset_details]')).toBe(false);
    expect(form?.has('attribute[central_asset_id]')).toBe(false);
  });
});
