module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'api',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.e2e-spec.ts'],
  // e2e suites boot the real app on a temporary SQLite file; argon2 hashing makes them CPU-bound.
  testTimeout: 30000,
};
