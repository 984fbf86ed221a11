import { readFileSync } from 'node:fs';
import { ConfigError, DEMO_CONFIG_PATH, loadConfig, parseConfig, toCouncilInfo } from '../../src/config/load-config';

const demo = readFileSync(DEMO_CONFIG_PATH, 'utf8');

describe('the council config file', () => {
  it('loads the demo council with defaults for what it leaves out', () => {
    const config = loadConfig(DEMO_CONFIG_PATH, {});
    expect(config.addresses.url).toBe('http://127.0.0.1:4010/search/places/v1');
    const info = toCouncilInfo(config);
    expect(info.councilTax?.bandsPence.D).toBe(198012);
    expect(info.binStreams.map((s) => s.id)).toContain('RECYCLING');
  });

  it('fills ${VAR} references from the environment, and names a missing one', () => {
    expect(loadConfig(DEMO_CONFIG_PATH, { DEMO_COUNCIL_URL: 'http://127.0.0.1:9999' }).bins.urlTemplate).toBe('http://127.0.0.1:9999/waste/{uprn}/calendar.ics');
    const text = demo.replace('${OS_PLACES_KEY:-demo-key}', '${OS_PLACES_KEY}');
    expect(() => parseConfig(text, {}, 'my-council.yaml')).toThrow('my-council.yaml: environment variable OS_PLACES_KEY is not set');
  });

  it('names the bad key when the file is wrong', () => {
    const text = demo.replace('timeZone: Europe/London', 'timeZone: Europe/Londres').replace('D: 1980.12', 'D: -5');
    let error: unknown;
    try { parseConfig(text, {}, 'council.yaml'); } catch (e) { error = e; }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toContain('council.timeZone: not a known IANA time zone');
    expect((error as Error).message).toContain('councilTax.bands.D');
  });

  it('says so when the file is missing or not YAML', () => {
    expect(() => loadConfig('/nowhere/council.yaml', {})).toThrow('cannot read council config at /nowhere/council.yaml');
    expect(() => parseConfig('council: [unclosed', {}, 'x.yaml')).toThrow('x.yaml: not valid YAML');
  });
});
