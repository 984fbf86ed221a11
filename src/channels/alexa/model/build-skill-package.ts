/**
 * Builds the Alexa skill package's manifest (`skill-package/skill.json`, as the ASK CLI and
 * SMAPI read it) and the account linking request (`deploy/alexa/account-linking.json`) from the
 * council config, so a council's own name, endpoint and policy links flow in. The permissions
 * and interfaces come from the adapter's code, the example phrases from the language model.
 * Account linking is not part of a skill package (ASK deploys only what SMAPI's package format
 * names), so its request lives outside it and is sent with `ask smapi update-account-linking-info`.
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { HANDLED_REQUEST_TYPES } from '../check-envelope';
import { ADDRESS_PERMISSION, REMINDERS_PERMISSION } from '../permissions';
import type { CouncilConfig } from '../../../config/council-config';
import type { LanguageModel } from '../../../language-model/language-model';

export const SKILL_PACKAGE_DIR = path.resolve(__dirname, '../../../../skill-package');

/** Files for deploying the skill that are not part of its package (the account linking request). */
export const ALEXA_DEPLOY_DIR = path.resolve(__dirname, '../../../../deploy/alexa');

/** The account linking request, as `ask smapi update-account-linking-info` takes it. */
export const ACCOUNT_LINKING_FILE = 'account-linking.json';

/** Where the account linking client secret comes from when the request is sent (never the repo). */
export const CLIENT_SECRET_PLACEHOLDER = '${ALEXA_ACCOUNT_LINKING_CLIENT_SECRET}';

export class SkillPackageError extends Error {
  override name = 'SkillPackageError';
}

/**
 * Example phrases after "Alexa, ask <invocation name>", with the connecting word Amazon allows
 * before some ("ask demo council to remind me..."); each sample must be in the model.
 */
const EXAMPLES: { connector?: 'to'; sample: string }[] = [
  { sample: 'when is my bin day' },
  { connector: 'to', sample: 'remind me the night before bin day' },
];

/**
 * Screens the APL document is laid out for (Amazon's viewport profiles): round and landscape
 * hubs from Echo Spot to Echo Show 15, and TVs.
 */
const SUPPORTED_VIEWPORTS = [
  { mode: 'HUB', shape: 'ROUND', minWidth: 100, maxWidth: 599, minHeight: 100, maxHeight: 599 },
  { mode: 'HUB', shape: 'RECTANGLE', minWidth: 960, maxWidth: 1279, minHeight: 480, maxHeight: 599 },
  { mode: 'HUB', shape: 'RECTANGLE', minWidth: 960, maxWidth: 1279, minHeight: 600, maxHeight: 959 },
  { mode: 'HUB', shape: 'RECTANGLE', minWidth: 1280, maxWidth: 1920, minHeight: 600, maxHeight: 1279 },
  { mode: 'TV', shape: 'RECTANGLE', minWidth: 960, maxWidth: 960, minHeight: 540, maxHeight: 540 },
];

export interface SkillPackage {
  manifest: { manifest: Record<string, unknown> };
  /** Present when the config links council accounts. */
  accountLinking?: { accountLinkingRequest: Record<string, unknown> };
  /** What a council still has to do before certification. */
  warnings: string[];
}

/** The interfaces the adapter answers, as the manifest names them. */
export function handledInterfaces(): Record<string, unknown>[] {
  // The adapter sends an APL document (render-visual.ts) to devices listing Alexa.Presentation.APL.
  const interfaces: Record<string, unknown>[] = [{ type: 'ALEXA_PRESENTATION_APL', supportedViewports: SUPPORTED_VIEWPORTS }];
  if (HANDLED_REQUEST_TYPES.has('CanFulfillIntentRequest')) interfaces.push({ type: 'CAN_FULFILL_INTENT_REQUEST' });
  return interfaces;
}

function examplePhrases(invocationName: string, model: LanguageModel): string[] {
  const samples = new Set(model.intents.flatMap((intent) => intent.samples));
  for (const { sample } of EXAMPLES) {
    if (!samples.has(sample)) throw new SkillPackageError(`example phrase "${sample}" is not a sample utterance of the ${model.locale} model`);
  }
  const asks = EXAMPLES.map(({ connector, sample }) => ['Alexa, ask', invocationName, connector, sample].filter(Boolean).join(' '));
  return [`Alexa, open ${invocationName}`, ...asks];
}

/** The store description, naming only the services this council has configured. */
function description(config: CouncilConfig): string {
  const name = config.council.name;
  const parts = [
    `Ask ${name} when your bins are collected and which bin goes out this week, including collections moved for bank holidays.`,
    'Say "remind me the night before bin day" and Alexa will remind you the evening before each of your next collections.',
  ];
  if (config.reports) parts.push('Report a problem such as a pothole or fly-tipping, and ask what is happening with a report you made.');
  if (config.councilTax) {
    parts.push(config.councilTax.account
      ? 'Hear council tax charges and payment dates and, once you link your council account, your balance.'
      : 'Hear council tax charges and payment dates.');
  }
  parts.push('The first time, the skill finds your address from the postcode on your device or the one you say, and remembers it until you ask it to forget you.');
  return parts.join(' ');
}

function endpointOf(uri: string): Record<string, string> {
  // A Lambda function is called by its ARN; a web service must present a trusted certificate.
  return uri.startsWith('arn:') ? { uri } : { uri, sslCertificateType: 'Trusted' };
}

/** The skill package for `config`, with the example phrases checked against `model`. */
export function buildSkillPackage(config: CouncilConfig, model: LanguageModel): SkillPackage {
  const alexa = config.alexa;
  const { council } = config;
  const warnings: string[] = [];
  if (!alexa) warnings.push('alexa.endpoint is not set in the council config: the manifest points at a placeholder');
  if (!alexa?.smallIconUri || !alexa.largeIconUri) warnings.push('alexa.smallIconUri and alexa.largeIconUri are needed before certification');
  if (!council.privacyPolicyUrl) warnings.push('council.privacyPolicyUrl is needed: the skill keeps residents\' addresses');
  if (config.councilTax?.account && !alexa?.accountLinking) warnings.push('councilTax.account is set but alexa.accountLinking is not: residents cannot link their accounts on Alexa');

  const locale: Record<string, unknown> = {
    name: council.name,
    summary: `Bin days, bin reminders and council services from ${council.name}.`,
    description: description(config),
    examplePhrases: examplePhrases(council.invocationName, model),
    keywords: [...new Set(['council', 'bins', 'bin day', 'bin reminders', 'recycling', 'waste collection', ...(alexa?.keywords ?? [])])],
  };
  if (alexa?.smallIconUri) locale.smallIconUri = alexa.smallIconUri;
  if (alexa?.largeIconUri) locale.largeIconUri = alexa.largeIconUri;

  const policies: Record<string, string> = {};
  if (council.privacyPolicyUrl) policies.privacyPolicyUrl = council.privacyPolicyUrl;
  if (council.termsUrl) policies.termsOfUseUrl = council.termsUrl;

  const manifest = {
    manifestVersion: '1.0',
    publishingInformation: {
      locales: { [model.locale]: locale },
      isAvailableWorldwide: false,
      distributionCountries: ['GB'],
      distributionMode: 'PUBLIC',
      category: alexa?.category ?? 'ORGANIZERS_AND_ASSISTANTS',
      testingInstructions: alexa?.testingInstructions
        ?? `Say "open ${council.invocationName}", then "when is my bin day". Share the device postcode when asked, or say a postcode and house number in the council's area.`,
    },
    privacyAndCompliance: {
      allowsPurchases: false,
      usesPersonalInfo: true,
      isChildDirected: false,
      isExportCompliant: true,
      containsAds: false,
      locales: { [model.locale]: policies },
    },
    apis: {
      custom: {
        endpoint: endpointOf(alexa?.endpoint ?? 'https://council-voice.example.org/alexa'),
        interfaces: handledInterfaces(),
      },
    },
    permissions: [ADDRESS_PERMISSION, REMINDERS_PERMISSION].map((name) => ({ name })),
  };

  const link = alexa?.accountLinking;
  const accountLinking = link && {
    accountLinkingRequest: {
      type: 'AUTH_CODE',
      authorizationUrl: link.authorizationUrl,
      accessTokenUrl: link.accessTokenUrl,
      clientId: link.clientId,
      clientSecret: CLIENT_SECRET_PLACEHOLDER,
      accessTokenScheme: link.accessTokenScheme,
      scopes: link.scopes,
      domains: link.domains,
      // Bin days need no council account: residents enable the skill first and link only for council tax.
      skipOnEnablement: true,
    },
  };
  return { manifest: { manifest }, ...(accountLinking ? { accountLinking } : {}), warnings };
}

/** The file text: two-space JSON with a final newline, as the ASK CLI writes it. */
export function toJsonFile(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** Writes `skill-package/skill.json`; returns the warnings. */
export function writeSkillPackage(config: CouncilConfig, model: LanguageModel, dir: string = SKILL_PACKAGE_DIR): string[] {
  const built = buildSkillPackage(config, model);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'skill.json'), toJsonFile(built.manifest));
  return built.warnings;
}

/** Writes `deploy/alexa/account-linking.json`, or removes a stale one when the config links no accounts. */
export function writeAccountLinking(config: CouncilConfig, model: LanguageModel, dir: string = ALEXA_DEPLOY_DIR): void {
  const built = buildSkillPackage(config, model);
  const file = path.join(dir, ACCOUNT_LINKING_FILE);
  if (built.accountLinking) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, toJsonFile(built.accountLinking));
  } else if (existsSync(file)) rmSync(file);
}
