// Shared jest settings for the server-side projects: SWC transforms TypeScript (with decorator
// metadata, which Nest's DI needs) several times faster than ts-jest. Path aliases come from
// tsconfig.base.json through tools/swc-config.js.
const { jestModuleNameMapper, swcConfig } = require('./tools/swc-config');

module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['@swc/jest', { ...swcConfig(), swcrc: false }] },
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: jestModuleNameMapper(),
};
