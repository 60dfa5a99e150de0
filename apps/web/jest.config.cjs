// Angular unit tests: jest-preset-angular compiles components in JIT and the set-up file
// initialises a zoneless TestBed (the app runs without zone.js too).
const { join } = require('node:path');
const root = join(__dirname, '../..');

module.exports = {
  displayName: 'web',
  rootDir: __dirname,
  preset: 'jest-preset-angular',
  setupFilesAfterEnv: ['<rootDir>/src/test-setup.ts'],
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  transform: {
    '^.+\\.(ts|mjs|js|html)$': ['jest-preset-angular', { tsconfig: '<rootDir>/tsconfig.spec.json', stringifyContentPathRegex: '\\.(html|svg)$' }],
  },
  transformIgnorePatterns: ['node_modules/(?!.*\\.mjs$)'],
  moduleNameMapper: { '^@primetrade/api-client$': join(root, 'libs/api-client/src/index.ts') },
  coverageDirectory: join(root, 'coverage/apps/web'),
};
