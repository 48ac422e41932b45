/**
 * What counts as a correct answer to a bad statement: a KsqlError with a 4xx status and a message,
 * raised on purpose. An error of any other class would reach the client as a 500; a KsqlError
 * wrapped around a JavaScript error (its `cause`) is a crash with a 400 painted on it. The one
 * deliberate wrapping is the parser's answer to a stack overflow on deeply nested input.
 */
import { KsqlError } from '../../src/errors.js';

const DELIBERATE = /^Maximum call stack size exceeded$/;

export function describeError(err: unknown): string {
  if (err instanceof Error) return err.stack ?? `${err.name}: ${err.message}`;
  return `non-error thrown: ${String(err)}`;
}

function internalCause(err: Error): Error | undefined {
  for (let c = err.cause; c !== undefined && c !== null; c = (c as Error).cause) {
    if (c instanceof KsqlError) continue;
    if (c instanceof RangeError && DELIBERATE.test(c.message)) return undefined;
    return c instanceof Error ? c : new Error(String(c));
  }
  return undefined;
}

/** Undefined when `err` is a proper 4xx answer; otherwise what is wrong with it. */
export function problemWith(err: unknown): string | undefined {
  if (!(err instanceof KsqlError)) return `uncaught (would be a 500): ${describeError(err)}`;
  if (err.status < 400 || err.status >= 500) return `status ${err.status} (${err.errorCode}): ${err.message}`;
  if (err.message.trim() === '') return `empty message (${err.errorCode})`;
  const cause = internalCause(err);
  if (cause) return `internal error behind a ${err.status}: ${err.message}\n  caused by ${describeError(cause)}`;
  return undefined;
}
