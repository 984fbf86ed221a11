/** A pino destination that keeps what was written, for tests that read the log back. */
import { Writable } from 'node:stream';

export interface LogCapture {
  stream: Writable;
  /** Everything written so far, as one string. */
  text(): string;
  /** Each line parsed as JSON. */
  lines(): Record<string, unknown>[];
}

export function captureLog(): LogCapture {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  const text = () => chunks.join('');
  return {
    stream,
    text,
    lines: () => text().split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}
