/**
 * The guards `npm run bundle` keeps (scripts/bundle/inspect.ts): the built bundles in bundle.test.ts
 * pass them, so this shows they would refuse what they are there to refuse.
 */
import type { Metafile } from 'esbuild';
import { inspectBundle } from '../../scripts/bundle/inspect';

const output = (inputs: Record<string, number>): Metafile => ({
  inputs: {},
  outputs: { '.build/alexa/index.js': { bytes: 1234, imports: [], exports: [], inputs: Object.fromEntries(Object.entries(inputs).map(([file, bytesInOutput]) => [file, { bytesInOutput }])) } },
});

describe('what a Lambda bundle may not carry', () => {
  test('names each forbidden input with the reason, and counts bytes by package', () => {
    const contents = inspectBundle(output({
      'node_modules/express/lib/express.js': 500,
      'src/simulator/create-simulator.ts': 300,
      'node_modules/@aws-sdk/client-dynamodb/dist-es/index.js': 200,
      'src/core/skill.ts': 100,
      'node_modules/better-sqlite3/lib/index.js': 0,
    }), '.build/alexa/index.js');
    expect(contents.forbidden).toEqual([
      'node_modules/express/lib/express.js: Express is for the local server',
      'src/simulator/create-simulator.ts: the simulator is a local tool',
      'node_modules/@aws-sdk/client-dynamodb/dist-es/index.js: the AWS SDK is too slow to load; the stores sign their own requests',
    ]);
    expect(contents.bytes).toBe(1234);
    expect(contents.byPackage[0]).toEqual(['express', 500]);
  });

  test('lets a bundle of the core and its allowed packages through', () => {
    expect(inspectBundle(output({ 'src/core/skill.ts': 100, 'node_modules/i18next/dist/esm/i18next.js': 50 }), '.build/alexa/index.js').forbidden).toEqual([]);
  });
});
