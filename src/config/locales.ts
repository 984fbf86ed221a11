/**
 * Loads every locale's namespaces from locales/<lang>/<namespace>.json into i18next's resource
 * shape, once at start-up.
 */
import type { Resource } from 'i18next';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const LOCALES_DIR = path.resolve(__dirname, '../../locales');

/** Reads all locale files in `dir`. */
export function loadLocaleResources(dir: string = LOCALES_DIR): Resource {
  const resources: Resource = {};
  for (const locale of readdirSync(dir)) {
    const namespaces: Record<string, unknown> = {};
    for (const file of readdirSync(path.join(dir, locale)).filter((f) => f.endsWith('.json'))) {
      namespaces[path.basename(file, '.json')] = JSON.parse(readFileSync(path.join(dir, locale, file), 'utf8'));
    }
    resources[locale] = namespaces as Resource[string];
  }
  return resources;
}
