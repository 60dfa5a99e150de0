// Operations checks: real nginx, docker-compose, promtool and the Kubernetes schemas, run offline.
const preset = require('../jest.preset.js');

module.exports = {
  ...preset,
  displayName: 'ops',
  rootDir: __dirname,
  testMatch: ['<rootDir>/test/**/*.spec.ts'],
  // Starting nginx and promtool takes a few hundred milliseconds each on a 2-core machine.
  testTimeout: 30_000,
};
