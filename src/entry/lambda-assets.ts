/**
 * What the Lambda functions need from the repository's files: the council config and the
 * language model. Run from source (tests, tsx) this module reads them from disk; in a bundle,
 * scripts/bundle.ts replaces it with a module of the same shape that carries the files' contents,
 * so a function never reads the repository at run time (there is none on Lambda).
 *
 * Which councils: COUNCIL_CONFIG when the bundle is built, a council file or a whole directory of
 * them with its service.yaml (default: the demo). Their `${ENV}` references are left in and
 * expanded from the function's environment at cold start.
 */
import { DEMO_CONFIG_PATH } from '../config/load-config';
import { readDeploymentSources, type DeploymentSources } from '../config/load-deployment';
import type { LanguageModel } from '../language-model/language-model';
import { loadLanguageModel } from '../language-model/load-language-model';

/** The deployment's config files (names and text, `${ENV}` references unexpanded). */
export function deploymentSources(env: NodeJS.ProcessEnv = process.env): DeploymentSources {
  return readDeploymentSources(env.COUNCIL_CONFIG ?? DEMO_CONFIG_PATH);
}

/** The checked language model for `locale` (the Dialogflow adapters read slot values from it). */
export function languageModelFor(locale: string): LanguageModel {
  return loadLanguageModel(locale);
}
