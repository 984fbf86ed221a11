/**
 * A Lambda bundle carries its council config compiled (checked when built, `${ENV}` values
 * checked at cold start). Whatever the function's environment holds, it must end up with what
 * checking the file at cold start would give: the same config, or the same message naming the keys.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { compileCouncilConfig } from '../../src/config/compile-config';
import { expandCompiledConfig } from '../../src/config/compiled-config';
import { DEMO_CONFIG_PATH, parseConfig } from '../../src/config/load-config';

/** A council file that takes most of what a council could take from the environment. */
const FROM_ENV = `
council:
  name: \${COUNCIL_NAME:-Demo Borough Council}
  invocationName: demo council
  timeZone: Europe/London
  phone: \${PHONE}
  website: \${WEBSITE}
addresses: { connector: os-places, url: "\${GAZETTEER}/search/places/v1", key: "\${OS_PLACES_KEY}" }
bins:
  connector: ics
  urlTemplate: \${BINS_TEMPLATE}
  streams:
    - { id: REFUSE, name: general rubbish, container: black bin, match: [refuse] }
reports: { connector: open311, endpoint: "\${OPEN311_URL}", apiKey: "\${OPEN311_KEY:-}" }
storage: { kind: "\${STORAGE:-sqlite}", endpoint: "\${DYNAMO_URL:-http://127.0.0.1:8000}" }
security:
  alexa: { skillIds: ["\${ALEXA_SKILL_ID}", amzn1.ask.skill.second] }
  dialogflow:
    cx:
      audience: \${CX_AUDIENCE:-https://voice.example/dialogflow/cx}
      serviceAccountEmail: \${CX_AGENT}
      secretHeader: { name: X-Council-Voice-Secret, value: "\${CX_SECRET}" }
alexa:
  endpoint: \${ALEXA_ENDPOINT:-https://voice.example/alexa}
  category: \${CATEGORY:-ORGANIZERS_AND_ASSISTANTS}
custom: \${ANYTHING:-kept as it is}
`;

const urls = ['https://council.example', 'http://127.0.0.1:4010', ' https://padded.example/ ', 'ftp://files.example', 'not a url', 'http:/one-slash', 'https://tab\texample'];
const texts = ['', 'x', 'a-secret-of-twenty-chars', 'short', '0300 123 4567', 'amzn1.ask.skill.1234'];
/** Mostly set, so most runs get past "not set" to the values' own checks. */
const envValue = (choices: string[]) => fc.option(fc.constantFrom(...choices), { nil: undefined, freq: 15 });

const environments = fc.record({
  PHONE: envValue(texts),
  WEBSITE: envValue(urls),
  GAZETTEER: envValue(urls),
  OS_PLACES_KEY: envValue(texts),
  BINS_TEMPLATE: envValue(['https://bins.example/{uprn}.ics', 'https://bins.example/calendar.ics', ...urls]),
  OPEN311_URL: envValue(urls),
  OPEN311_KEY: envValue(texts),
  STORAGE: envValue(['sqlite', 'dynamodb', 'postgres']),
  DYNAMO_URL: envValue(urls),
  ALEXA_SKILL_ID: envValue(texts),
  CX_AGENT: envValue(['service-1@gcp-sa-dialogflow.iam.gserviceaccount.com', 'not-an-email', '']),
  CX_SECRET: envValue(texts),
  ALEXA_ENDPOINT: envValue(['https://voice.example/alexa', 'arn:aws:lambda:eu-west-2:1:function:x', 'http://insecure.example']),
  CATEGORY: envValue(['EDUCATION_AND_REFERENCE', 'lower_case']),
  ANYTHING: envValue(texts),
});

/** What the function ends up with: the config, or the message it fails with. */
function outcome(load: () => unknown): unknown {
  try {
    return { config: load() };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

function expectSameAsCheckingAtColdStart(text: string, file: string, env: NodeJS.ProcessEnv): unknown {
  const compiled = compileCouncilConfig(text, file);
  if (!compiled) throw new Error(`${file} did not compile`);
  const expected = outcome(() => parseConfig(text, env, file));
  expect(outcome(() => expandCompiledConfig(compiled, env))).toEqual(expected);
  return expected;
}

const GOOD_ENV = {
  PHONE: '0300 123 4567', WEBSITE: 'https://council.example', GAZETTEER: ' https://padded.example/ ', OS_PLACES_KEY: 'k',
  BINS_TEMPLATE: 'https://bins.example/{uprn}.ics', OPEN311_URL: 'http://127.0.0.1:4010', ALEXA_SKILL_ID: 'amzn1.ask.skill.1234',
  CX_AGENT: 'service-1@gcp-sa-dialogflow.iam.gserviceaccount.com', CX_SECRET: 'a-secret-of-twenty-chars', STORAGE: 'dynamodb',
};

describe('a council config compiled into a Lambda bundle', () => {
  it('gives the demo council exactly as checking the file would, with or without the environment', () => {
    const text = readFileSync(DEMO_CONFIG_PATH, 'utf8');
    expectSameAsCheckingAtColdStart(text, 'demo-council.yaml', {});
    expectSameAsCheckingAtColdStart(text, 'demo-council.yaml', { DEMO_COUNCIL_URL: 'https://council.example', OS_PLACES_KEY: 'k', ALEXA_SKILL_ID: 'amzn1.ask.skill.9' });
    expectSameAsCheckingAtColdStart(text, 'demo-council.yaml', { DEMO_COUNCIL_URL: 'not a url' });
  });

  it('fills and checks every value from the environment as checking the file would, good values and bad', () => {
    expect(expectSameAsCheckingAtColdStart(FROM_ENV, 'council.yaml', GOOD_ENV)).toHaveProperty('config.storage.kind', 'dynamodb');
    const seen = { config: 0, notSet: 0, problems: 0 };
    fc.assert(fc.property(environments, (env) => {
      const defined = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined));
      const result = expectSameAsCheckingAtColdStart(FROM_ENV, 'council.yaml', defined) as { config?: unknown; error?: string };
      if (result.config) seen.config += 1;
      else if (result.error?.includes('is not set')) seen.notSet += 1;
      else seen.problems += 1;
    }), { numRuns: 600 });
    // Both ways of failing were met (a good config is rare at random, hence GOOD_ENV above).
    expect(Math.min(seen.notSet, seen.problems)).toBeGreaterThan(0);
  });

  it('fails the build for a problem no environment could fix, naming the key', () => {
    const broken = readFileSync(DEMO_CONFIG_PATH, 'utf8').replace('timeZone: Europe/London', 'timeZone: Europe/Londres');
    expect(() => compileCouncilConfig(broken, 'demo-council.yaml')).toThrow(/council\.timeZone: not a known IANA time zone/);
  });

  it('leaves a value the schema must check itself to cold start (a number from the environment)', () => {
    const text = readFileSync(DEMO_CONFIG_PATH, 'utf8').replace('cacheMinutes: 360', 'cacheMinutes: ${CACHE_MINUTES:-360}');
    expect(compileCouncilConfig(text, 'demo-council.yaml')).toBeUndefined();
    expect(() => parseConfig(text, {}, 'demo-council.yaml')).toThrow(/bins\.cacheMinutes/);
  });
});
