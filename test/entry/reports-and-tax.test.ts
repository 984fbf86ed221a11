import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { RequestEnvelope, ResponseEnvelope, Slot, dialog } from 'ask-sdk-model';
import { DEMO_CONFIG_PATH, loadConfig } from '../../src/config/load-config';
import type { HttpCall } from '../../src/connectors/http';
import { silentLogger } from '../../src/core/logger';
import { startDemoCouncil, type DemoCouncil } from '../../src/demo-council/server';
import { compose } from '../../src/entry/compose';
import type { Composition } from '../../src/server/composition';
import { loadEnvelope } from '../channels/alexa/fixtures';
import type { AlexaHandler } from '../../src/channels/alexa';
import { alexaOf } from '../support/channels';

// Alexa request envelopes in, through the composed application, to the demo council over HTTP.
const speechOf = (out: ResponseEnvelope) => (out.response.outputSpeech?.type === 'SSML' ? out.response.outputSpeech.ssml : '');
/** The SSML with its escapes undone, to compare with the words of the locale files. */
const wordsOf = (out: ResponseEnvelope) => speechOf(out).replace(/&apos;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&');
const directiveOf = (out: ResponseEnvelope) => out.response.directives?.[0] as (dialog.ElicitSlotDirective | dialog.ConfirmIntentDirective | undefined);

type Said = string | { value: string; id: string };
let requests = 0;

/** An IntentRequest as Alexa sends it: resolutions for matched values, the session's attributes. */
function intentEnvelope(name: string, said: Record<string, Said>, more: { confirmation?: 'NONE' | 'CONFIRMED' | 'DENIED'; attributes?: Record<string, unknown>; accessToken?: string } = {}): RequestEnvelope {
  const envelope = loadEnvelope('report-issue-match');
  const slots: Record<string, Slot> = {};
  for (const [slot, value] of Object.entries(said)) {
    slots[slot] = typeof value === 'string'
      ? { name: slot, value, confirmationStatus: 'NONE' }
      : {
        name: slot, value: value.value, confirmationStatus: 'NONE',
        resolutions: { resolutionsPerAuthority: [{ authority: `amzn1.er-authority.echo-sdk.skill.${slot}`, status: { code: 'ER_SUCCESS_MATCH' }, values: [{ value: { name: value.value, id: value.id } }] }] },
      };
  }
  envelope.request = {
    type: 'IntentRequest',
    requestId: `amzn1.echo-api.request.e2e-${++requests}`,
    locale: 'en-GB',
    timestamp: '2026-11-27T10:00:00Z',
    dialogState: 'IN_PROGRESS',
    intent: { name, confirmationStatus: more.confirmation ?? 'NONE', slots },
  };
  envelope.session = { ...envelope.session!, new: false, attributes: more.attributes ?? {}, user: { ...envelope.session!.user, accessToken: more.accessToken } };
  return envelope;
}

/** What Alexa would send back next: the slots the skill put in updatedIntent, plus what the resident said. */
function echoed(out: ResponseEnvelope, said: Record<string, Said> = {}): Record<string, Said> {
  const slots: Record<string, Said> = {};
  for (const [name, slot] of Object.entries(directiveOf(out)?.updatedIntent?.slots ?? {})) if (slot.value) slots[name] = slot.value;
  return { ...slots, ...said };
}

describe('reports and council tax through the composed application and the demo council', () => {
  let demo: DemoCouncil;
  let dataDir: string;
  let app: Composition;
  let alexa: AlexaHandler;
  const calls: HttpCall[] = [];

  beforeAll(async () => {
    demo = await startDemoCouncil({ host: '127.0.0.1', port: 0 });
    dataDir = mkdtempSync(path.join(tmpdir(), 'council-voice-reports-'));
    const config = loadConfig(DEMO_CONFIG_PATH, { DEMO_COUNCIL_URL: demo.url });
    app = compose({ config, env: {}, dataDir, logger: silentLogger, clock: { now: () => new Date('2026-11-27T10:00:00Z') } });
    alexa = alexaOf(app);
    app.watchCalls((call) => calls.push(call));
  });
  afterAll(async () => {
    await app.close();
    await demo.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('a pothole report: elicit with speech, confirm, a DENIED confirmation sends nothing, CONFIRMED sends one', async () => {
    const first = await alexa(loadEnvelope('report-issue-match'));
    expect(directiveOf(first)).toMatchObject({ type: 'Dialog.ElicitSlot', slotToElicit: 'description' });
    expect(wordsOf(first)).toContain("what's the problem?");
    expect(first.response.shouldEndSession).toBe(false);

    const depth = await alexa(intentEnvelope('ReportIssueIntent', echoed(first, { description: 'a deep hole by the bus stop' }), { attributes: first.sessionAttributes }));
    expect(wordsOf(depth)).toContain('How deep is the pothole?');
    expect(directiveOf(depth)).toMatchObject({ type: 'Dialog.ElicitSlot', slotToElicit: 'description' });

    const readBack = await alexa(intentEnvelope('ReportIssueIntent', echoed(depth, { description: 'deeper than a tennis ball' }), { attributes: depth.sessionAttributes }));
    expect(directiveOf(readBack)?.type).toBe('Dialog.ConfirmIntent');
    expect(wordsOf(readBack)).toContain('Where: mill lane. What you said: a deep hole by the bus stop. Shall I send it to Demo Borough Council?');

    const denied = await alexa(intentEnvelope('ReportIssueIntent', echoed(readBack), { confirmation: 'DENIED', attributes: readBack.sessionAttributes }));
    expect(wordsOf(denied)).toContain("I haven't sent it.");
    expect(calls.filter((c) => c.method === 'POST')).toEqual([]);

    const place = await alexa(intentEnvelope('ReportIssueIntent', echoed(denied, { location: 'station road by the post office' }), { attributes: denied.sessionAttributes }));
    expect(directiveOf(place)?.type).toBe('Dialog.ConfirmIntent');
    const sent = await alexa(intentEnvelope('ReportIssueIntent', echoed(place), { confirmation: 'CONFIRMED', attributes: place.sessionAttributes }));
    expect(speechOf(sent)).toMatch(/Your reference number is <say-as interpret-as="characters">4002\d\d<\/say-as>/);
    expect(sent.response.directives ?? []).toEqual([]);
    expect(calls.filter((c) => c.method === 'POST')).toEqual([expect.objectContaining({ url: `${demo.url}/open311/v2/requests.json`, status: 201 })]);

    const status = await alexa(intentEnvelope('CheckReportStatusIntent', {}));
    expect(speechOf(status)).toMatch(/^<speak>Report <say-as interpret-as="characters">4002\d\d<\/say-as>, Pothole, is still open\./);
  });

  test('council tax: public charges as money, the balance only with a token the council accepts', async () => {
    const charge = await alexa(loadEnvelope('council-tax-charge'));
    expect(speechOf(charge)).toMatch(/<sub alias="[a-z ,-]+ pounds and [a-z -]+ pence">£[\d,]+\.\d\d<\/sub> a year/);

    const unlinked = await alexa(intentEnvelope('CouncilTaxBalanceIntent', {}));
    expect(unlinked.response.card).toEqual({ type: 'LinkAccount' });
    expect(speechOf(unlinked)).not.toContain('£');

    const expired = await alexa(intentEnvelope('CouncilTaxBalanceIntent', {}, { accessToken: 'demo-token-expired' }));
    expect(expired.response.card).toEqual({ type: 'LinkAccount' });
    expect(wordsOf(expired)).toContain('link has run out');

    const paid = await alexa(intentEnvelope('CouncilTaxBalanceIntent', {}, { accessToken: 'demo-token-paid' }));
    expect(wordsOf(paid)).toContain("You've paid all your council tax for 2026/27.");
    expect(paid.response.card).toBeUndefined();
  });
});
