/**
 * What `npm run check-council` found: lines for the officer to read, grouped by back end. A
 * failure is something a resident would run into, and always names the config key to change.
 */

export type FindingLevel = 'ok' | 'info' | 'warn' | 'fail';

export interface Finding {
  level: FindingLevel;
  text: string;
  /** The council config key to change, e.g. `reports.serviceCodes.POTHOLE`. */
  key?: string;
  /** How to change it. */
  fix?: string;
}

export interface Section {
  title: string;
  findings: Finding[];
}

export interface CheckReport {
  sections: Section[];
}

/** Every failure in the report. */
export function failuresIn(report: CheckReport): Finding[] {
  return report.sections.flatMap((section) => section.findings.filter((finding) => finding.level === 'fail'));
}

export const ok = (text: string): Finding => ({ level: 'ok', text });
export const info = (text: string): Finding => ({ level: 'info', text });
export const warn = (text: string, key?: string, fix?: string): Finding => ({ level: 'warn', text, key, fix });
export const fail = (text: string, key: string, fix: string): Finding => ({ level: 'fail', text, key, fix });

const MARKS: Record<FindingLevel, string> = { ok: '✓', info: ' ', warn: '!', fail: '✗' };

/** The report as the officer reads it in a terminal. */
export function formatReport(report: CheckReport): string {
  const lines: string[] = [];
  for (const section of report.sections) {
    lines.push('', section.title);
    for (const finding of section.findings) {
      lines.push(`  ${MARKS[finding.level]} ${finding.text}`);
      if (finding.key) lines.push(`      key: ${finding.key}${finding.fix ? ` — ${finding.fix}` : ''}`);
    }
  }
  const failures = failuresIn(report);
  lines.push('', failures.length === 0
    ? 'Nothing here would fail a resident.'
    : `${failures.length} problem${failures.length === 1 ? '' : 's'} would fail a resident: ${failures.map((f) => f.key).join(', ')}`);
  return lines.join('\n');
}
