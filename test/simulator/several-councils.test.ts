import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { startLocalService, type LocalService } from '../../scripts/simulator/start-local-service';
import { DEMO_DEPLOYMENT_PATH } from '../../src/config/load-config';
import { SIMULATOR_NOW } from './support/simulator-app';

describe('the simulator on the demo deployment of several councils (councils/ with service.yaml)', () => {
  let service: LocalService;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'council-voice-councils-'));
    service = await startLocalService({ env: {}, now: SIMULATOR_NOW, dataDir, demoConfig: DEMO_DEPLOYMENT_PATH });
  });
  afterAll(async () => {
    await service.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('lists the councils the service covers', async () => {
    const platforms = await request(service.url).get('/simulator/api/platforms');
    expect(platforms.body.council).toBe('Council Voice demo');
    expect(platforms.body.councils).toEqual([
      { id: 'demo-council', name: 'Demo Borough Council' },
      { id: 'demo-valley', name: 'Demo Valley District Council' },
    ]);
  });

  it('routes a DV1 address to Demo Valley District Council and its UKBinCollectionData back end', async () => {
    const say = async (text: string) => (await request(service.url).post('/simulator/api/turns').send({ text, sessionId: 's-valley', platform: 'alexa', userId: 'valley-resident' })).body as { reply: { text: string }; council?: { id: string } | null };
    await say('when is my bin day');
    await say('D V 1 1 A A');
    await say('1');
    const answer = await say('yes');
    expect(answer.reply.text).toContain('That address is looked after by Demo Valley District Council');
    expect(answer.council).toEqual({ id: 'demo-valley', name: 'Demo Valley District Council' });
  });

  it.each(['alexa', 'dialogflow-cx', 'dialogflow-es'])('on %s, answers as the service until the address says which council, then shows that council answering', async (platform) => {
    const userId = `resident-${platform}`;
    const say = async (text: string) => {
      const turn = await request(service.url).post('/simulator/api/turns').send({ text, sessionId: `s-${platform}`, platform, userId });
      expect(turn.status).toBe(200);
      return turn.body as { reply: { text: string }; council?: { id: string; name: string } | null };
    };
    const first = await say('when is my bin day');
    expect(first.council).toBeNull();
    expect(first.reply.text).toContain("What's your postcode?");
    await say('A B 1 2 C D');
    await say('2');
    const answer = await say('yes');
    expect(answer.reply.text).toContain('That address is looked after by Demo Borough Council');
    expect(answer.reply.text).toMatch(/Tuesday 1 December/);
    expect(answer.council).toEqual({ id: 'demo-council', name: 'Demo Borough Council' });
  });
});
