import i18next from 'i18next';
import { compileTemplate, createTranslators } from '../../src/core/i18n';
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
});

