/** Unit tests (*.spec.ts) and integration tests (*.int-spec.ts, real PostgreSQL) of the API. */
module.exports = {
  displayName: 'api',
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/src/**/*.int-spec.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }] },
  globalSetup: '<rootDir>/src/test/global-setup.ts',
  globalTeardown: '<rootDir>/src/test/global-teardown.ts',
  testTimeout: 30000,
  // Two workers on the two cores (Jest's default is one fewer than the cores: one, and the API's files
  // then ran one after another, ~400 s). Each file clones its own database from the template, so
  // files do not see each other's rows; the fuzz goes first (src/test/sequencer.cjs).
  maxWorkers: 2,
  testSequencer: '<rootDir>/src/test/sequencer.cjs',
  moduleNameMapper: { '^@trama/contracts$': '<rootDir>/../../libs/contracts/src/index.ts' },
};
