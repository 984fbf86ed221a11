/**
 * The JSON Schema editors check council files with: generated from the loader's own zod schema
 * and up to date, and it agrees with the loader on the example files, on `${VAR}` references,
 * and on mistakes an officer makes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { loadDeployment } from '../../src/config/load-deployment';
import { parseConfig } from '../../src/config/load-config';
import { renderSchemaFiles } from '../../scripts/schema/schema-files';
// ajv 8 validates the generated JSON Schema (draft-07) as an editor would.
import Ajv from 'ajv';
import addFormats from 'ajv-formats';

const ROOT = path.resolve(__dirname, '../..');
const COUNCILS = path.join(ROOT, 'councils');
const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');

function validatorFor(schemaFile: string) {
  // A value that may be text or a number is a union type, which JSON Schema allows (ajv's strict mode only warns).
  const ajv = new Ajv({ allErrors: true, allowUnionTypes: true });
  // Editors check formats (uri, email) too, so the test does.
  addFormats(ajv);
  const validate = ajv.compile(JSON.parse(read(`councils/${schemaFile}`)) as object);
  return (data: unknown) => (validate(data) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`));
}

describe('councils/council.schema.json', () => {
  const council = validatorFor('council.schema.json');
  const service = validatorFor('service.schema.json');
  const demo = parse(read('councils/demo-council.yaml')) as Record<string, unknown>;

  it('is what `npm run schema` writes now (schemas and docs/council-file.md)', () => {
    for (const { file, text } of renderSchemaFiles()) expect({ file, text: read(file) }).toEqual({ file, text });
  });

  it('passes every example file as written, `${VAR}` references and all, and each names its schema on its first line', () => {
    const files = readdirSync(COUNCILS).filter((f) => f.endsWith('.yaml'));
    expect(files.length).toBeGreaterThan(1);
    for (const file of files) {
      const text = read(`councils/${file}`);
      const kind = file === 'service.yaml' ? 'service' : 'council';
      expect(text.split('\n')[0]).toBe(`# yaml-language-server: $schema=./${kind}.schema.json`);
      expect({ file, problems: (kind === 'service' ? service : council)(parse(text)) }).toEqual({ file, problems: [] });
    }
    // ... and the loader takes the same files.
    expect(loadDeployment(COUNCILS, {}).councils.length).toBe(files.length - 1);
  });

  it('accepts a reference wherever the loader checks the filled-in text: URLs, patterns, lists of words', () => {
    const withRefs = {
      ...demo,
      council: { ...(demo.council as object), website: '${COUNCIL_WEBSITE}', termsUrl: '${TERMS:-https://example.org/terms}' },
      storage: { kind: '${STORAGE_KIND:-sqlite}' },
      councilTax: { ...(demo.councilTax as object), year: '${TAX_YEAR}' },
    };
    expect(council(withRefs)).toEqual([]);
    const env = { COUNCIL_WEBSITE: 'https://council.example/', TAX_YEAR: '2026/27', DEMO_COUNCIL_URL: 'http://127.0.0.1:4010' };
    expect(() => parseConfig(JSON.stringify(withRefs), env)).not.toThrow();
  });

  it('flags the mistakes the loader refuses: a misspelt connector, a bad URL, a number as words, a missing key', () => {
    const mistakes: Record<string, unknown>[] = [
      { ...demo, bins: { ...(demo.bins as object), connector: 'icalendar' } },
      { ...demo, council: { ...(demo.council as object), website: 'www.council.example' } },
      { ...demo, bins: { ...(demo.bins as object), cacheMinutes: 'six hours' } },
      { ...demo, storage: { kind: 'postgres' } },
      Object.fromEntries(Object.entries(demo).filter(([key]) => key !== 'addresses')),
    ];
    for (const config of mistakes) {
      expect(council(config)).not.toEqual([]);
      expect(() => parseConfig(JSON.stringify(config), { DEMO_COUNCIL_URL: 'http://127.0.0.1:4010' })).toThrow();
    }
  });
});
