/** Unit tests (*.spec.ts) and integration tests (*.int-spec.ts, real PostgreSQL) of the API. */
module.exports = {
  displayName: 'api',
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/src/**/*.int-spec.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }] },
  moduleNameMapper: { '^@trama/contracts$': '<rootDir>/../../libs/contracts/src/index.ts' },
};
