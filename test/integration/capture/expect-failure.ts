import { expect } from 'vitest';
import { UserError } from '../../../src/errors.js';

/** The UserError a capture fails with; its message (and hint) must be one line without control characters. */
export async function failure(promise: Promise<unknown>): Promise<UserError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UserError);
  const { message, hint } = error as UserError;
  for (const text of [message, hint ?? '']) expect(text).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
  return error as UserError;
}
