/**
 * Reads and validates the council config once, at start-up. A bad file stops the process with
 * a message that names the key, so council staff can fix it without reading code.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import type { z } from 'zod';
import { councilConfigSchema, type CouncilConfig } from './council-config';
import type { CouncilInfo } from '../core/council-info';
import { ConfigError, expandEnv, problemsError } from './config-error';

export { ConfigError, expandEnv };

/** The demo council's config on its own: a deployment of one council. */
export const DEMO_CONFIG_PATH = path.resolve(__dirname, '../../councils/demo-council.yaml');

/** The demo deployment `npm start` serves when COUNCIL_CONFIG is not set: every demo council, one service (councils/service.yaml). */
export const DEMO_DEPLOYMENT_PATH = path.resolve(__dirname, '../../councils');

/** Expands environment references in every string value (after parsing, so comments and YAML syntax are untouched). */
function expandValues(value: unknown, env: NodeJS.ProcessEnv, file: string): unknown {
  if (typeof value === 'string') return expandEnv(value, env, file);
  if (Array.isArray(value)) return value.map((item) => expandValues(item, env, file));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, expandValues(item, env, file)]));
  }
  return value;
}

/** A config file's YAML as data, `${ENV}` references filled in. */
export function readYaml(text: string, env: NodeJS.ProcessEnv, file: string): unknown {
  let parsed: unknown;
  try {
    parsed = parse(text);
  } catch (error) {
    throw new ConfigError(`${file}: not valid YAML: ${(error as Error).message}`);
  }
  return expandValues(parsed, env, file);
}

/** Checks data against a config schema; the error lists every problem by key. */
export function checkShape<T>(schema: z.ZodType<T>, raw: unknown, file: string): T {
  const result = schema.safeParse(raw);
  if (!result.success) throw problemsError(file, result.error.issues);
  return result.data;
}

export function parseConfig(text: string, env: NodeJS.ProcessEnv = process.env, file = 'council config'): CouncilConfig {
  return checkShape(councilConfigSchema, readYaml(text, env, file), file);
}

export function loadConfig(file: string = process.env.COUNCIL_CONFIG ?? DEMO_CONFIG_PATH, env: NodeJS.ProcessEnv = process.env): CouncilConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new ConfigError(`cannot read council config at ${file} (set COUNCIL_CONFIG to its path)`);
  }
  return parseConfig(text, env, file);
}

/** The part of the config the handlers need, in the core's own terms. */
export function toCouncilInfo(config: CouncilConfig): CouncilInfo {
  const tax = config.councilTax;
  return {
    name: config.council.name,
    invocationName: config.council.invocationName,
    timeZone: config.council.timeZone,
    phone: config.council.phone,
    website: config.council.website,
    binStreams: config.bins.streams.map(({ id, name, container, colour }) => ({ id, name, container, colour })),
    reminderTime: config.bins.reminders.time,
    reminderCount: config.bins.reminders.count,
    councilTax: tax && {
      year: tax.year,
      bandsPence: Object.fromEntries(Object.entries(tax.bands).map(([band, pounds]) => [band, Math.round(pounds * 100)])),
      instalments: tax.instalments,
      instalmentDay: tax.instalmentDay,
      firstInstalmentMonth: tax.firstInstalmentMonth,
      paymentMethods: tax.paymentMethods,
      singlePersonDiscountPercent: tax.singlePersonDiscountPercent,
      bandLookupUrl: tax.bandLookupUrl,
    },
  };
}
