/**
 * A deployment: one council file (as ever), or a directory of them with an optional
 * service.yaml. Every file is checked at start-up (or, in a Lambda bundle, when it was built:
 * compile-deployment.ts); a mistake stops the start naming the file and the key, and two
 * councils claiming the same addresses for good name both files.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { CouncilIndex, OwnershipConflict } from '../core/councils/council-index';
import { expandCompiledConfig, type CompiledDeployment } from './compiled-config';
import { councilConfigSchema, type CouncilConfig } from './council-config';
import { checkShape, ConfigError, readYaml } from './load-config';
import { serviceConfigSchema, type ServiceConfig } from './service-config';

export const SERVICE_FILE = 'service.yaml';

/** A config file's name and text (`${ENV}` unexpanded): read from disk, or carried in a Lambda bundle. */
export interface ConfigSource {
  file: string;
  text: string;
}

/** What a deployment is made of, before checking. */
export type DeploymentSources =
  | { kind: 'file'; council: ConfigSource }
  | { kind: 'directory'; service?: ConfigSource; councils: ConfigSource[] };

export interface CouncilEntryConfig {
  /** council.id, or the file's name without `.yaml`; saved in residents' profiles. */
  id: string;
  file: string;
  config: CouncilConfig;
  /** The council file left `addresses` out: it uses the deployment's gazetteer (service.yaml). */
  sharedAddresses?: boolean;
}

export interface DeploymentConfig {
  councils: CouncilEntryConfig[];
  /** service.yaml, or what a deployment without one stands for (see defaultService). */
  service: ServiceConfig['service'];
  /** True for a directory of more than one council: residents' councils are then found by address. */
  several: boolean;
  /** One address gazetteer for every council (service.yaml), when set. */
  addresses?: ServiceConfig['addresses'];
  /**
   * The deployment's own settings in the shape of one council file (name, storage, security, the
   * skill's listing), for whatever serves the whole deployment: the voice routes, the models.
   */
  front: CouncilConfig;
}

const isCouncilFile = (name: string) => /\.ya?ml$/i.test(name) && name.toLowerCase() !== SERVICE_FILE;

/** Reads a council file, or every council file and service.yaml in a directory. */
export function readDeploymentSources(target: string): DeploymentSources {
  let directory: boolean;
  try {
    directory = statSync(target).isDirectory();
  } catch {
    throw new ConfigError(`cannot read council config at ${target} (set COUNCIL_CONFIG to a council file or a directory of them)`);
  }
  const read = (file: string): ConfigSource => ({ file: path.basename(file), text: readFileSync(file, 'utf8') });
  if (!directory) return { kind: 'file', council: read(target) };
  const names = readdirSync(target).sort();
  const councils = names.filter(isCouncilFile).map((name) => read(path.join(target, name)));
  if (councils.length === 0) throw new ConfigError(`${target} has no council files (*.yaml besides ${SERVICE_FILE})`);
  const service = names.find((name) => name.toLowerCase() === SERVICE_FILE);
  return { kind: 'directory', councils, service: service ? read(path.join(target, service)) : undefined };
}

/** Checks every file of a deployment and puts it together. */
export function parseDeployment(sources: DeploymentSources, env: NodeJS.ProcessEnv = process.env): DeploymentConfig {
  if (sources.kind === 'file') {
    const config = checkShape(councilConfigSchema, readYaml(sources.council.text, env, sources.council.file), sources.council.file);
    return deploymentOf(config, sources.council.file);
  }
  const service = sources.service && checkShape(serviceConfigSchema, readYaml(sources.service.text, env, sources.service.file), sources.service.file);
  return assembleDeployment(service, sources.councils.map((source) => parseCouncil(source, service, env)));
}

/** A checked council file of a directory: its name, its config, and whether it uses the deployment's gazetteer. */
export type CheckedCouncil = Omit<CouncilEntryConfig, 'id'>;

/**
 * A directory's checked files put together: ids, each council's claim to its addresses (unique,
 * and none two could share), and the deployment's own settings. Checked files come from
 * parseDeployment, or, in a Lambda bundle, from the configs checked when it was built.
 */
export function assembleDeployment(service: ServiceConfig | undefined, checked: CheckedCouncil[]): DeploymentConfig {
  const councils = checked.map((council) => ({ id: council.config.council.id ?? idFromFile(council.file), ...council }));
  checkOwnership(councils);
  const [first] = councils;
  if (!first) throw new ConfigError('a deployment needs at least one council file');
  if (councils.length === 1 && !service) return { councils, service: serviceOf(first.config), several: false, front: first.config };
  const own = service ?? { service: defaultService(), storage: { kind: 'sqlite' as const } };
  const front: CouncilConfig = {
    ...first.config,
    council: {
      ...first.config.council,
      name: own.service.name,
      invocationName: own.service.invocationName,
      website: own.service.website,
      phone: own.service.phone ?? first.config.council.phone,
      privacyPolicyUrl: own.service.privacyPolicyUrl,
      termsUrl: own.service.termsUrl,
    },
    addresses: own.addresses ?? first.config.addresses,
    storage: own.storage,
    security: own.security,
    alexa: own.alexa,
    dialogflow: own.dialogflow,
  };
  return { councils, service: own.service, several: true, addresses: own.addresses, front };
}

/**
 * A directory checked when the Lambda bundle was built (compile-deployment.ts), at cold start:
 * each file's `${ENV}` values filled in and checked, then put together as parseDeployment would.
 */
export function assembleCompiledDeployment(compiled: CompiledDeployment, env: NodeJS.ProcessEnv = process.env): DeploymentConfig {
  const service = compiled.service && expandCompiledConfig<ServiceConfig>(compiled.service, env);
  return assembleDeployment(service, compiled.councils.map(({ compiled: council, sharedAddresses }) => ({
    file: council.file, config: expandCompiledConfig<CouncilConfig>(council, env), sharedAddresses,
  })));
}

/** A deployment of the one council `config` describes. */
export function deploymentOf(config: CouncilConfig, file = 'council config'): DeploymentConfig {
  return { councils: [{ id: config.council.id ?? idFromFile(file), file, config }], service: serviceOf(config), several: false, front: config };
}

/** `COUNCIL_CONFIG` (a file or a directory) read and checked. */
export function loadDeployment(target: string, env: NodeJS.ProcessEnv = process.env): DeploymentConfig {
  return parseDeployment(readDeploymentSources(target), env);
}

function idFromFile(file: string): string {
  return path.basename(file).replace(/\.ya?ml$/i, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/** A deployment of several councils without service.yaml: a neutral name, GOV.UK's council finder. */
function defaultService(): ServiceConfig['service'] {
  return { name: 'Council Voice', invocationName: 'council voice', website: 'https://www.gov.uk/find-local-council', timeZone: 'Europe/London' };
}

function serviceOf(config: CouncilConfig): ServiceConfig['service'] {
  const { name, invocationName, website, phone, timeZone, privacyPolicyUrl, termsUrl } = config.council;
  return { name, invocationName, website, phone, timeZone, privacyPolicyUrl, termsUrl };
}

function parseCouncil(source: ConfigSource, service: ServiceConfig | undefined, env: NodeJS.ProcessEnv): CheckedCouncil {
  const { record, sharedAddresses } = withSharedAddresses(readYaml(source.text, env, source.file), service?.addresses, source.file);
  return { file: source.file, config: checkShape(councilConfigSchema, record, source.file), sharedAddresses };
}

/**
 * A council file's data with the deployment's gazetteer (service.yaml's `addresses`) in place when
 * it names none of its own; a council with neither cannot find anyone's address.
 */
export function withSharedAddresses(raw: unknown, shared: unknown, file: string): { record: unknown; sharedAddresses: boolean } {
  const record = raw && typeof raw === 'object' && !Array.isArray(raw) ? raw as Record<string, unknown> : undefined;
  if (!record || Object.hasOwn(record, 'addresses')) return { record: raw, sharedAddresses: false };
  if (!shared) throw new ConfigError(`${file}: addresses: missing (give the council its own, or set addresses in ${SERVICE_FILE} for every council)`);
  return { record: { ...record, addresses: shared }, sharedAddresses: true };
}

/** Ids unique, each council saying what is its own, and no two claims that could never be told apart. */
function checkOwnership(councils: CouncilEntryConfig[]): void {
  const files = new Map<string, string>();
  for (const { id, file, config } of councils) {
    const other = files.get(id);
    if (other !== undefined) throw new ConfigError(`${other} and ${file} are both council "${id}" (set council.id in one of them)`);
    files.set(id, file);
    if (councils.length > 1 && !config.council.postcodes && config.council.custodianCode === undefined) {
      throw new ConfigError(`${file}: council.postcodes or council.custodianCode: say which addresses are this council's`);
    }
  }
  try {
    new CouncilIndex(councils.map(({ id, config }) => ({ id, postcodes: config.council.postcodes, custodianCode: config.council.custodianCode })));
  } catch (error) {
    if (!(error instanceof OwnershipConflict)) throw error;
    const claim = error.claim.replaceAll(error.second, files.get(error.second) ?? error.second);
    throw new ConfigError(`${files.get(error.first)} and ${files.get(error.second)} both claim ${claim}`);
  }
}
