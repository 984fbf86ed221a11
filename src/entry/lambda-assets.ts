/**
 * What the Lambda functions need from the repository's files: the council config and the
 * language model. Run from source (tests, tsx) this module reads them from disk; in a bundle,
 * scripts/bundle.ts replaces it with a module of the same shape that carries the files' contents,
 * so a function never reads the repository at run time (there is none on Lambda).
 *
 * Which council: COUNCIL_CONFIG when the bundle is built (default: the demo council). Its
 * `${ENV}` references are left in and expanded from the function's environment at cold start.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DEMO_CONFIG_PATH } from '../config/load-config';
import type { LanguageModel } from '../language-model/language-model';
import { loadLanguageModel } from '../language-model/load-language-model';

export interface CouncilConfigSource {
  /** The file's name, for error messages. */
  file: string;
  /** The YAML text, `${ENV}` references unexpanded. */
  text: string;
}

/** The council config file's text. */
export function councilConfigSource(env: NodeJS.ProcessEnv = process.env): CouncilConfigSource {
  const file = env.COUNCIL_CONFIG ?? DEMO_CONFIG_PATH;
  return { file: path.basename(file), text: readFileSync(file, 'utf8') };
}

/** The checked language model for `locale` (the Dialogflow adapters read slot values from it). */
export function languageModelFor(locale: string): LanguageModel {
  return loadLanguageModel(locale);
}
