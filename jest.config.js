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
  // Every test closes its own servers; this only stops a keep-alive socket inside a third-party
  // SDK from holding CI open after the last test has reported.
  forceExit: true,
};
