/**
 * The council's Open311 server as the skill will use it: which format it speaks, which service
 * each kind of problem a resident can name reaches, the services nothing reaches, and
 * configured service codes the council does not have.
 */
import type { CouncilConfig } from '../config/council-config';
import { Open311Reporter } from '../connectors/open311/open311-reporter';
import { ISSUE_WORDS } from '../connectors/open311/service-match';
import type { Open311Service } from '../connectors/open311/open311-wire';
import type { Council } from '../core/council';
import { UnsupportedIssueTypeError } from '../core/reports/errors';
import { explainError } from './explain-error';
import { fail, info, ok, warn, type Finding, type Section } from './findings';

const REPORT_KEYS = { url: 'reports.endpoint', key: 'reports.apiKey', what: 'The Open311 server' };

/** Services the config names by code that the council's list does not have. */
function wrongCodes(config: CouncilConfig, services: Open311Service[]): Finding[] {
  const codes = new Set(services.map((s) => s.service_code));
  const listed = services.map((s) => s.service_code).join(', ');
  return Object.entries(config.reports?.serviceCodes ?? {})
    .filter(([, code]) => !codes.has(code))
    .map(([issueType, code]) => fail(
      `${issueType} is sent to service code ${code}, which the council's service list does not have: every such report would be refused`,
      `reports.serviceCodes.${issueType}`,
      `use one of the codes the server lists (${listed}), or remove the line to match by name`,
    ));
}

/** Attributes the adapter requires but marks server_set: the skill never sends them, so the council may refuse every report. */
async function requiredServerSet(reporter: Open311Reporter, service: Open311Service): Promise<Finding[]> {
  if (!service.metadata) return [];
  const attributes = await reporter.attributesFor(service);
  return attributes
    .filter((a) => a.required && a.automated === 'server_set')
    .map((a) => warn(`${service.service_code} requires "${a.code}" but marks it server_set, which the skill never sends: ask the adapter's operator whether reports without it are accepted`));
}

/** The API key, tried with a POST no server can file (no service_code). */
async function checkKey(reporter: Open311Reporter): Promise<Finding> {
  try {
    const key = await reporter.checkKey();
    if (key === 'refused') return fail('The Open311 server refuses our API key: every report would wait in the outbox', 'reports.apiKey', 'set the key the council\'s Open311 supplier issued for this server');
    if (key === 'accepted') return ok('The Open311 server accepts our API key');
    return info('The API key could not be tried without sending a report; watch the log for "refuses our API key" after the first one.');
  } catch (error) {
    return explainError(error, REPORT_KEYS);
  }
}

export async function checkReports(council: Council, config: CouncilConfig, spokenName: (issueType: string) => string): Promise<Section> {
  const section: Section = { title: 'Reports (reports, Open311)', findings: [] };
  const reporter = council.reports;
  if (!config.reports || !(reporter instanceof Open311Reporter)) {
    section.findings.push(info('No reports section: residents are told to use the website or phone.'));
    return section;
  }
  let services: Open311Service[];
  try {
    services = await reporter.listServices();
  } catch (error) {
    section.findings.push(explainError(error, REPORT_KEYS));
    return section;
  }
  section.findings.push(ok(`The server answers in ${reporter.format?.toUpperCase() ?? 'an unknown format'} (reports.format: ${config.reports.format}); ${services.length} services`));
  section.findings.push(...wrongCodes(config, services));
  const reached = new Set<string>();
  const issueTypes = [...new Set([...Object.keys(ISSUE_WORDS), ...Object.keys(config.reports.serviceCodes ?? {})])];
  for (const issueType of issueTypes) {
    try {
      const service = await reporter.serviceCodeFor(issueType);
      reached.add(service.service_code);
      const listed = services.some((s) => s.service_code === service.service_code);
      if (listed) section.findings.push(ok(`"${spokenName(issueType)}" (${issueType}) reaches ${service.service_code} ${service.service_name}`));
      section.findings.push(...await requiredServerSet(reporter, service));
    } catch (error) {
      if (error instanceof UnsupportedIssueTypeError) {
        section.findings.push(info(`"${spokenName(issueType)}" (${issueType}) reaches no service: residents are given the website and phone`));
      } else {
        section.findings.push(explainError(error, REPORT_KEYS));
      }
    }
  }
  const unreached = services.filter((s) => !reached.has(s.service_code));
  if (unreached.length > 0) {
    section.findings.push(warn(
      `Nothing a resident can say reaches: ${unreached.map((s) => `${s.service_code} ${s.service_name}`).join('; ')}`,
      'reports.serviceCodes',
      'map a kind of problem to one of these codes if residents should reach it by voice',
    ));
  }
  section.findings.push(await checkKey(reporter));
  return section;
}
