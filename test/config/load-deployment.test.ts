import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEMO_CONFIG_PATH } from '../../src/config/load-config';
import { loadDeployment } from '../../src/config/load-deployment';

// The demo council's file without what it says is its own, so each test can say it.
const demo = readFileSync(DEMO_CONFIG_PATH, 'utf8').replace(/^ {2}(postcodes|custodianCode): .*\n/gm, '');

/** The demo council's file as another council: its name, and what it owns. */
function councilFile(name: string, ownership: string, more: (text: string) => string = (t) => t): string {
  return more(demo.replace('name: Demo Borough Council', `name: ${name}\n  ${ownership}`));
}

const SERVICE = `service:
  name: Council Services
  invocationName: council services
addresses:
  connector: os-places
  url: https://api.os.uk/search/places/v1
  key: shared-key
security:
  alexa:
    skillIds: [amzn1.ask.skill.service]
`;

describe('a directory of council files', () => {
  let dir: string;
  beforeEach(() => { dir = mkdtempSync(path.join(tmpdir(), 'councils-')); });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const write = (file: string, text: string) => writeFileSync(path.join(dir, file), text);

  it('is one deployment: every council by its file name, the service\'s name, security and shared gazetteer', () => {
    write('service.yaml', SERVICE);
    write('alpha.yaml', councilFile('Alpha Council', 'postcodes: [AA1]'));
    write('beta.yaml', councilFile('Beta Council', 'custodianCode: 4420', (t) => t.replace(/\naddresses:\n( {2}.*\n)+/, '\n')));
    const deployment = loadDeployment(dir, {});
    expect(deployment.several).toBe(true);
    expect(deployment.councils.map((c) => c.id)).toEqual(['alpha', 'beta']);
    expect(deployment.front.council.name).toBe('Council Services');
    expect(deployment.front.security?.alexa?.skillIds).toEqual(['amzn1.ask.skill.service']);
    expect(deployment.councils[1]?.config.addresses.key).toBe('shared-key');
    expect(deployment.councils[1]?.sharedAddresses).toBe(true);
    expect(deployment.councils[0]?.config.council.postcodes).toEqual(['AA1']);
  });

  it('names the file and key of a council that does not say which addresses are its own', () => {
    write('alpha.yaml', councilFile('Alpha Council', 'postcodes: [AA1]'));
    write('beta.yaml', councilFile('Beta Council', 'phoneExtra: 1'));
    expect(() => loadDeployment(dir, {})).toThrow('beta.yaml: council.postcodes or council.custodianCode');
  });

  it('names both files when two councils claim the same addresses for good', () => {
    write('alpha.yaml', councilFile('Alpha Council', 'custodianCode: 1'));
    write('beta.yaml', councilFile('Beta Council', 'custodianCode: 1'));
    expect(() => loadDeployment(dir, {})).toThrow('alpha.yaml and beta.yaml both claim custodian code 1');
  });

  it('names the file and key of a mistake in any file, service.yaml too', () => {
    write('alpha.yaml', councilFile('Alpha Council', 'postcodes: ["not a postcode"]'));
    write('beta.yaml', councilFile('Beta Council', 'custodianCode: 2'));
    expect(() => loadDeployment(dir, {})).toThrow(/alpha\.yaml has 1 problem\(s\):\n {2}council\.postcodes\.0: a postcode area, district or sector/);
    write('alpha.yaml', councilFile('Alpha Council', 'postcodes: [AA1]'));
    write('service.yaml', 'service: { name: Council Services }\n');
    expect(() => loadDeployment(dir, {})).toThrow('service.yaml has 1 problem(s):\n  service.invocationName');
  });

  it('keeps a single file a deployment of one council, exactly as before', () => {
    const deployment = loadDeployment(DEMO_CONFIG_PATH, {});
    expect(deployment.several).toBe(false);
    expect(deployment.front.council.name).toBe('Demo Borough Council');
    expect(deployment.councils).toHaveLength(1);
  });
});
