/**
 * Every sentence the skill speaks comes from the locale files (locales/<lang>/<namespace>.json).
 * A key whose value is an array is a set of variants: one is picked at random each time, so
 * what residents hear often (welcome, goodbye) does not sound canned.
 */
import i18next, { type i18n, type Resource } from 'i18next';
import type { Speech, SpeechPart } from './speech';

export type SpeechParam = string | number | SpeechPart;

export interface Translator {
  readonly locale: string;
  /** The sentence at `key` as Speech; parameters may be speech parts (money, references). */
  speak(key: string, params?: Record<string, SpeechParam>): Speech;
  /** The sentence at `key` as plain text (cards, visuals). */
  text(key: string, params?: Record<string, string | number>): string;
  /** True when the locale files have `key`. */
  has(key: string): boolean;
}

export interface TranslatorFactory {
  /** A translator for `locale`, falling back to the default locale when it has no resources. */
  forLocale(locale: string): Translator;
}

const MARK = '\u0001';

function isSpeechPart(value: SpeechParam): value is SpeechPart {
  return typeof value === 'object' && value !== null && 'type' in value;
}

/**
 * Builds translators over i18next resources shaped `{ 'en-GB': { bins: {...}, common: {...} } }`.
 * Keys are `namespace:path.to.key`.
 */
export function createTranslators(resources: Resource, options: { fallbackLocale?: string; random?: () => number } = {}): TranslatorFactory {
  const fallbackLocale = options.fallbackLocale ?? 'en-GB';
  const random = options.random ?? Math.random;
  const namespaces = [...new Set(Object.values(resources).flatMap((byNs) => Object.keys(byNs)))];
  const instance: i18n = i18next.createInstance();
  // initAsync false: resources are in memory, so init completes before this returns.
  void instance.init({
    resources,
    lng: fallbackLocale,
    fallbackLng: fallbackLocale,
    ns: namespaces,
    defaultNS: 'common',
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
    showSupportNotice: false,
  });
  const cache = new Map<string, Translator>();
  const variesWithParams = pluralKeys(resources);

  function build(locale: string): Translator {
    const lng = Object.keys(resources).includes(locale) ? locale : fallbackLocale;
    const fixedT = instance.getFixedT(lng);

    // What a key resolves to in this locale, before interpolation. A bin-day answer speaks a
    // dozen sentences, and looking each one up through i18next's t() was most of its cost, so each
    // key is looked up once. Keys whose choice depends on the parameters (plural forms) are not kept.
    const templates = new Map<string, unknown>();

    function raw(key: string, params: Record<string, unknown>): string {
      const variable = variesWithParams.has(key);
      let value: unknown = variable ? fixedT(key, { ...params, returnObjects: true }) : templates.get(key);
      if (value === undefined) {
        value = fixedT(key, { returnObjects: true });
        templates.set(key, value);
      }
      if (Array.isArray(value)) {
        const variants = value.filter((v): v is string => typeof v === 'string');
        const chosen = variants[Math.floor(random() * variants.length)] ?? variants[0] ?? key;
        return instance.services.interpolator.interpolate(chosen, params, lng, {});
      }
      if (typeof value !== 'string') return key;
      return variable ? value : instance.services.interpolator.interpolate(value, params, lng, {});
    }

    return {
      locale: lng,
      has: (key) => instance.exists(key, { lng }),
      text: (key, params = {}) => raw(key, params),
      speak(key, params = {}) {
        const parts: SpeechPart[] = [];
        const plain: Record<string, unknown> = {};
        for (const [name, value] of Object.entries(params)) {
          if (isSpeechPart(value)) {
            plain[name] = `${MARK}${parts.length}${MARK}`;
            parts.push(value);
          } else {
            plain[name] = value;
          }
        }
        const sentence = raw(key, plain);
        const out: SpeechPart[] = [];
        sentence.split(MARK).forEach((piece, i) => {
          if (i % 2 === 1) {
            const part = parts[Number(piece)];
            if (part) out.push(part);
          } else if (piece !== '') {
            out.push({ type: 'text', text: piece });
          }
        });
        return { parts: out };
      },
    };
  }

  return {
    forLocale(locale) {
      // Keyed by the locale served, not the one asked for: a caller sending a new locale string
      // with every request must not grow this cache without end.
      const served = Object.hasOwn(resources, locale) ? locale : fallbackLocale;
      let translator = cache.get(served);
      if (!translator) {
        translator = build(served);
        cache.set(served, translator);
      }
      return translator;
    },
  };
}

const PLURAL_SUFFIX = /_(?:ordinal_)?(?:zero|one|two|few|many|other)$/;

/** `namespace:path` of every key with plural forms (`key_one`, `key_other`...), in any locale. */
function pluralKeys(resources: Resource): Set<string> {
  const keys = new Set<string>();
  const walk = (node: unknown, path: string) => {
    if (!node || typeof node !== 'object' || Array.isArray(node)) return;
    for (const [name, child] of Object.entries(node)) {
      const here = path.endsWith(':') ? `${path}${name}` : `${path}.${name}`;
      if (PLURAL_SUFFIX.test(name)) keys.add(here.replace(PLURAL_SUFFIX, ''));
      walk(child, here);
    }
  };
  for (const byNs of Object.values(resources)) {
    for (const [ns, tree] of Object.entries(byNs)) walk(tree, `${ns}:`);
  }
  return keys;
}
