/**
 * `npm run test:e2e`: browser tests. Global setup starts what `npm run dev` starts, on free ports:
 * Azurite (in memory) with the demo catalog, the bot, and one Microsoft 365 Agents Playground per
 * persona; each test file drives the playgrounds in headless Chromium (Debian's /usr/bin/chromium
 * through playwright-core). Screenshots and the processes' logs land in test-results/ (git-ignored).
 *
 * E2E_BOT_ENTRY=path/to/bot.ts runs another bot entry instead of src/index.ts (harness debugging).
 * E2E_CHROMIUM=/path/to/chromium overrides the browser; E2E_HEADED=1 shows it (needs a display).
 */
module.exports = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  roots: ['<rootDir>/test/e2e'],
  testMatch: ['**/test/e2e/**/*.e2e.test.ts'],
  globalSetup: '<rootDir>/test/e2e/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/e2e/support/global-teardown.ts',
  // One browser-driven file at a time: they share one bot and the personas' playgrounds.
  maxWorkers: 1,
  testTimeout: 180000,
  slowTestThreshold: 60,
};
