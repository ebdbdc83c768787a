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
  // The journeys run in band, in Jest's own process: a browser that a failing journey left open
  // (a persistent profile, a Chromium child) would keep it alive after the summary, and CI would wait
  // for it until its own timeout (it did, 75 min). The journeys close what they open in afterEach /
  // finally; this is the net under that, once the results are written.
  forceExit: true,
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }] },
};
