/**
 * The two-process test (*.cluster-spec.ts): two built API processes on one database behind HAProxy.
 * It needs the built API (`nx run api:build`: the api test target depends on it) and the haproxy
 * binary (Debian's package; .ci/run installs it). Runs after the unit and integration tests.
 */
const base = require('./jest.config.cjs');

module.exports = {
  ...base,
  displayName: 'api-cluster',
  testMatch: ['<rootDir>/src/**/*.cluster-spec.ts'],
  testTimeout: 120000,
};
