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
    expect(loadConfig(DEMO_CONFIG_PATH, { DEMO_COUNCIL_URL: 'http://127.0.0.1:9999' }).bins).toMatchObject({ urlTemplate: 'http://127.0.0.1:9999/waste/{uprn}/calendar.ics' });
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

  describe('bins: one connector per kind of council system', () => {
    const icsSection = demo.slice(demo.indexOf('bins:'), demo.indexOf('  reminders:'));
    const withBins = (section: string) => demo.replace(icsSection, section);
    const streams = '  streams:\n    - { id: REFUSE, name: rubbish, container: grey bin, match: [grey] }\n';

    it('reads a UKBinCollectionData section, with every address detail sent by default', () => {
      const config = parseConfig(withBins(
        'bins:\n  connector: ukbcd\n  url: http://ukbcd.internal:8080\n  council: GedlingBoroughCouncil\n'
        + '  params: { url: "https://www.gedling.gov.uk/", skip_get_url: true }\n' + streams,
      ), {}, 'gedling.yaml');
      expect(config.bins).toMatchObject({
        connector: 'ukbcd', council: 'GedlingBoroughCouncil', cacheMinutes: 360,
        params: { url: 'https://www.gedling.gov.uk/', skip_get_url: true },
        addressFields: ['uprn', 'postcode', 'house_number'],
      });
    });

    it('names the key to fix: the council page UKBinCollectionData needs, an unknown connector', () => {
      const noUrl = withBins('bins:\n  connector: ukbcd\n  url: http://ukbcd.internal:8080\n  council: GedlingBoroughCouncil\n  params: {}\n' + streams);
      expect(() => parseConfig(noUrl, {}, 'gedling.yaml')).toThrow(/bins\.params: add url/);
      expect(() => parseConfig(withBins('bins:\n  connector: pdf\n' + streams), {}, 'x.yaml')).toThrow(/bins\.connector/);
    });
  });
});
