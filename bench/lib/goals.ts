/**
 * Issue 16's figures, each beside its goal, from numbers taken in the same run: the HTTP server
 * against the Express peer, the Lambda function against a bare ask-sdk-core skill (with and
 * without one DynamoDB read). Shown, never asserted: speed belongs here, not in the tests.
 */
import { ratio } from './stats';
import { fixed, times } from './table';

export interface GoalInputs {
  http: {
    peer: { cpuUs: number; reqPerSec: number };
    floor: { cpuUs: number; reqPerSec: number };
    /** The floor reading the resident's profile from SQLite: the least one of our answers can cost. */
    floorStore: { cpuUs: number; reqPerSec: number };
    ours: { cpuUs: number; reqPerSec: number };
  };
  /** Cold start over an empty node process, in ms: wall time seen from outside, and the process's CPU. */
  cold: { bare: { wallMs: number; cpuMs: number }; bareStore: { wallMs: number; cpuMs: number }; ours: { wallMs: number; cpuMs: number } };
  /** Median ms per warm in-process invocation. */
  warm: { bareStore: number; ours: number };
}

export interface Goal {
  figure: string;
  baseline: string;
  ours: string;
  goal: string;
  met: boolean;
}

/** The goals of issue 16, evaluated. */
export function evaluateGoals({ http, cold, warm }: GoalInputs): Goal[] {
  const cpuRatio = ratio(http.peer.cpuUs, http.ours.cpuUs);
  const rateRatio = ratio(http.ours.reqPerSec, http.peer.reqPerSec);
  const warmRatio = ratio(warm.ours, warm.bareStore);
  return [
    {
      figure: 'HTTP CPU per request',
      baseline: `peer ${fixed(http.peer.cpuUs, 0)} us, floor ${fixed(http.floor.cpuUs, 0)} us, floor + 1 read ${fixed(http.floorStore.cpuUs, 0)} us`,
      ours: `${fixed(http.ours.cpuUs, 0)} us (peer/ours ${times(cpuRatio)})`,
      goal: `<= peer/3 = ${fixed(http.peer.cpuUs / 3, 0)} us`,
      met: cpuRatio >= 3,
    },
    {
      figure: 'HTTP requests/s',
      baseline: `peer ${fixed(http.peer.reqPerSec, 0)}, floor ${fixed(http.floor.reqPerSec, 0)}, floor + 1 read ${fixed(http.floorStore.reqPerSec, 0)}`,
      ours: `${fixed(http.ours.reqPerSec, 0)} (${times(rateRatio)} the peer)`,
      goal: '>= 3x the peer',
      met: rateRatio >= 3,
    },
    {
      figure: 'Lambda cold start over empty node (CPU)',
      baseline: `bare +${fixed(cold.bare.cpuMs, 1)} ms, bare + 1 read +${fixed(cold.bareStore.cpuMs, 1)} ms`,
      ours: `+${fixed(cold.ours.cpuMs, 1)} ms`,
      goal: '<= +60 ms',
      met: cold.ours.cpuMs <= 60,
    },
    {
      figure: 'Lambda cold start over empty node (wall)',
      baseline: `bare +${fixed(cold.bare.wallMs, 1)} ms, bare + 1 read +${fixed(cold.bareStore.wallMs, 1)} ms`,
      ours: `+${fixed(cold.ours.wallMs, 1)} ms`,
      goal: '<= +60 ms',
      met: cold.ours.wallMs <= 60,
    },
    {
      figure: 'Lambda in-process, warm (median)',
      baseline: `bare + 1 DynamoDB read ${fixed(warm.bareStore, 3)} ms`,
      ours: `${fixed(warm.ours, 3)} ms (${times(warmRatio)})`,
      goal: '<= 1.2x',
      met: warmRatio <= 1.2,
    },
  ];
}

/** The goals as a table of their own, printed above the details. */
export function formatGoals(goals: Goal[]): string {
  const header = ['figure', 'peer / floor / bare', 'ours', 'goal', ''];
  const rows = goals.map((goal) => [goal.figure, goal.baseline, goal.ours, goal.goal, goal.met ? 'met' : 'MISSED']);
  const widths = header.map((_, i) => Math.max(...[header, ...rows].map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
