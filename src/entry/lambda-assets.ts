/**
 * What the Lambda functions need from the repository's files: the council config and the
 * language model. Run from source (tests, tsx) this module reads them from disk; in a bundle,
 * scripts/bundle.ts replaces it with a module of the same exports that carries the config and reads
 * the models from language-models.json beside the bundle, so a function never reads the repository
 * at run time (there is none on Lambda).
 *
 * Which council: COUNCIL_CONFIG when the bundle is built (default: the demo council), a council
 * file or a directory of them with its service.yaml (every file is carried). The bundle carries
 * them already checked (src/config/compile-config.ts, compile-deployment.ts); their `${ENV}`
 * references are filled from the function's environment, and checked, at cold start.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { CouncilConfig } from '../config/council-config';
import { DEMO_CONFIG_PATH, parseConfig } from '../config/load-config';
import { loadDeployment, type DeploymentConfig } from '../config/load-deployment';
import type { LanguageModel } from '../language-model/language-model';
import { loadLanguageModel } from '../language-model/load-language-model';

/** The council config file, checked, with `env` filled in. */
export function loadCouncilConfig(env: NodeJS.ProcessEnv = process.env): CouncilConfig {
  const file = env.COUNCIL_CONFIG ?? DEMO_CONFIG_PATH;
  return parseConfig(readFileSync(file, 'utf8'), env, path.basename(file));
}

/** The deployment: COUNCIL_CONFIG's council file, or every council file of its directory, checked, with `env` filled in. */
export function loadDeploymentConfig(env: NodeJS.ProcessEnv = process.env): DeploymentConfig {
  return loadDeployment(env.COUNCIL_CONFIG ?? DEMO_CONFIG_PATH, env);
}

/** The checked language model for `locale` (the Dialogflow adapters read slot values from it). */
export function languageModelFor(locale: string): LanguageModel {
  return loadLanguageModel(locale);
}
