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
 *
 * Sentences are looked up in the resources directly and compiled once (compileTemplate); i18next
 * itself is made only when a sentence needs it: a key with plural forms, or a template with more
 * than plain `{{name}}` placeholders. Making it (init, then its first translation) cost every
 * Lambda cold start about 6 ms for lookups a few lines do; test/core/i18n.test.ts checks the
 * lookup finds what i18next finds for every key of the locale files.
 */
export function createTranslators(resources: Resource, options: { fallbackLocale?: string; random?: () => number } = {}): TranslatorFactory {
  const fallbackLocale = options.fallbackLocale ?? 'en-GB';
  const random = options.random ?? Math.random;
  let instance: i18n | undefined;
  const i18nextInstance = (): i18n => {
    if (instance) return instance;
    const namespaces = [...new Set(Object.values(resources).flatMap((byNs) => Object.keys(byNs)))];
    instance = i18next.createInstance();
    // initAsync false: resources are in memory, so init completes before this returns.
    void instance.init({
      resources,
      lng: fallbackLocale,
      fallbackLng: fallbackLocale,
      ns: namespaces,
      defaultNS: DEFAULT_NAMESPACE,
      initAsync: false,
      interpolation: { escapeValue: false },
      returnNull: false,
      showSupportNotice: false,
    });
    return instance;
  };
  const cache = new Map<string, Translator>();
  const variesWithParams = pluralKeys(resources);

  function build(locale: string): Translator {
    const lng = Object.hasOwn(resources, locale) ? locale : fallbackLocale;
    /** The sentence or variants at `key` in this locale, else in the fallback locale, as i18next resolves them. */
    const lookup = (key: string): string | string[] | undefined =>
      lookupKey(resources, lng, key) ?? (lng === fallbackLocale ? undefined : lookupKey(resources, fallbackLocale, key));

    // What a key resolves to in this locale, ready to fill in. A bin-day answer speaks a dozen
    // sentences, and looking each one up and interpolating it through i18next was most of its
    // cost, so each key is looked up and compiled once. Keys whose choice depends on the
    // parameters (plural forms) still go through i18next every time.
    const compiled = new Map<string, Fill | Fill[]>();
    const viaI18next = (template: string): Fill => (params) => i18nextInstance().services.interpolator.interpolate(template, params, lng, {});

    function raw(key: string, params: Record<string, unknown>): string {
      if (variesWithParams.has(key)) {
        const value: unknown = i18nextInstance().getFixedT(lng)(key, { ...params, returnObjects: true });
        if (Array.isArray(value)) return viaI18next(pick(value.filter((v): v is string => typeof v === 'string'), key, (k) => k))(params);
        return typeof value === 'string' ? value : key;
      }
      let fill = compiled.get(key);
      if (!fill) {
        const value = lookup(key);
        fill = Array.isArray(value)
          ? value.map((v) => compileTemplate(v, viaI18next))
          : compileTemplate(value ?? sayMissing(key), viaI18next);
        compiled.set(key, fill);
      }
      return (Array.isArray(fill) ? pick(fill, key, () => () => sayMissing(key)) : fill)(params);
    }

    /** One of the variants, at random: what residents hear often should not always be the same. */
    function pick<T>(variants: T[], key: string, orElse: (key: string) => T): T {
      return variants[Math.floor(random() * variants.length)] ?? variants[0] ?? orElse(key);
    }

    return {
      locale: lng,
      has: (key) => lookup(key) !== undefined || (variesWithParams.has(key) && i18nextInstance().exists(key, { lng })),
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

/** A key no file has is said by its path, as i18next says it: a gap shows, it does not crash. */
const sayMissing = (key: string): string => key.slice(key.indexOf(':') + 1);

/** The namespace of a key written without one, as i18next's `defaultNS`. */
const DEFAULT_NAMESPACE = 'common';

/**
 * The sentence (or variants) at `namespace:path.to.key` in `lng`'s resources, as i18next finds
 * it with its default separators: undefined when there is none, or when the path ends at a group
 * of keys rather than a sentence.
 */
export function lookupKey(resources: Resource, lng: string, key: string): string | string[] | undefined {
  const colon = key.indexOf(':');
  const namespace = colon === -1 ? DEFAULT_NAMESPACE : key.slice(0, colon);
  let node: unknown = childOf(childOf(resources, lng), namespace);
  for (const step of (colon === -1 ? key : key.slice(colon + 1)).split('.')) node = childOf(node, step);
  if (typeof node === 'string') return node;
  if (Array.isArray(node) && node.every((v) => typeof v === 'string')) return node as string[];
  return undefined;
}

/** `node[key]` when `node` is a group of keys that has `key` itself ("constructor" is no sentence). */
function childOf(node: unknown, key: string): unknown {
  return node !== null && typeof node === 'object' && !Array.isArray(node) && Object.hasOwn(node, key) ? (node as Record<string, unknown>)[key] : undefined;
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

/** A sentence with its `{{name}}` placeholders filled from the parameters. */
type Fill = (params: Record<string, unknown>) => string;

const PLACEHOLDER = /\{\{-?\s*(\w+)\s*\}\}/g;

/**
 * `template` as a function that fills its `{{name}}` placeholders as i18next's interpolator does
 * with escaping off: a missing value leaves the placeholder, null is empty, anything else is its
 * string. A template using more than plain names (formats, paths, nesting) is left to `orElse`.
 */
export function compileTemplate(template: string, orElse: (template: string) => Fill): Fill {
  if (template.replace(PLACEHOLDER, '').includes('{{')) return orElse(template);
  const texts: string[] = [];
  const names: string[] = [];
  const placeholders: string[] = [];
  let last = 0;
  for (const match of template.matchAll(PLACEHOLDER)) {
    texts.push(template.slice(last, match.index));
    placeholders.push(match[0]);
    names.push(match[1] as string);
    last = (match.index ?? 0) + match[0].length;
  }
  const tail = template.slice(last);
  if (names.length === 0) return () => template;
  return (params) => {
    let out = '';
    for (let i = 0; i < names.length; i += 1) {
      const value = params[names[i] as string];
      out += texts[i] + (value === undefined ? placeholders[i] as string : value === null ? '' : String(value));
    }
    return out + tail;
  };
}
