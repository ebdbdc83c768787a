/**
 * Browser journeys: playwright-core drives the system's Chromium against the running app at
 * E2E_BASE_URL (started by scripts/test.mjs with a fresh database and the demo data).
 */
module.exports = {
  displayName: 'web-e2e',
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.e2e.ts'],
  testTimeout: 60000,
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }] },
};
