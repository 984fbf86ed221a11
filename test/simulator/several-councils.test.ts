import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { startLocalService, type LocalService } from '../../scripts/simulator/start-local-service';
import { DEMO_DEPLOYMENT_PATH } from '../../src/config/load-config';
import { conversationFileSchema } from '../../src/simulator/conversations/conversation-file';
import { runConversation } from '../../src/simulator/conversations/run-conversation';
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

  describe('with a council picked on the device panel', () => {
    type Answer = { reply: { text: string }; council?: { id: string; name: string } | null; error?: string };
    const turn = async (userId: string, text: string, council?: string) => {
      const answer = await request(service.url).post('/simulator/api/turns')
        .send({ text, sessionId: `s-${userId}`, platform: 'alexa', userId, ...(council ? { council } : {}) });
      return { status: answer.status, ...(answer.body as Answer) };
    };

    it('answers as the picked council before any address, then its own bin day for a DV1 address', async () => {
      const opened = await turn('picked-valley', 'open demo council', 'demo-valley');
      expect(opened.council).toEqual({ id: 'demo-valley', name: 'Demo Valley District Council' });
      expect(opened.reply.text).toContain('Demo Valley District Council');
      const asked = await turn('picked-valley', 'when is my bin day', 'demo-valley');
      expect(asked.reply.text).toContain("What's your postcode?");
      await turn('picked-valley', 'D V 1 1 A A', 'demo-valley');
      await turn('picked-valley', '1', 'demo-valley');
      const answer = await turn('picked-valley', 'yes', 'demo-valley');
      // Demo Valley's UKBinCollectionData calendar: grey bins on Mondays (Demo Borough's are Tuesdays).
      expect(answer.reply.text).toContain("I've saved 1 Mill Road");
      expect(answer.reply.text).toContain('Monday 7 December: the grey bin');
      expect(answer.reply.text).not.toContain('Demo Borough');
      expect(answer.council).toEqual({ id: 'demo-valley', name: 'Demo Valley District Council' });
    });

    it('"by address" (no council) answers as the service until the address decides, for the same kind of resident', async () => {
      const opened = await turn('by-address', 'open demo council');
      expect(opened.council).toBeNull();
      expect(opened.reply.text).not.toContain('Demo Valley District Council');
      const picked = await turn('by-address-then-picked', 'open demo council', 'demo-council');
      expect(picked.council).toEqual({ id: 'demo-council', name: 'Demo Borough Council' });
      expect(picked.reply.text).toContain('Demo Borough Council');
    });

    it('replays a conversation test that names its council as that council\'s resident', async () => {
      const file = conversationFileSchema.parse({
        name: 'Demo Valley bin day', council: 'demo-valley', platforms: ['alexa'],
        turns: [{ event: 'launch', expect: { reply: 'Demo Valley District Council' } }, { say: 'when is my bin day', expect: { reply: "What's your postcode?" } }],
      });
      const picked = await runConversation(file, 'alexa', { baseUrl: service.url, userId: 'replay-valley', sessionId: 'replay-valley' });
      expect(picked.turns.flatMap((t) => t.failures)).toEqual([]);
      // Without the council, the same file fails: the service speaks as itself until the address decides.
      const unpicked = await runConversation({ ...file, council: undefined }, 'alexa', { baseUrl: service.url, userId: 'replay-any', sessionId: 'replay-any' });
      expect(unpicked.passed).toBe(false);
    });

    it('refuses a council the service does not cover, naming the ones it does', async () => {
      const answer = await turn('picked-nowhere', 'when is my bin day', 'atlantis');
      expect(answer.status).toBe(400);
      expect(answer.error).toContain('demo-council, demo-valley');
    });
  });
});
