/** Jest runs the TypeScript sources directly through ts-jest; timing assertions live in `npm run bench`, not here. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests', '<rootDir>/src', '<rootDir>/dialogs', '<rootDir>/bench'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.test.json', isolatedModules: true }],
  },
  // kdbush and geokdbush ship ES modules only; let ts-jest turn them into CommonJS for the test runtime.
  transformIgnorePatterns: ['/node_modules/(?!(kdbush|geokdbush|tinyqueue)/)'],
  testTimeout: 30000,
  reporters: ['default', '<rootDir>/tests/summaryReporter.js'],
};
