/**
 * A directory of council files (and its service.yaml) checked when the Lambda bundle is built, as
 * one council file is (compile-config.ts): at cold start each file's `${ENV}` values are filled
 * in and checked, and the deployment is put together (load-deployment.ts's assembleDeployment),
 * without parsing YAML or loading the schema. Checking them at cold start instead cost a
 * two-council Alexa function about 110 ms more than one council's.
 */
import { compileConfigData, parseConfigYaml } from './compile-config';
import type { CompiledDeployment } from './compiled-config';
import { councilConfigSchema } from './council-config';
import { withSharedAddresses, type DeploymentSources } from './load-deployment';
import { serviceConfigSchema } from './service-config';

/**
 * Every file of a directory, checked now; undefined when some file has a value from the
 * environment that only the schema can check (the bundle then checks the files at cold start).
 * Throws ConfigError, naming the file, for a problem no environment could fix.
 */
export function compileDeployment(sources: Extract<DeploymentSources, { kind: 'directory' }>): CompiledDeployment | undefined {
  const serviceData = sources.service && parseConfigYaml(sources.service.text, sources.service.file);
  const service = sources.service && compileConfigData(serviceData, sources.service.file, serviceConfigSchema);
  if (sources.service && !service) return undefined;
  // The gazetteer a council without its own shares, as service.yaml writes it: its references
  // become the council's, filled in at cold start like the council's own.
  const shared = serviceData && typeof serviceData === 'object' ? (serviceData as { addresses?: unknown }).addresses : undefined;
  const councils: CompiledDeployment['councils'] = [];
  for (const source of sources.councils) {
    const { record, sharedAddresses } = withSharedAddresses(parseConfigYaml(source.text, source.file), shared, source.file);
    const compiled = compileConfigData(record, source.file, councilConfigSchema);
    if (!compiled) return undefined;
    councils.push({ compiled, sharedAddresses });
  }
  return { service, councils };
}
