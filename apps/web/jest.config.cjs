// Angular unit tests: jest-preset-angular compiles components in JIT and the set-up file
// initialises a zoneless TestBed (the app runs without zone.js too).
const { join } = require('node:path');
const { createCjsPreset } = require('jest-preset-angular/presets');

const root = join(__dirname, '../..');

module.exports = {
  ...createCjsPreset({ tsconfig: '<rootDir>/tsconfig.spec.json' }),
  displayName: 'web',
  rootDir: __dirname,
  // The preset's jsdom environment ships with jest-preset-angular; no extra package needed.
  testEnvironment: require.resolve('jest-preset-angular/environments/jest-jsdom-env'),
  setupFilesAfterEnv: ['<rootDir>/src/test-setup.ts'],
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  moduleNameMapper: { '^@primetrade/api-client$': join(root, 'libs/api-client/src/index.ts') },
  coverageDirectory: join(root, 'coverage/apps/web'),
};
