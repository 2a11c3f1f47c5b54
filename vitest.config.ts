import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Builds dist/ for the end-to-end tests when it is missing or older than the sources.
    globalSetup: ['test/support/build-once.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Integration and e2e tests spawn real servers; two cores are the norm on CI machines.
    maxWorkers: 2,
  },
});
