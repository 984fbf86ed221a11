/**
 * The test skill (test-skill.ts) with an in-memory reporter, outbox and council tax API: for
 * conversations about reports and council tax.
 */
import type { Council, ReportQuestion } from '../../src/core/council';
import { InMemoryCouncilTax } from './in-memory-council-tax';
import { InMemoryOutbox } from './in-memory-outbox';
import { InMemoryReporter } from './in-memory-reporter';
import { createTestSkill, type TestSkill } from './test-skill';

/** The council's question for potholes: a required choice, as in the demo council. */
export const POTHOLE_DEPTH: ReportQuestion = {
  code: 'depth',
  question: 'How deep is the pothole?',
  required: true,
  datatype: 'singlevaluelist',
  values: [
    { key: 'shallow', name: 'shallower than a tennis ball' },
    { key: 'deep', name: 'deeper than a tennis ball' },
  ],
};

export const STREET_LIGHT_ON: ReportQuestion = {
  code: 'day_burning',
  question: 'Is the light on during the day?',
  required: true,
  datatype: 'singlevaluelist',
  values: [{ key: 'yes', name: 'yes' }, { key: 'no', name: 'no' }],
};

export interface ReportsTestSkill extends TestSkill {
  reporter: InMemoryReporter;
  outbox: InMemoryOutbox;
  councilTax: InMemoryCouncilTax;
}

export function createReportsTestSkill(options: {
  now?: string;
  reporter?: InMemoryReporter;
  councilTax?: InMemoryCouncilTax;
  council?: Partial<Council>;
  submitBudgetMs?: number;
} = {}): ReportsTestSkill {
  const reporter = options.reporter ?? new InMemoryReporter({ POTHOLE: [POTHOLE_DEPTH], STREET_LIGHT: [STREET_LIGHT_ON] });
  const councilTax = options.councilTax ?? new InMemoryCouncilTax();
  const outbox = new InMemoryOutbox();
  const test = createTestSkill({
    now: options.now,
    council: { reports: reporter, councilTax, ...options.council },
  });
  // The skill reads services on every turn, so services set here reach the handlers.
  test.services.outbox = outbox;
  test.services.reportSubmitBudgetMs = options.submitBudgetMs ?? 200;
  return { ...test, reporter, outbox, councilTax };
}
