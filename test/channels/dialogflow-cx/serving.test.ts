import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DEMO_CONFIG_PATH, loadConfig } from '../../../src/config/load-config';
import { silentLogger } from '../../../src/core/logger';
import type { Skill } from '../../../src/core/skill';
import type { Turn } from '../../../src/core/turn';
import type { Composition } from '../../../src/server/composition';
import type { VoiceRoute } from '../../../src/channels/channel';
import { createChannelContext } from '../../../src/channels/channel-context';
import { dialogflowCxServing } from '../../../src/channels/dialogflow-cx/serving';
import { answerWholeRequest, type VoiceEndpoint } from '../../../src/channels/shared/voice-endpoint';
import { createTestSkill } from '../../support/test-skill';

const welcome = readFileSync(path.join(__dirname, '../../fixtures/dialogflow-cx/welcome.json'));

/** The real test skill, noting each turn so the test can see what the adapter handed it. */
function recordingSkill(seen: Turn[]): Skill {
  const { skill } = createTestSkill();
  return { intents: skill.intents, handle: (turn) => { seen.push(turn); return skill.handle(turn); } };
}

function compositionWith(config: ReturnType<typeof loadConfig>, skill: Skill): Composition {
  return { config, skill, logger: silentLogger } as unknown as Composition;
}

/** The CX channel's endpoint over `composition`, as the server builds it. */
function cxEndpoint(composition: Composition, options: { skipRequestVerification?: boolean } = {}): VoiceEndpoint {
  const routes = dialogflowCxServing.createRoutes!(createChannelContext(composition, 'dialogflow-cx', options));
  return (routes.find((route) => route.path === '/dialogflow/cx') as VoiceRoute).endpoint;
}

describe('the Dialogflow CX endpoint built from the council config', () => {
  it('passes the CX account token from the header the council configured, and from no other', async () => {
    const base = loadConfig(DEMO_CONFIG_PATH, {});
    const seen: Turn[] = [];
    const cx = cxEndpoint(compositionWith({ ...base, dialogflow: { cxAccessToken: { header: 'X-Council-Token' } } }, recordingSkill(seen)), { skipRequestVerification: true });
    const answer = await answerWholeRequest(cx, { 'content-type': 'application/json', 'content-length': String(welcome.length), 'x-council-token': 'Bearer demo-token-resident' }, welcome);
    expect(answer.status).toBe(200);
    expect(seen[0]?.accessToken).toBe('demo-token-resident');

    const unconfigured = cxEndpoint(compositionWith(base, recordingSkill(seen)), { skipRequestVerification: true });
    await answerWholeRequest(unconfigured, { 'content-type': 'application/json', 'content-length': String(welcome.length), 'x-council-token': 'Bearer demo-token-resident' }, welcome);
    expect(seen[1]?.accessToken).toBeUndefined();
  });

  it('checks the caller unless verification is skipped', async () => {
    const config = loadConfig(DEMO_CONFIG_PATH, {});
    const cx = cxEndpoint(compositionWith(config, recordingSkill([])));
    expect((await answerWholeRequest(cx, { 'content-type': 'application/json', 'content-length': String(welcome.length) }, welcome)).status).toBe(401);
  });
});
