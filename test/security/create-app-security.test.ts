/**
 * The security wiring in the real app (src/server/create-app.ts): /alexa needs Amazon's signature,
 * the Dialogflow routes need the configured caller checks, SKIP_REQUEST_VERIFICATION turns both
 * off, and the simulator can be left unmounted.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { createAlexaChannel } from '../../src/channels/alexa/channel';
import { channelsWith, testComposition } from '../support/channels';
import { DEMO_CONFIG_PATH, loadConfig } from '../../src/config/load-config';
import type { CouncilConfig } from '../../src/config/council-config';
import { silentLogger } from '../../src/core/logger';
import { ALEXA_REFUSAL } from '../../src/channels/alexa/alexa-endpoint';
import { DIALOGFLOW_REFUSAL } from '../../src/channels/dialogflow-common/dialogflow-endpoint';
import { createApp, type AppOptions } from '../../src/server/create-app';
import { cxFixture, esFixture } from '../channels/dialogflow-common/google-fixtures';
import { signedHeaders } from '../support/alexa-signing';
import { createTestPki, PKI_NOW, type TestPki } from '../support/test-ca';
import { createTestSkill } from '../support/test-skill';

const SKILL_ID = 'amzn1.ask.skill.6b1f5a9e-2d4c-4a7b-9e35-0c1d2e3f4a5b';
const CX_SECRET = { name: 'X-Council-Voice-Secret', value: 'cx secret of some length' };
const ES_LOGIN = { username: 'dialogflow', password: 'es password of some length' };

let pki: TestPki;
beforeAll(() => {
  pki = createTestPki();
});

function app(security: CouncilConfig['security'], options: AppOptions = {}) {
  const { skill, services } = createTestSkill();
  const config: CouncilConfig = { ...loadConfig(DEMO_CONFIG_PATH, {}), security };
  const composition = testComposition({ config, services, skill, logger: silentLogger });
  const alexa = createAlexaChannel({ verification: { now: () => PKI_NOW, trustedRoots: pki.trustedRoots, fetchCert: async () => pki.chain(pki.leaf) } });
  return createApp(composition, { simulator: false, channels: channelsWith(alexa), ...options });
}

/** The launch fixture, stamped with the test clock and signed by the test Alexa certificate. */
function signedLaunch(skillId = SKILL_ID) {
  const envelope = JSON.parse(readFileSync(path.join(__dirname, '../fixtures/alexa/launch.json'), 'utf8')) as {
    request: { timestamp: string }; session: { application: { applicationId: string } }; context: { System: { application: { applicationId: string } } };
  };
  envelope.request.timestamp = PKI_NOW.toISOString();
  envelope.session.application.applicationId = skillId;
  envelope.context.System.application.applicationId = skillId;
  const text = JSON.stringify(envelope);
  return { text, headers: { 'content-type': 'application/json', ...signedHeaders(Buffer.from(text), pki.leaf.privateKey) } };
}

const secured: CouncilConfig['security'] = {
  alexa: { skillIds: [SKILL_ID] },
  dialogflow: { cx: { secretHeader: CX_SECRET }, es: { basicAuth: ES_LOGIN } },
};

describe('/alexa', () => {
  it('answers a request Amazon signed for our skill', async () => {
    const { text, headers } = signedLaunch();
    const response = await request(app(secured)).post('/alexa').set(headers).send(text);
    expect(response.status).toBe(200);
    expect(response.body.version).toBe('1.0');
    expect(response.body.response.outputSpeech).toBeDefined();
  });

  it('refuses with 400 and no detail when the body was altered', async () => {
    const { text, headers } = signedLaunch();
    const response = await request(app(secured)).post('/alexa').set(headers).send(text.replace('"new":true', '"new":false'));
    expect(response.status).toBe(400);
    expect(response.body).toEqual(ALEXA_REFUSAL);
  });

  it('refuses a request signed for another skill', async () => {
    const { text, headers } = signedLaunch('amzn1.ask.skill.someone-else');
    expect((await request(app(secured)).post('/alexa').set(headers).send(text)).status).toBe(400);
  });

  it('refuses unsigned requests, and every request when no skill id is configured', async () => {
    const { text, headers } = signedLaunch();
    expect((await request(app(secured)).post('/alexa').set('content-type', 'application/json').send(text)).body).toEqual(ALEXA_REFUSAL);
    expect((await request(app(undefined)).post('/alexa').set(headers).send(text)).status).toBe(400);
  });

  it('accepts unsigned requests with skipRequestVerification (SKIP_REQUEST_VERIFICATION=1 outside production)', async () => {
    const { text } = signedLaunch();
    const response = await request(app(undefined, { skipRequestVerification: true })).post('/alexa').set('content-type', 'application/json').send(text);
    expect(response.status).toBe(200);
  });
});

describe('/dialogflow/cx and /dialogflow/es', () => {
  it('let the configured agents in', async () => {
    const secure = app(secured);
    await request(secure).post('/dialogflow/cx').set(CX_SECRET.name, CX_SECRET.value).send(cxFixture('welcome')).expect(200);
    await request(secure).post('/dialogflow/es').auth(ES_LOGIN.username, ES_LOGIN.password).send(esFixture('welcome')).expect(200);
  });

  it('answer 401 with no detail to anyone else', async () => {
    const secure = app(secured);
    await request(secure).post('/dialogflow/cx').set(CX_SECRET.name, 'a guess').send(cxFixture('welcome')).expect(401, DIALOGFLOW_REFUSAL);
    await request(secure).post('/dialogflow/es').auth(ES_LOGIN.username, 'a guess').send(esFixture('welcome')).expect(401, DIALOGFLOW_REFUSAL);
  });

  it('refuse everyone when nothing is configured, unless verification is skipped', async () => {
    await request(app(undefined)).post('/dialogflow/cx').send(cxFixture('welcome')).expect(401);
    await request(app(undefined)).post('/dialogflow/es').send(esFixture('welcome')).expect(401);
    await request(app(undefined, { skipRequestVerification: true })).post('/dialogflow/cx').send(cxFixture('welcome')).expect(200);
  });
});

it('leaves the simulator unmounted when told to (production without ENABLE_SIMULATOR=1)', async () => {
  await request(app(secured, { simulator: false })).get('/simulator/api/platforms').expect(404);
});
