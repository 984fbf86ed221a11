/** Tests are TypeScript, type-checked by ts-jest, and mirror src/. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
    // jose 6 ships ES modules only; Node loads them via require(esm), but Jest's own module
    // loader cannot (before Node 24.9), so its files are compiled to CommonJS for tests.
    '^.+/node_modules/jose/.+\\.js$': ['ts-jest', { tsconfig: { allowJs: true, module: 'commonjs', target: 'ES2022' }, isolatedModules: true }],
  },
  transformIgnorePatterns: ['/node_modules/(?!jose/)'],
  testTimeout: 20000,
  // Each file that loads nock gives node:http back when it ends (see the file).
  setupFilesAfterEnv: ['<rootDir>/test/support/nock-per-file.ts'],
  // Two workers suit the 2-core machines CI and developers share. With one worker and no memory
  // limit Jest runs every file in its own main process, where each file's modules (the AWS SDK,
  // ask-sdk, Playwright, ...) pile up until V8 collects them: whole runs grew past Node 22's heap
  // and crashed (exit 134). With a limit, files always run in workers, and a worker that holds
  // more than this after a file is replaced by a fresh one.
  maxWorkers: 2,
  workerIdleMemoryLimit: '700MB',
  // Every test closes its own servers; this only stops a keep-alive socket inside a third-party
  // SDK from holding CI open after the last test has reported.
  forceExit: true,
};
