/**
 * Unit and component tests of the web app (jsdom + Testing Library), CommonJS Jest + ts-jest.
 * react-router 8 (with @remix-run/route-pattern and cookie-es), react-leaflet 5 and supercluster 9 (with kdbush) ship ES modules
 * only: they are transpiled to CommonJS like our sources.
 */
const esmOnly = ['react-router', '@remix-run', 'cookie-es', 'react-leaflet', '@react-leaflet/core', 'supercluster', 'kdbush'];

module.exports = {
  displayName: 'web',
  rootDir: __dirname,
  testEnvironment: '<rootDir>/src/test/jsdom-environment.cjs',
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/src/**/*.spec.tsx'],
  setupFilesAfterEnv: ['<rootDir>/jest.setup.ts'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
    '^.+\\.m?js$': '<rootDir>/src/test/esm-transformer.cjs',
  },
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnly.join('|')})/)`],
  moduleNameMapper: {
    '^@trama/contracts$': '<rootDir>/../../libs/contracts/src/index.ts',
    '^@trama/api-client$': '<rootDir>/../../libs/api-client/src/index.ts',
    '\\.css$': '<rootDir>/src/test/style-stub.cjs',
    // the signed-in texts' own module (`loadSignedInTexts`): the catalogue itself in tests
    '^\\./it\\.json\\?raw$': '<rootDir>/src/lib/i18n/it.json',
  },
  testEnvironmentOptions: { url: 'http://localhost/' },
};
