/**
 * An in-memory twin of the council's reporting system (IssueReporter), for handler tests: the
 * test says what the council asks and answers; the twin records every report it was sent.
 */
import type { IssueReport, IssueReporter, ReportQuestion, ReportStatus, SubmitResult } from '../../src/core/council';
import { UnsupportedIssueTypeError } from '../../src/core/reports/errors';

/** What the council's system does with the next report: accept it, queue it, fail, or never answer. */
export type SubmitBehaviour = SubmitResult | { kind: 'fail'; error: Error } | { kind: 'hang' };

export class InMemoryReporter implements IssueReporter {
  /** Reports the council's system took, in order. */
  readonly received: IssueReport[] = [];
  /** Every attempt to send, taken or not. */
  attempts = 0;
  /** Behaviours for the next submits, first first; when empty, reports are accepted with numbered references. */
  readonly next: SubmitBehaviour[] = [];
  questionsFail?: Error;
  /** How long the council takes to answer each report. */
  delayMs = 0;
  private counter = 400120;

  constructor(
    private readonly questions: Record<string, ReportQuestion[]> = {},
    readonly statuses: Record<string, ReportStatus> = {},
    readonly tokens: Record<string, string | undefined> = {},
    private readonly unsupported: string[] = [],
  ) {}

  async questionsFor(issueType: string): Promise<ReportQuestion[]> {
    if (this.unsupported.includes(issueType)) throw new UnsupportedIssueTypeError(issueType);
    if (this.questionsFail) throw this.questionsFail;
    return this.questions[issueType] ?? [];
  }

  async submit(report: IssueReport): Promise<SubmitResult> {
    this.attempts++;
    if (this.delayMs) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    const behaviour = this.next.shift() ?? { kind: 'accepted', reference: String(++this.counter) };
    if (behaviour.kind === 'fail') throw behaviour.error;
    if (behaviour.kind === 'hang') return new Promise<never>(() => {});
    this.received.push(structuredClone(report));
    return behaviour;
  }

  async resolveToken(token: string): Promise<string | undefined> {
    return this.tokens[token];
  }

  async status(reference: string): Promise<ReportStatus | undefined> {
    return this.statuses[reference];
  }
}
