/** Lambda in-process: runs invoke-loop.js on one bundled handler in a fresh process. */
import { execFile } from 'node:child_process';
import { median, quantile } from './stats';

export interface InProcessResult {
  medianMs: number;
  p99Ms: number;
  /** CPU time per invocation (user + system, this process only), in milliseconds. */
  cpuMs: number;
  /** The answer the handler gave, to show it answered what we asked. */
  sample: unknown;
}

export function measureInProcess(loop: string, handler: string, event: string, iterations: number, env: NodeJS.ProcessEnv = {}): Promise<InProcessResult> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [loop, handler, event, String(iterations)], { env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) return reject(new Error(`${handler}: ${stderr || error.message}`));
      // The handler's own log lines share stdout; the result is the line marked for us.
      const line = stdout.split('\n').find((l) => l.startsWith('@@RESULT '));
      if (!line) return reject(new Error(`${handler}: no result in its output:\n${stdout.slice(-2000)}${stderr}`));
      const { times, cpuMsPerInvocation, sample } = JSON.parse(line.slice('@@RESULT '.length)) as { times: number[]; cpuMsPerInvocation: number; sample: unknown };
      resolve({ medianMs: median(times), p99Ms: quantile(times, 0.99), cpuMs: cpuMsPerInvocation, sample });
    });
  });
}
