// Shared jest settings for the server-side projects: SWC transforms TypeScript (with decorator
// metadata, which Nest's DI needs) several times faster than ts-jest.
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

const swcrc = JSON.parse(readFileSync(join(__dirname, '.swcrc'), 'utf8'));
swcrc.jsc.baseUrl = __dirname;

module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['@swc/jest', { ...swcrc, swcrc: false }] },
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: {
    '^@primetrade/domain$': join(__dirname, 'libs/domain/src/index.ts'),
    '^@primetrade/infrastructure$': join(__dirname, 'libs/infrastructure/src/index.ts'),
  },
};
