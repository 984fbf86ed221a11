/**
 * Each HTTP target runs in its own `node` process, so the load generator (autocannon, in the
 * bench process) never shares an event loop with the server it measures.
 */
import { spawn } from 'node:child_process';

export interface ChildServer {
  url: string;
  /** CPU time (user + system) the server process has used so far, in milliseconds. */
  cpuMs(): Promise<number>;
  stop(): Promise<void>;
}

/** Runs `node script`, waits for it to send `{ port }`, and returns its URL. */
export function startChildServer(script: string, env: NodeJS.ProcessEnv = {}, timeoutMs = 30_000): Promise<ChildServer> {
  const child = spawn(process.execPath, [script], {
    env: { ...process.env, ...env },
    // Logs go to /dev/null: writing them costs the server what it would cost in production,
    // without the bench process spending the shared CPU on reading them.
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const stop = () => new Promise<void>((done) => {
    if (child.exitCode !== null || child.signalCode !== null) return done();
    child.once('exit', () => done());
    child.kill();
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`${script} did not start within ${timeoutMs} ms`));
    }, timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${script} exited with ${code} before listening`));
    });
    child.once('message', (message: { port?: number }) => {
      clearTimeout(timer);
      child.removeAllListeners('exit');
      const cpuMs = () => new Promise<number>((answer) => {
        child.once('message', (reply: { cpuMs: number }) => answer(reply.cpuMs));
        child.send('cpu');
      });
      resolve({ url: `http://127.0.0.1:${message.port}`, cpuMs, stop });
    });
  });
}
