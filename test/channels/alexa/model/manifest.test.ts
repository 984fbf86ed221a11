import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { toResponseEnvelope } from '../../../../src/channels/alexa/to-response';
import { HANDLED_REQUEST_TYPES } from '../../../../src/channels/alexa/check-envelope';
import type { CouncilConfig } from '../../../../src/config/council-config';
import { loadConfig } from '../../../../src/config/load-config';
import { text } from '../../../../src/core/speech';
import { createTurn } from '../../../../src/core/turn';
import { loadLanguageModel } from '../../../../src/language-model/load-language-model';
import { alexaModelPath } from '../../../../src/channels/alexa/model/build-alexa';
import { ACCOUNT_LINKING_FILE, ALEXA_DEPLOY_DIR, buildSkillPackage, CLIENT_SECRET_PLACEHOLDER, SKILL_PACKAGE_DIR, toJsonFile, writeAccountLinking, writeSkillPackage } from '../../../../src/channels/alexa/model/build-skill-package';

interface Manifest {
  manifest: {
    publishingInformation: { locales: Record<string, { name: string; summary: string; description: string; examplePhrases: string[]; keywords: string[] }>; category: string; distributionCountries: string[] };
    privacyAndCompliance: { usesPersonalInfo: boolean; locales: Record<string, { privacyPolicyUrl?: string; termsOfUseUrl?: string }> };
    apis: { custom: { endpoint: { uri: string; sslCertificateType?: string }; interfaces: { type: string }[] } };
    permissions: { name: string }[];
  };
}

const ADAPTER_DIR = path.resolve(__dirname, '../../../../src/channels/alexa');
const config = loadConfig();
const model = loadLanguageModel('en-GB');
const onDisk = JSON.parse(readFileSync(path.join(SKILL_PACKAGE_DIR, 'skill.json'), 'utf8')) as Manifest;
const { manifest } = onDisk;
const builtModel = JSON.parse(readFileSync(alexaModelPath('en-GB'), 'utf8')) as {
  interactionModel: { languageModel: { invocationName: string; intents: { samples: string[] }[] } };
};

/** Every Alexa permission scope named anywhere in the adapter's code (consent cards, permission checks). */
function permissionsInAdapter(dir: string = ADAPTER_DIR): Set<string> {
  const found = new Set<string>();
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) permissionsInAdapter(file).forEach((p) => found.add(p));
    else if (entry.name.endsWith('.ts')) {
      for (const match of readFileSync(file, 'utf8').matchAll(/['"`]((?:read|write)::alexa:[\w:]+|alexa::[\w:]+)['"`]/g)) found.add(match[1] ?? '');
    }
  }
  return found;
}

function withConfig(change: (copy: CouncilConfig) => void): CouncilConfig {
  const copy = structuredClone(config);
  change(copy);
  return copy;
}

describe('the skill manifest in skill-package/skill.json', () => {
  test('is up to date with the council config and the model (run `npm run models` if not)', () => {
    const built = buildSkillPackage(config, model);
    expect(readFileSync(path.join(SKILL_PACKAGE_DIR, 'skill.json'), 'utf8')).toBe(toJsonFile(built.manifest));
    const linking = path.join(ALEXA_DEPLOY_DIR, ACCOUNT_LINKING_FILE);
    if (built.accountLinking) expect(readFileSync(linking, 'utf8')).toBe(toJsonFile(built.accountLinking));
    else expect(existsSync(linking)).toBe(false);
  });

  test('declares every permission the adapter asks residents for, and no other', () => {
    const asked = permissionsInAdapter();
    expect(asked).toEqual(new Set(['read::alexa:device:all:address:country_and_postal_code', 'alexa::alerts:reminders:skill:readwrite']));
    expect(new Set(manifest.permissions.map((p) => p.name))).toEqual(asked);
    expect(manifest.permissions).toHaveLength(asked.size);
  });

  test('example phrases open the skill by its invocation name and are sample utterances of the model', () => {
    const invocation = builtModel.interactionModel.languageModel.invocationName;
    const samples = new Set(builtModel.interactionModel.languageModel.intents.flatMap((i) => i.samples));
    const phrases = manifest.publishingInformation.locales['en-GB']?.examplePhrases ?? [];
    expect(phrases.length).toBeGreaterThan(0);
    expect(phrases.length).toBeLessThanOrEqual(3);
    expect(phrases[0]).toBe(`Alexa, open ${invocation}`);
    for (const phrase of phrases.slice(1)) {
      const utterance = phrase.replace(new RegExp(`^Alexa, ask ${invocation} (to )?`), '');
      expect({ phrase, isSample: utterance !== phrase && samples.has(utterance) }).toEqual({ phrase, isSample: true });
    }
  });

  test('names the council, and links its privacy policy and terms, from the config', () => {
    const listing = manifest.publishingInformation.locales['en-GB'];
    expect(listing?.name).toBe(config.council.name);
    expect(listing?.summary.length).toBeLessThanOrEqual(160);
    expect(manifest.privacyAndCompliance.locales['en-GB']).toEqual({ privacyPolicyUrl: config.council.privacyPolicyUrl, termsOfUseUrl: config.council.termsUrl });
    expect(manifest.privacyAndCompliance.usesPersonalInfo).toBe(true);
    expect(manifest.publishingInformation.distributionCountries).toEqual(['GB']);
  });

  test('sends Alexa to the configured endpoint', () => {
    expect(manifest.apis.custom.endpoint).toEqual({ uri: config.alexa?.endpoint, sslCertificateType: 'Trusted' });
  });

  test('declares exactly the interfaces the adapter handles: APL for screens, CanFulfill for name-free requests', () => {
    const declared = manifest.apis.custom.interfaces.map((i) => i.type).sort();
    const rendered = toResponseEnvelope(
      { speech: text('Tuesday.'), endSession: true, visual: { kind: 'bin-collections', title: 'Next', rows: [] } },
      createTurn({ kind: 'intent', intent: 'GetBinCollectionIntent', device: { hasScreen: true } }),
    ).response.directives ?? [];
    const handled = [
      ...(rendered.some((d) => d.type.startsWith('Alexa.Presentation.APL.')) ? ['ALEXA_PRESENTATION_APL'] : []),
      ...(HANDLED_REQUEST_TYPES.has('CanFulfillIntentRequest') ? ['CAN_FULFILL_INTENT_REQUEST'] : []),
    ].sort();
    expect(declared).toEqual(handled);
  });
});

describe('account linking in deploy/alexa/account-linking.json', () => {
  const linking = JSON.parse(readFileSync(path.join(ALEXA_DEPLOY_DIR, ACCOUNT_LINKING_FILE), 'utf8')) as { accountLinkingRequest: Record<string, unknown> };

  test('is the council\'s OAuth sign-in from the config, and never holds the client secret', () => {
    const configured = config.alexa?.accountLinking;
    expect(linking.accountLinkingRequest).toMatchObject({
      type: 'AUTH_CODE',
      authorizationUrl: configured?.authorizationUrl,
      accessTokenUrl: configured?.accessTokenUrl,
      clientId: configured?.clientId,
      scopes: configured?.scopes,
      skipOnEnablement: true,
    });
    expect(linking.accountLinkingRequest.clientSecret).toBe(CLIENT_SECRET_PLACEHOLDER);
  });
});

describe('a council\'s own values flow into its skill package', () => {
  const own = withConfig((c) => {
    c.council.name = 'Riverside District Council';
    c.council.invocationName = 'riverside council';
    c.council.privacyPolicyUrl = 'https://www.riverside.gov.uk/privacy';
    c.council.termsUrl = undefined;
    c.reports = undefined;
    c.councilTax = undefined;
    c.alexa = { endpoint: 'arn:aws:lambda:eu-west-1:123456789012:function:council-voice-alexa', category: 'ORGANIZERS_AND_ASSISTANTS', keywords: ['Riverside'], smallIconUri: 'https://www.riverside.gov.uk/alexa-108.png', largeIconUri: 'https://www.riverside.gov.uk/alexa-512.png' };
  });
  const built = buildSkillPackage(own, model);
  const ownManifest = (built.manifest as unknown as Manifest).manifest;

  test('name, phrases, links and endpoint are the council\'s; a Lambda endpoint has no certificate type', () => {
    const listing = ownManifest.publishingInformation.locales['en-GB'];
    expect(listing?.name).toBe('Riverside District Council');
    expect(listing?.examplePhrases[0]).toBe('Alexa, open riverside council');
    expect(listing?.keywords).toContain('Riverside');
    expect(ownManifest.privacyAndCompliance.locales['en-GB']).toEqual({ privacyPolicyUrl: 'https://www.riverside.gov.uk/privacy' });
    expect(ownManifest.apis.custom.endpoint).toEqual({ uri: 'arn:aws:lambda:eu-west-1:123456789012:function:council-voice-alexa' });
    expect(built.warnings).toEqual([]);
  });

  test('the description mentions only the services the council configured', () => {
    const words = ownManifest.publishingInformation.locales['en-GB']?.description ?? '';
    expect(words).toContain('bins');
    expect(words).not.toMatch(/pothole|council tax/);
  });

  test('without account linking there is no account-linking.json, and a stale one is removed', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'deploy-alexa-'));
    try {
      writeAccountLinking(config, model, dir);
      expect(existsSync(path.join(dir, ACCOUNT_LINKING_FILE))).toBe(true);
      writeAccountLinking(own, model, dir);
      expect(existsSync(path.join(dir, ACCOUNT_LINKING_FILE))).toBe(false);
      writeSkillPackage(own, model, dir);
      expect(existsSync(path.join(dir, 'skill.json'))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('what is still missing for certification is said, not guessed', () => {
    const bare = withConfig((c) => {
      c.alexa = undefined;
      c.council.privacyPolicyUrl = undefined;
    });
    expect(buildSkillPackage(bare, model).warnings).toEqual([
      expect.stringContaining('alexa.endpoint'),
      expect.stringContaining('alexa.smallIconUri'),
      expect.stringContaining('council.privacyPolicyUrl'),
      expect.stringContaining('alexa.accountLinking'),
    ]);
  });
});
