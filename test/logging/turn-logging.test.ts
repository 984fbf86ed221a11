import { CouncilApiError } from '../../src/core/errors';
import { allHandlers } from '../../src/core/handlers';
import { ask } from '../../src/core/replies';
import { createSkill, type HandlerMap } from '../../src/core/skill';
import { createTurn, type Turn } from '../../src/core/turn';
import { createLogger, withTurnLogging } from '../../src/logging';
import { captureLog } from '../support/log-capture';
import { createTestSkill } from '../support/test-skill';

/** Everything about one resident that must never be written to a log. */
const PERSONAL = {
  postcode: 'AB1 2CD',
  address: '12 High Street',
  phone: '07700 900123',
  name: 'Jane Smith',
  email: 'jane.smith@example.com',
  userId: 'amzn1.ask.account.AGF7EXAMPLERESIDENT',
  accessToken: 'Atza|IwEBIExampleLinkedAccountToken',
  apiAccessToken: 'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJodHRwczovL2FwaS5hbWF6b25hbGV4YS5jb20ifQ.c2lnbmF0dXJl',
  description: 'Deep pothole by the bus stop where my daughter waits',
  uprn: '100000000002',
};

/** Parts of the values above that would still identify the resident if any of them leaked. */
const FRAGMENTS = [
  'AB1 2CD', 'AB12CD', 'AB1%202CD', 'High Street', '07700', '900123', 'Jane', 'Smith', 'jane.smith', 'AGF7EXAMPLERESIDENT',
  'Atza', 'IwEBIExample', 'eyJ0eXAi', 'pothole', 'daughter', '100000000002',
];

/** A handler written carelessly: it logs the whole turn, the report and a chatty message. */
const careless: HandlerMap = {
  ReportIssueIntent: async (turn, ctx) => {
    ctx.logger.info({
      turn,
      report: { location: PERSONAL.address, description: PERSONAL.description },
      resident: { name: PERSONAL.name, email: PERSONAL.email, phone: PERSONAL.phone },
    }, `report from ${PERSONAL.email} (${PERSONAL.phone}) at ${PERSONAL.address}, ${PERSONAL.postcode}`);
    return ask(ctx.t.speak('common:anythingElse'), ctx.t.speak('common:anythingElseReprompt'));
  },
  SetAddressIntent: async () => {
    throw new CouncilApiError('addresses', 500,
      `https://council.example/places/postcode?postcode=AB1%202CD&key=SECRETKEY`, `no match for ${PERSONAL.address}, call ${PERSONAL.phone}`);
  },
};

function personalTurn(intent: string): Turn {
  return createTurn({
    kind: 'intent',
    intent,
    requestId: 'amzn1.echo-api.request.6f1c1a40-0d9a-4a55-9f0e-1b2a3c4d5e6f',
    userId: PERSONAL.userId,
    accessToken: PERSONAL.accessToken,
    slots: {
      postcode: { value: PERSONAL.postcode },
      houseNumber: { value: '12' },
      description: { value: PERSONAL.description },
      location: { value: PERSONAL.address },
      name: { value: PERSONAL.name },
    },
    session: { dialog: { intent, slots: { postcode: { value: PERSONAL.postcode } }, data: { phone: PERSONAL.phone, apiAccessToken: PERSONAL.apiAccessToken } } },
  });
}

function setUp(handlers: HandlerMap = { ...allHandlers, ...careless }) {
  const log = captureLog();
  const logger = createLogger({ destination: log.stream, level: 'info' });
  const { services } = createTestSkill();
  const skill = withTurnLogging(createSkill(handlers, { ...services, logger }), logger, 'alexa', { userSalt: 'test-salt' });
  return { log, skill };
}

function expectNothingPersonal(text: string): void {
  for (const fragment of FRAGMENTS) expect(text).not.toContain(fragment);
}

describe('the per-turn log line', () => {
  it('says what was asked, how it went and how long it took, and nothing of who asked or what they said', async () => {
    const { log, skill } = setUp(allHandlers);
    await skill.handle(personalTurn('SetAddressIntent'));

    expectNothingPersonal(log.text());
    const lines = log.lines();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 'info',
      msg: 'turn',
      requestId: 'amzn1.echo-api.request.6f1c1a40-0d9a-4a55-9f0e-1b2a3c4d5e6f',
      platform: 'alexa',
      kind: 'intent',
      intent: 'SetAddressIntent',
      outcome: 'answered',
      endSession: false,
    });
    expect(typeof lines[0]?.durationMs).toBe('number');
    expect(lines[0]?.userHash).toMatch(/^[\w-]{16}$/);
  });

  it('keeps personal data out even when a handler logs the whole turn and a chatty message', async () => {
    const { log, skill } = setUp();
    await skill.handle(personalTurn('ReportIssueIntent'));

    expectNothingPersonal(log.text());
    expect(log.lines().filter((line) => line.msg === 'turn')).toEqual([expect.objectContaining({ intent: 'ReportIssueIntent', outcome: 'answered' })]);
  });

  it('records an apology, with the failure\'s cause but not the postcode, address, phone or key in it', async () => {
    const { log, skill } = setUp();
    const reply = await skill.handle(personalTurn('SetAddressIntent'));

    expect(reply.failed).toBe(true);
    const text = log.text();
    expectNothingPersonal(text);
    expect(text).not.toContain('SECRETKEY');
    const failure = log.lines().find((line) => line.msg === 'turn failed');
    expect(failure?.err).toMatchObject({ type: 'CouncilApiError', status: 500 });
    expect(log.lines().filter((line) => line.msg === 'turn')).toEqual([expect.objectContaining({ level: 'warn', outcome: 'apology', endSession: false })]);
  });

  it('logs a session end as silent', async () => {
    const { log, skill } = setUp(allHandlers);
    await skill.handle(createTurn({ kind: 'session-end', requestId: 'r-1', userId: PERSONAL.userId, endReason: 'USER_INITIATED' }));
    expect(log.lines()).toEqual([expect.objectContaining({ kind: 'session-end', outcome: 'silent', endSession: true })]);
  });

  it('logs the same resident under the same hash, and no hash at all without a salt', async () => {
    const { log, skill } = setUp(allHandlers);
    await skill.handle(personalTurn('help'));
    await skill.handle(personalTurn('help'));
    const [first, second] = log.lines();
    expect(first?.userHash).toBeDefined();
    expect(first?.userHash).toBe(second?.userHash);

    const bare = captureLog();
    const logger = createLogger({ destination: bare.stream });
    const unsalted = withTurnLogging(createSkill(allHandlers, createTestSkill().services), logger, 'alexa', { userSalt: '' });
    await unsalted.handle(personalTurn('help'));
    expect(bare.lines()[0]).not.toHaveProperty('userHash');
  });

  it('keeps an invented intent name out of the log', async () => {
    const { log, skill } = setUp(allHandlers);
    await skill.handle(personalTurn(`Intent for ${PERSONAL.email} ${'x'.repeat(500)}`));
    expectNothingPersonal(log.text());
    expect(log.lines()[0]).toMatchObject({ intent: '(unrecognised)', outcome: 'answered' });
  });
});
