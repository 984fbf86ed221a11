/** The day the held-out sentences' dates are relative to: Friday 20 November 2026, midday in London. */
export const EVALUATION_NOW = new Date('2026-11-20T12:00:00Z');
