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
    // Test files share a worker and its loaded modules instead of starting a fresh one each: about
    // 35 s less CPU per run, most of it re-importing ajv, fast-check and the sources for every unit
    // test file. It holds because no test mocks modules or leaves globals (env, timers, cwd) changed.
    isolate: false,
  },
});
