import { describe, expect, it } from 'vitest';
import { MAX_SHUTDOWN_MS, MIN_SHUTDOWN_MS, shutdownBudget } from '../../../src/capture/stdio-transport.js';

describe('shutdownBudget: how long ending a stdio server may take', () => {
  const now = 1_000_000;

  it('is the full budget when the deadline is far, or there is none', () => {
    expect(shutdownBudget(now + 60_000, now)).toBe(MAX_SHUTDOWN_MS);
    expect(shutdownBudget(undefined, now)).toBe(MAX_SHUTDOWN_MS);
  });

  it('is what is left before the deadline: --timeout bounds the shutdown too', () => {
    expect(shutdownBudget(now + 1200, now)).toBe(1200);
  });

  it('keeps a floor once the deadline has passed (a capture that timed out), so SIGTERM can land before SIGKILL', () => {
    expect(shutdownBudget(now - 5000, now)).toBe(MIN_SHUTDOWN_MS);
    expect(MIN_SHUTDOWN_MS).toBeLessThan(MAX_SHUTDOWN_MS);
  });
});
