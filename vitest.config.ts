import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Builds dist/ for the end-to-end tests when it is missing or older than the sources.
    globalSetup: ['test/support/build-once.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Integration and e2e tests spawn real servers; two cores are the norm on CI machines. A third
    // worker keeps both cores busy while a test waits on a server, a timeout or a signal: ten of the
    // e2e files took 77 s instead of 102 s, for the same CPU time.
    maxWorkers: 3,
    // Test files share a worker and its loaded modules instead of starting a fresh one each: about
    // 35 s less CPU per run, most of it re-importing ajv, fast-check and the sources for every unit
    // test file. It holds because no test mocks modules or leaves globals (env, timers, cwd) changed.
    isolate: false,
  },
});
