/** What every file a Lambda function ships is built with: Node 22 (nodejs22.x), CommonJS, one file per entry. */
import type { BuildOptions } from 'esbuild';

export const LAMBDA_BUILD = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'cjs',
  // ESM builds first: esbuild shakes them far better than CommonJS (the AWS SDK ships both).
  mainFields: ['module', 'main'],
  legalComments: 'none',
  logLevel: 'warning',
} as const satisfies BuildOptions;
