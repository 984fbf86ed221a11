/**
 * A directory of councils checked when the Lambda bundle is built (src/config/compile-deployment.ts)
 * must come out at cold start exactly as checking every file then would: the same deployment for
 * the same environment, and the same refusal, naming the file and key, for a bad value from it.
 */
import { compileDeployment } from '../../src/config/compile-deployment';
import { DEMO_DEPLOYMENT_PATH } from '../../src/config/load-config';
import { assembleCompiledDeployment, parseDeployment, readDeploymentSources, type DeploymentSources } from '../../src/config/load-deployment';

type Directory = Extract<DeploymentSources, { kind: 'directory' }>;

/** The deployment as a Lambda bundle carrying the compiled directory builds it at cold start. */
function atColdStart(sources: Directory, env: NodeJS.ProcessEnv) {
  const compiled = compileDeployment(sources);
  if (!compiled) throw new Error('not compiled');
  return assembleCompiledDeployment(compiled, env);
}

const error = (work: () => unknown): string => {
  try {
    work();
  } catch (thrown) {
    return (thrown as Error).message;
  }
  return 'no error';
};

const council = (name: string, postcodes: string, more = '') => `council:
  name: ${name}
  invocationName: ${name.toLowerCase()}
  timeZone: Europe/London
  phone: 0300 000 0000
  website: https://www.${name.toLowerCase().replace(/ /g, '-')}.example
  postcodes: [${postcodes}]
bins:
  connector: ics
  urlTemplate: \${BINS_URL:-https://bins.example}/{uprn}.ics
  streams:
    - { id: REFUSE, name: general rubbish, container: black bin, match: [refuse] }
${more}`;

const service = `service:
  name: Shared Voice
  invocationName: shared voice
  website: https://www.gov.uk/find-local-council
addresses:
  connector: os-places
  url: \${PLACES_URL}/search/places/v1
  key: \${PLACES_KEY:-demo-key}
storage:
  kind: sqlite
`;

describe('a directory of councils checked when the bundle is built', () => {
  const directory: Directory = {
    kind: 'directory',
    service: { file: 'service.yaml', text: service },
    councils: [
      { file: 'north.yaml', text: council('North Vale', 'NV1') },
      { file: 'south.yaml', text: council('South Vale', 'SV1', 'addresses:\n  connector: os-places\n  url: https://south.example/places\n  key: ${SOUTH_KEY}\n') },
    ],
  };

  test('comes out at cold start as checking every file would, for the repository\'s demo deployment too', () => {
    const env = { PLACES_URL: 'https://places.example', SOUTH_KEY: 'south-key', BINS_URL: 'https://feeds.example' };
    expect(atColdStart(directory, env)).toEqual(parseDeployment(directory, env));
    const shared = atColdStart(directory, env).councils.find((c) => c.id === 'north');
    expect(shared).toMatchObject({ sharedAddresses: true, config: { addresses: { url: 'https://places.example/search/places/v1', key: 'demo-key' } } });

    const demo = readDeploymentSources(DEMO_DEPLOYMENT_PATH);
    if (demo.kind !== 'directory') throw new Error('the demo deployment is a directory');
    const demoEnv = { DEMO_COUNCIL_URL: 'http://127.0.0.1:4010' };
    expect(atColdStart(demo, demoEnv)).toEqual(parseDeployment(demo, demoEnv));
  });

  test('refuses a bad value from the environment at cold start with the same words', () => {
    const env = { PLACES_URL: 'not a url', SOUTH_KEY: 'south-key' };
    const words = error(() => parseDeployment(directory, env));
    expect(words).toMatch(/addresses\.url/);
    expect(error(() => atColdStart(directory, env))).toBe(words);
  });

  test('fails the build for what no environment could fix, naming the file', () => {
    const broken: Directory = { ...directory, councils: [{ file: 'west.yaml', text: council('West Vale', 'WV1').replace('timeZone: Europe/London', 'timeZone: Mars/Olympus') }] };
    expect(error(() => compileDeployment(broken))).toMatch(/west\.yaml.*council\.timeZone: not a known IANA time zone/s);
    const noGazetteer: Directory = { kind: 'directory', councils: [{ file: 'east.yaml', text: council('East Vale', 'EV1') }] };
    expect(error(() => compileDeployment(noGazetteer))).toMatch(/east\.yaml: addresses: missing/);
  });
});
