/**
 * `npm run check-council` end to end against the demo council (a real HTTP server on a free
 * port): a good file passes and prints what residents hear; a wrong match word, a wrong service
 * code, a dead URL and a refused key each fail, naming the key to change.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCheckCouncil } from '../../src/check/run-check';
import { DEMO_CONFIG_PATH } from '../../src/config/load-config';
import { startDemoCouncil, type DemoCouncil } from '../../src/demo-council/server';

const ROOT = path.resolve(__dirname, '../..');
const DEMO_YAML = readFileSync(DEMO_CONFIG_PATH, 'utf8');
let demo: DemoCouncil;
let dir: string;

beforeAll(async () => {
  demo = await startDemoCouncil({ port: 0 });
  dir = mkdtempSync(path.join(tmpdir(), 'check-council-'));
});
afterAll(async () => {
  await demo.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The demo council's file with `change` applied, written where the check can read it. */
function councilFile(name: string, change: (yaml: string) => string = (yaml) => yaml): string {
  const file = path.join(dir, `${name}.yaml`);
  const changed = change(DEMO_YAML);
  writeFileSync(file, changed);
  return file;
}

async function check(file: string): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCheckCouncil([file, '--postcode', 'ab12cd', '--house', '10'], {
    out: (text) => { out += text; },
    err: (text) => { err += text; },
    env: { DEMO_COUNCIL_URL: demo.url },
  });
  return { code, out, err };
}

/** A port nothing listens on: a council URL that is dead. */
async function deadPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('npm run check-council', () => {
  it('passes a good file, printing the addresses, collections, services, bands and the exact sentences', async () => {
    const file = councilFile('good');
    const { stdout, stderr, code } = await new Promise<{ stdout: string; stderr: string; code: number }>((resolve) => {
      execFile(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'scripts/check-council.ts', file, '--postcode', 'AB1 2CD', '--house', '10'], {
        cwd: ROOT, env: { ...process.env, DEMO_COUNCIL_URL: demo.url },
      }, (error, stdout, stderr) => resolve({ stdout, stderr, code: error ? Number(error.code ?? 1) : 0 }));
    });
    expect({ code, stderr: stderr.replace(/^\s*… .*\n/gm, '') }).toEqual({ code: 0, stderr: '' });
    expect(stderr).toContain('… looking up the addresses at AB1 2CD');
    expect(stdout).toContain('✓ House "10" is 10 High Street');
    expect(stdout).toMatch(/✓ \w+day \d+ \w+: (REFUSE \(black bin\)|RECYCLING \(green recycling bin\))/);
    expect(stdout).toContain('"a pothole" (POTHOLE) reaches HW-POT Pothole');
    expect(stdout).toContain('✓ The Open311 server accepts our API key');
    expect(stdout).toContain('Band D: £1,980.12 for 2026/27');
    expect(stdout).toMatch(/"When is my bin day\?" → "Your next collection is on \w+day \d+ \w+: the /);
    expect(stdout).toContain('"How much is band D?" → "Band D council tax for 2026/27 is £1,980.12 a year.');
    expect(stdout).toContain('Nothing here would fail a resident.');
  // A process of its own (tsx compiling the script first) on a machine shared with other suites.
  }, 90_000);

  it('fails on a match word that leaves the council\'s own events unmatched, naming bins.streams[].match', async () => {
    const file = councilFile('wrong-match', (yaml) => yaml.replace('match: [refuse, rubbish, general waste, black]', 'match: [landfill]'));
    const { code, out } = await check(file);
    expect(code).toBe(1);
    expect(out).toMatch(/✗ "[^"]+" on \w+day \d+ \w+ matched no bin stream: residents would not hear about it\n\s+key: bins\.streams\[\]\.match — add a word from/);
  });

  it('warns of a match word inside another stream\'s word, which would announce one collection as two bins', async () => {
    const file = councilFile('overlap', (yaml) => yaml.replace('match: [garden, brown]', 'match: [garden, brown, green waste]'));
    const { out } = await check(file);
    expect(out).toMatch(/! RECYCLING's match word "green" is inside GARDEN's "green waste": a "green waste" collection would be announced as RECYCLING too\n\s+key: bins\.streams\[\]\.match — make "green" longer/);
    // The demo council's own words do not overlap.
    expect((await check(councilFile('good-words'))).out).not.toContain('is inside');
  });

  it('fails on a service code the council does not have, naming reports.serviceCodes.POTHOLE', async () => {
    const file = councilFile('wrong-code', (yaml) => yaml.replace('  jurisdictionId: demo.example\n', '  jurisdictionId: demo.example\n  serviceCodes: { POTHOLE: HW-POTHOLE }\n'));
    const { code, out } = await check(file);
    expect(code).toBe(1);
    expect(out).toContain('✗ POTHOLE is sent to service code HW-POTHOLE, which the council\'s service list does not have');
    expect(out).toMatch(/key: reports\.serviceCodes\.POTHOLE — use one of the codes the server lists \(HW-POT, /);
  });

  it('fails on a dead URL, naming the key that holds it', async () => {
    const port = await deadPort();
    const file = councilFile('dead-url', (yaml) => yaml.replace('urlTemplate: ${DEMO_COUNCIL_URL:-http://127.0.0.1:4010}/waste', `urlTemplate: http://127.0.0.1:${port}/waste`));
    const { code, out } = await check(file);
    expect(code).toBe(1);
    expect(out).toContain(`✗ The bin collection data could not be reached at http://127.0.0.1:${port}/waste/`);
    expect(out).toMatch(/key: bins\.urlTemplate — check the address is right and that this server can reach it/);
    // What residents would hear says so too.
    expect(out).toMatch(/✗ "When is my bin day\?" → "Sorry/);
  });

  it('fails on a refused Open311 key without filing a report, naming reports.apiKey', async () => {
    const file = councilFile('wrong-key', (yaml) => yaml.replace('apiKey: ${OPEN311_API_KEY:-demo-open311-key}', 'apiKey: not-the-key'));
    const { code, out } = await check(file);
    expect(code).toBe(1);
    expect(out).toMatch(/✗ The Open311 server refuses our API key.*\n\s+key: reports\.apiKey/);
  });

  it('names the key of a file that does not validate, and checks nothing else', async () => {
    const file = councilFile('invalid', (yaml) => yaml.replace('timeZone: Europe/London', 'timeZone: Europe/Londres'));
    const { code, out } = await check(file);
    expect(code).toBe(1);
    expect(out).toContain('council.timeZone: not a known IANA time zone');
  });

  it('checks a UKBinCollectionData council with no reports or council tax as the residents there would meet it', async () => {
    let out = '';
    const code = await runCheckCouncil([path.join(ROOT, 'councils/demo-valley-council.yaml'), '--postcode', 'DV1 1AA', '--house', '1'], {
      out: (text) => { out += text; },
      err: () => undefined,
      env: { DEMO_COUNCIL_URL: demo.url, UKBCD_URL: `${demo.url}/ukbcd` },
    });
    expect(out).toContain('Next collections at 1 Mill Road (bins, ukbcd)');
    expect(out).toContain('No reports section: residents are told to use the website or phone.');
    expect(out).toMatch(/"How much is band D\?" → "Sorry, I don't have council tax details for Demo Valley District Council\. You can find them at/);
    expect(code).toBe(0);
  });

  it('says what it needs when an argument is missing', async () => {
    let err = '';
    const code = await runCheckCouncil(['councils/demo-council.yaml', '--postcode', 'AB1 2CD'], { out: () => undefined, err: (text) => { err += text; } });
    expect(code).toBe(2);
    expect(err).toContain('--house is needed');
  });
});
