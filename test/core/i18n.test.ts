import i18next from 'i18next';
import { LOCALES_DIR, loadLocaleResources } from '../../src/config/locales';
import { compileTemplate, createTranslators, lookupKey } from '../../src/core/i18n';
import { money, toPlainText, toSsml } from '../../src/core/speech';

const resources = { 'en-GB': { tax: { band: 'Band {{band}} is {{amount}} a year.', hello: ['Hi {{name}}.', 'Hello {{name}}.'] }, common: {} } };

describe('translations', () => {
  it('places speech parts such as money where the sentence puts them', () => {
    const t = createTranslators(resources).forLocale('en-GB');
    const speech = t.speak('tax:band', { band: 'D', amount: money(198012) });
    expect(toPlainText(speech)).toBe('Band D is £1,980.12 a year.');
    expect(toSsml(speech)).toContain('<sub alias="one thousand nine hundred and eighty pounds and twelve pence">');
  });

  it('picks among variants so what residents hear often is not always the same', () => {
    const first = createTranslators(resources, { random: () => 0 }).forLocale('en-GB');
    const last = createTranslators(resources, { random: () => 0.99 }).forLocale('en-GB');
    expect(first.text('tax:hello', { name: 'Ann' })).toBe('Hi Ann.');
    expect(last.text('tax:hello', { name: 'Ann' })).toBe('Hello Ann.');
  });

  it('falls back to en-GB for a locale it has no files for', () => {
    const t = createTranslators(resources).forLocale('cy-GB');
    expect(t.locale).toBe('en-GB');
    expect(t.text('tax:band', { band: 'A', amount: '£1' })).toBe('Band A is £1 a year.');
  });

  it('gives the same sentence every time a key is asked for again with other values', () => {
    const t = createTranslators(resources).forLocale('en-GB');
    expect(t.text('tax:band', { band: 'A', amount: '£1' })).toBe('Band A is £1 a year.');
    expect(t.text('tax:band', { band: 'B', amount: '£2' })).toBe('Band B is £2 a year.');
  });

  it('still chooses plural forms by count', () => {
    const plural = { 'en-GB': { bins: { left_one: '{{count}} bin left.', left_other: '{{count}} bins left.' }, common: {} } };
    const t = createTranslators(plural).forLocale('en-GB');
    expect(t.text('bins:left', { count: 1 })).toBe('1 bin left.');
    expect(t.text('bins:left', { count: 3 })).toBe('3 bins left.');
  });

  it('fills placeholders exactly as i18next does, without going through it each time', async () => {
    const instance = i18next.createInstance();
    await instance.init({ lng: 'en-GB', resources: {}, interpolation: { escapeValue: false }, showSupportNotice: false });
    const viaI18next = (template: string) => (params: Record<string, unknown>) => instance.services.interpolator.interpolate(template, params, 'en-GB', {});
    const templates = ['Band {{band}} is {{amount}} a year.', '{{ council }}', 'No placeholders.', '{{- raw}} and {{a}}{{b}}', 'Costs $1 for {{who}} & <b>', '{{missing}} stays'];
    const values: Record<string, unknown>[] = [
      { band: 'D', amount: '£1,980.12', council: 'Demo', raw: '<x>', a: 1, b: 0, who: '$& tricky $1' },
      { band: null, amount: 12.5, council: '', a: true, b: undefined, who: 'you' },
      {},
    ];
    for (const template of templates) {
      for (const params of values) {
        expect(compileTemplate(template, viaI18next)(params)).toBe(viaI18next(template)(params));
      }
    }
  });

  it('finds every sentence of the locale files where i18next finds it, and nothing where it finds nothing', async () => {
    const files = loadLocaleResources(LOCALES_DIR);
    const extra = { 'en-GB': { common: { nested: { deeper: 'Deep.' }, empty: '' } }, 'cy-GB': { common: { only: 'Dim ond.' } } };
    const english = files['en-GB'] ?? {};
    const all = { ...files, 'cy-GB': extra['cy-GB'], 'en-GB': { ...english, common: { ...(english.common as object), ...extra['en-GB'].common } } };
    const instance = i18next.createInstance();
    await instance.init({ lng: 'en-GB', fallbackLng: 'en-GB', resources: all, ns: Object.keys(all['en-GB']), defaultNS: 'common', interpolation: { escapeValue: false }, returnNull: false, showSupportNotice: false });
    const keys: string[] = [];
    const walk = (node: unknown, path: string) => {
      if (typeof node === 'string' || Array.isArray(node)) keys.push(path);
      else if (node && typeof node === 'object') for (const [name, child] of Object.entries(node)) walk(child, path.endsWith(':') ? `${path}${name}` : `${path}.${name}`);
    };
    for (const [ns, tree] of Object.entries(all['en-GB'])) walk(tree, `${ns}:`);
    expect(keys.length).toBeGreaterThan(100);
    // Keys it has, keys it lacks, a group of keys, a key with no namespace, prototype names.
    const asked = [...keys, 'bins:nothing', 'nowhere:next', 'common:nested', 'welcome', 'common:constructor', 'constructor', 'bins:toString', 'common:nested.deeper.further'];
    for (const lng of ['en-GB', 'cy-GB']) {
      const fixedT = instance.getFixedT(lng);
      for (const key of asked) {
        const theirs: unknown = fixedT(key, { returnObjects: true });
        // i18next answers a key it lacks with the key's path, so whether it has it is asked apart.
        const found = !instance.exists(key, { lng }) ? undefined : typeof theirs === 'string' || Array.isArray(theirs) ? theirs : undefined;
        const ours = lookupKey(all, lng, key) ?? (lng === 'en-GB' ? undefined : lookupKey(all, 'en-GB', key));
        expect({ lng, key, value: ours }).toEqual({ lng, key, value: found });
      }
    }
  });

  it('says which keys it has, in the locale or the one it falls back to', () => {
    const t = createTranslators({ ...resources, 'cy-GB': { common: { hello: 'Shwmae.' } } }).forLocale('cy-GB');
    expect(t.has('common:hello')).toBe(true);
    expect(t.has('tax:band')).toBe(true);
    expect(t.has('tax:nothing')).toBe(false);
    expect(t.has('tax')).toBe(false);
    expect(t.text('common:hello')).toBe('Shwmae.');
    // A key nobody wrote is said as i18next says it, by its path.
    expect(t.text('tax:nothing')).toBe('nothing');
  });
});
