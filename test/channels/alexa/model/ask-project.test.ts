import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createAlexaChannel } from '../../../../src/channels/alexa/channel';
import { ALEXA_MODEL_DIR, alexaModelPath, toAlexaModelJson } from '../../../../src/channels/alexa/model/build-alexa';
import { ASK_RESOURCES_FILE, buildAskResources } from '../../../../src/channels/alexa/model/build-ask-resources';
import { SKILL_PACKAGE_DIR, toJsonFile } from '../../../../src/channels/alexa/model/build-skill-package';
import { loadConfig } from '../../../../src/config/load-config';
import { loadLocaleResources } from '../../../../src/config/locales';
import { loadLanguageModel } from '../../../../src/language-model/load-language-model';
import { BUILD_DIR } from '../../../../scripts/bundle';
import { LAMBDA_FUNCTIONS } from '../../../../scripts/bundle/functions';

interface AskProfile {
  skillMetadata?: { src?: string };
  code?: Record<string, { src?: string }>;
  skillInfrastructure?: { type?: string; userConfig?: { runtime?: string; handler?: string; awsRegion?: string } };
}

const ROOT = path.resolve(__dirname, '../../../..');
const config = loadConfig();
const onDisk = readFileSync(ASK_RESOURCES_FILE, 'utf8');
const resources = JSON.parse(onDisk) as { askcliResourcesVersion?: string; profiles?: Record<string, AskProfile> };
const profiles = resources.profiles ?? {};
const manifest = (JSON.parse(readFileSync(path.join(SKILL_PACKAGE_DIR, 'skill.json'), 'utf8')) as {
  manifest: { publishingInformation: { locales: Record<string, unknown> }; apis: Record<string, unknown> };
}).manifest;

/** Every file under `dir`, relative to it, with forward slashes. */
function filesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory()
    ? filesUnder(path.join(dir, entry.name), `${prefix}${entry.name}/`)
    : [`${prefix}${entry.name}`]));
}

describe('ask-resources.json, the ASK CLI project file at the repository root', () => {
  test('is up to date with what `npm run models` writes', () => {
    expect(onDisk).toBe(toJsonFile(buildAskResources()));
  });

  test('is in the ASK CLI v2 format, and every profile deploys skill-package as the skill metadata', () => {
    expect(resources.askcliResourcesVersion).toBe('2020-03-31');
    expect(Object.keys(profiles).sort()).toEqual(['default', 'lambda']);
    for (const profile of Object.values(profiles)) {
      expect(path.resolve(ROOT, profile.skillMetadata?.src ?? '')).toBe(SKILL_PACKAGE_DIR);
    }
  });

  test('the default profile deploys only the skill package, for the self-hosted HTTPS endpoint in its manifest', () => {
    expect(profiles.default?.skillInfrastructure).toBeUndefined();
    expect(profiles.default?.code).toBeUndefined();
    expect(manifest.apis).toEqual({ custom: expect.objectContaining({ endpoint: expect.objectContaining({ uri: config.alexa?.endpoint }) }) });
  });

  test('the lambda profile uploads the Alexa function `npm run bundle` builds, with the handler its entry exports', () => {
    const lambda = profiles.lambda;
    const fn = createAlexaChannel().lambda;
    expect(LAMBDA_FUNCTIONS.map((f) => f.name)).toContain(fn?.name);
    expect(lambda?.skillInfrastructure?.type).toBe('@ask-cli/lambda-deployer');
    expect(path.resolve(ROOT, lambda?.code?.default?.src ?? '')).toBe(path.join(BUILD_DIR, fn?.name ?? ''));
    const [file, exported] = (lambda?.skillInfrastructure?.userConfig?.handler ?? '').split('.');
    expect(file).toBe('index');
    expect(readFileSync(path.join(ROOT, fn?.entry ?? ''), 'utf8')).toMatch(new RegExp(`export const ${exported ?? '-'}\\b`));
    // The runtime the bundles target, as serverless.yml deploys them.
    const serverless = readFileSync(path.join(ROOT, 'serverless.yml'), 'utf8');
    expect(serverless).toMatch(new RegExp(`^  runtime: ${lambda?.skillInfrastructure?.userConfig?.runtime ?? '-'}$`, 'm'));
  });
});

describe('skill-package/, laid out as the ASK CLI deploys it', () => {
  test('holds the manifest and one custom interaction model per locale the manifest lists, and nothing else', () => {
    const locales = Object.keys(manifest.publishingInformation.locales);
    expect(Object.keys(manifest.apis)).toEqual(['custom']);
    expect(ALEXA_MODEL_DIR).toBe(path.join(SKILL_PACKAGE_DIR, 'interactionModels', 'custom'));
    expect(filesUnder(SKILL_PACKAGE_DIR).sort()).toEqual(['skill.json', ...locales.map((l) => `interactionModels/custom/${l}.json`)].sort());
  });

  test('each model is up to date with what `npm run models` writes, opened with the council\'s invocation name', () => {
    const options = { invocationName: config.council.invocationName, resources: loadLocaleResources() };
    for (const locale of Object.keys(manifest.publishingInformation.locales)) {
      const text = readFileSync(alexaModelPath(locale), 'utf8');
      expect(text).toBe(toAlexaModelJson(loadLanguageModel(locale), options));
      expect((JSON.parse(text) as { interactionModel: { languageModel: { invocationName: string } } }).interactionModel.languageModel.invocationName)
        .toBe(config.council.invocationName);
    }
  });

  test('the old console-import copy is gone, so there is one model to keep up to date', () => {
    expect(existsSync(path.join(ROOT, 'interaction-models', 'alexa'))).toBe(false);
  });
});
