/**
 * The Lambda bundles as they ship: built into a temporary folder outside the repository, then run
 * in a fresh `node` process from there, so a bundle that still needed node_modules, the locale
 * files or the council config on disk would fail here rather than on Lambda.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import common from '../../locales/en-GB/common.json';
import { bundleFunctions, type BuiltFunction } from '../../scripts/bundle';
import { DEMO_DEPLOYMENT_PATH } from '../../src/config/load-config';
import { DynamoDbOutbox } from '../../src/connectors/stores/dynamodb-outbox';
import { DynamoDbProfileStore } from '../../src/connectors/stores/dynamodb-profile-store';
import { startDemoCouncil, type DemoCouncil } from '../../src/demo-council/server';
import { loadEnvelope } from '../channels/alexa/fixtures';
import { cxFixture } from '../channels/dialogflow-common/google-fixtures';
import { startLocalDynamo, type LocalDynamo } from '../support/dynalite-server';

const run = promisify(execFile);
const BUILD_TIMEOUT_MS = 180_000;

/** Requires `bundle` in a new node process, calls `handler(event)` and returns what it resolved to. */
async function invokeBundle(bundle: string, event: unknown, env: NodeJS.ProcessEnv, cwd: string): Promise<unknown> {
  return (await invokeBundleReading(bundle, event, env, cwd)).answer;
}

/** As invokeBundle, with the files beside the bundle in lazy/ that the process read (scripts/bundle/lazy-packages.ts). */
async function invokeBundleReading(bundle: string, event: unknown, env: NodeJS.ProcessEnv, cwd: string): Promise<{ answer: unknown; lazyRead: string[] }> {
  const eventFile = path.join(cwd, `event-${Date.now()}-${Math.random()}.json`);
  writeFileSync(eventFile, JSON.stringify(event));
  const script = [
    'const { handler } = require(process.argv[1]);',
    'const event = JSON.parse(require("node:fs").readFileSync(process.argv[2], "utf8"));',
    'const lazyRead = () => Object.keys(require.cache).filter((file) => file.includes("/lazy/")).map((file) => require("node:path").basename(file)).sort();',
    'handler(event).then((answer) => { process.stdout.write("\\n@@" + JSON.stringify({ answer, lazyRead: lazyRead() })); process.exit(0); },',
    '  (error) => { console.error(error); process.exit(1); });',
  ].join('\n');
  // PATH only from the parent: the bundle must not lean on anything else in the test's environment.
  const { stdout } = await run(process.execPath, ['-e', script, bundle, eventFile], { cwd, env: { PATH: process.env.PATH, ...env } });
  return JSON.parse(stdout.slice(stdout.lastIndexOf('@@') + 2)) as { answer: unknown; lazyRead: string[] };
}

describe('the Lambda bundles', () => {
  let outDir: string;
  let built: BuiltFunction[];
  let demo: DemoCouncil;
  let dynamo: LocalDynamo;
  let lambdaEnv: NodeJS.ProcessEnv;
  const bundle = (name: string): BuiltFunction => {
    const fn = built.find((b) => b.name === name);
    if (!fn) throw new Error(`no ${name} bundle`);
    return fn;
  };

  beforeAll(async () => {
    outDir = mkdtempSync(path.join(tmpdir(), 'council-voice-bundle-'));
    [built, demo, dynamo] = await Promise.all([
      bundleFunctions({ outDir }),
      startDemoCouncil({ host: '127.0.0.1', port: 0 }),
      startLocalDynamo(),
    ]);
    // What serverless.yml gives the functions, with DynamoDB and the council on loopback.
    lambdaEnv = {
      NODE_ENV: 'production',
      LOG_LEVEL: 'silent',
      DEMO_COUNCIL_URL: demo.url,
      PROFILES_TABLE: dynamo.tables.profiles,
      OUTBOX_TABLE: dynamo.tables.outbox,
      DYNAMODB_ENDPOINT: dynamo.endpoint,
      AWS_REGION: 'eu-west-2',
      AWS_ACCESS_KEY_ID: 'test',
      AWS_SECRET_ACCESS_KEY: 'test',
    };
  }, BUILD_TIMEOUT_MS);

  afterAll(async () => {
    await Promise.all([demo?.close(), dynamo?.stop()]);
    rmSync(outDir, { recursive: true, force: true });
  });

  test('the Alexa bundle answers a LaunchRequest with the welcome, as a new container would', async () => {
    const answer = await invokeBundle(bundle('alexa').outfile, loadEnvelope('launch'), lambdaEnv, outDir) as {
      version: string; response: { outputSpeech?: { type: string; ssml?: string }; shouldEndSession?: boolean };
    };
    expect(answer.version).toBe('1.0');
    expect(answer.response.outputSpeech?.type).toBe('SSML');
    // One of the welcome's variants, as the locale file words them, for the demo council.
    const welcomes = (common.welcome as string[]).map((text) => `<speak>${text.replace('{{council}}', 'Demo Borough Council').replace(/'/g, '&apos;')}</speak>`);
    expect(welcomes).toContain(answer.response.outputSpeech?.ssml);
    expect(answer.response.shouldEndSession).toBe(false);
  }, 60_000);

  test('a LaunchRequest reads none of the packages kept for first use; a bin day from the council\'s feed reads what it needs and answers', async () => {
    const launch = await invokeBundleReading(bundle('alexa').outfile, loadEnvelope('launch'), lambdaEnv, outDir);
    expect(launch.lazyRead).toEqual([]);
    expect(Object.keys(bundle('alexa').lazy).sort()).toEqual(['fast-xml-parser', 'ical.js', 'zod']);

    const binDay = loadEnvelope('get-bin-collection');
    const userId = binDay.session?.user.userId ?? '';
    await new DynamoDbProfileStore({ client: dynamo.client, tableName: dynamo.tables.profiles })
      .put({ userId, address: { uprn: '100090000002', label: '2 High Street', postcode: 'AB1 2CD' } });
    const answered = await invokeBundleReading(bundle('alexa').outfile, binDay, lambdaEnv, outDir);
    const speech = (answered.answer as { response: { outputSpeech?: { ssml?: string } } }).response.outputSpeech?.ssml ?? '';
    expect(speech).toMatch(/Your next collection is on \w+day \d+ \w+/);
    // The demo council's feed is iCalendar: only the calendar reader is read, not zod's schemas or the XML reader.
    expect(answered.lazyRead).toEqual(['ical-js.js']);
  }, 60_000);

  test('an Alexa bundle built for a directory of councils carries them checked and welcomes as the service', async () => {
    const [several] = await bundleFunctions({ outDir: path.join(outDir, 'several'), only: ['alexa'], councilConfig: DEMO_DEPLOYMENT_PATH });
    if (!several) throw new Error('no bundle');
    // A resident the service has not met, so the welcome is the first-time one.
    const event = JSON.parse(JSON.stringify(loadEnvelope('launch')).replaceAll(loadEnvelope('launch').session?.user.userId ?? '', 'amzn1.ask.account.NEWRESIDENT')) as unknown;
    const launch = await invokeBundleReading(several.outfile, event, lambdaEnv, outDir);
    const ssml = (launch.answer as { response: { outputSpeech?: { ssml?: string } } }).response.outputSpeech?.ssml ?? '';
    expect(ssml).toContain('Council Voice demo');
    // Checked when built: a cold start reads no zod (lazy/zod.js) to check the files again.
    expect(launch.lazyRead).toEqual([]);
  }, BUILD_TIMEOUT_MS);

  test('the Alexa bundle is under 1 MB and carries neither Express nor the Actions SDK', () => {
    const alexa = bundle('alexa');
    expect(alexa.bytes).toBeLessThan(1_000_000);
    const packages = alexa.byPackage.map(([name]) => name);
    expect(packages).not.toEqual(expect.arrayContaining(['express']));
    expect(packages).not.toEqual(expect.arrayContaining(['actions-on-google']));
    expect(packages).not.toEqual(expect.arrayContaining(['better-sqlite3']));
    expect(packages.filter((name) => name.startsWith('src/simulator') || name.startsWith('src/demo-council'))).toEqual([]);
  });

  test('the Dialogflow bundle refuses a CX call from an unknown caller, and answers one when verification is off outside production', async () => {
    const body = JSON.stringify(cxFixture('welcome'));
    const event = { routeKey: 'POST /dialogflow/cx', rawPath: '/dialogflow/cx', headers: { 'content-type': 'application/json' }, body, isBase64Encoded: false };
    const refused = await invokeBundle(bundle('dialogflow').outfile, event, lambdaEnv, outDir) as { statusCode: number; body: string };
    expect(refused.statusCode).toBe(401);

    const local = { ...lambdaEnv, NODE_ENV: 'development', SKIP_REQUEST_VERIFICATION: '1' };
    const answered = await invokeBundle(bundle('dialogflow').outfile, event, local, outDir) as { statusCode: number; headers: Record<string, string>; body: string };
    expect(answered.statusCode).toBe(200);
    expect(answered.headers['content-type']).toMatch(/^application\/json/);
    expect(JSON.stringify(JSON.parse(answered.body))).toMatch(/Demo Borough Council/);
  }, 60_000);

  test('the MCP bundle answers get_bin_collections from the council\'s feed, reading the calendar reader only then', async () => {
    const rpc = (id: number, method: string, params: unknown) => ({
      version: '2.0', routeKey: 'POST /mcp', rawPath: '/mcp', rawQueryString: '',
      headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', 'mcp-protocol-version': '2025-06-18' },
      requestContext: { http: { method: 'POST', sourceIp: '203.0.113.7' } },
      body: JSON.stringify({ jsonrpc: '2.0', id, method, params }), isBase64Encoded: false,
    });
    const init = await invokeBundleReading(bundle('mcp').outfile, rpc(1, 'initialize', { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'test', version: '1' } }), lambdaEnv, outDir);
    expect((init.answer as { statusCode: number }).statusCode).toBe(200);
    expect(init.lazyRead).toEqual([]);
    const call = await invokeBundleReading(bundle('mcp').outfile, rpc(2, 'tools/call', { name: 'get_bin_collections', arguments: { postcode: 'AB1 2CD', house: '2' } }), lambdaEnv, outDir);
    const { result } = JSON.parse((call.answer as { body: string }).body) as { result: { isError?: boolean; structuredContent: { collections: { date: string; bins: string[] }[] } } };
    expect(result.isError).toBeFalsy();
    expect(result.structuredContent.collections[0]?.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(call.lazyRead).toEqual(['ical-js.js']);
  }, 60_000);

  test('the outbox sender bundle sends a report that is due, as the schedule would run it', async () => {
    const outbox = new DynamoDbOutbox({ client: dynamo.client, tableName: dynamo.tables.outbox });
    const past = new Date(Date.now() - 60_000);
    await outbox.enqueue({
      idempotencyKey: 'resident-1|req-1', userId: 'resident-1', now: past, leaseUntil: past,
      report: { issueType: 'GRAFFITI', location: 'The underpass on Mill Lane', description: 'Tags on the wall' },
    });
    const run = await invokeBundle(bundle('outbox-sender').outfile, {}, lambdaEnv, outDir);
    expect(run).toEqual({ sent: 1, retrying: 0, rejected: 0 });
    const [entry] = await outbox.claimDue(new Date(Date.now() + 3_600_000), new Date(Date.now() + 3_660_000), 10);
    expect(entry).toBeUndefined();
  }, 60_000);
});
