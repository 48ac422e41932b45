/**
 * A WINDOW clause in milliseconds. ksqlDB's defaults: a grace period of 24 hours when none is
 * given (Kafka Streams' legacy default that ksqlDB keeps), retention at least size + grace.
 */
import { KsqlStatementError } from '../errors.js';
import type * as ast from '../sql/ast.js';

export type WindowType = 'TUMBLING' | 'HOPPING' | 'SESSION';

export interface WindowPlan {
  readonly type: WindowType;
  /** Window size; for SESSION, the inactivity gap. */
  readonly sizeMs: number;
  /** Hop between window starts (the size for TUMBLING). */
  readonly advanceMs: number;
  readonly graceMs: number;
}

export const DEFAULT_GRACE_MS = 24 * 60 * 60 * 1000;

/**
 * Most time windows one record may fall into (SIZE / ADVANCE BY of a hopping window). Kafka
 * Streams has no such bound and would build every window of the record in memory; past this one
 * the statement is refused instead of the server running out of memory.
 */
export const MAX_WINDOWS_PER_RECORD = 10_000;

export function windowPlan(spec: ast.WindowSpec): WindowPlan {
  const graceMs = spec.grace?.millis ?? DEFAULT_GRACE_MS;
  const plan = planOf(spec, graceMs);
  checkWindow(plan);
  return plan;
}

function planOf(spec: ast.WindowSpec, graceMs: number): WindowPlan {
  switch (spec.type) {
    case 'TUMBLING':
      return { type: 'TUMBLING', sizeMs: spec.size.millis, advanceMs: spec.size.millis, graceMs };
    case 'HOPPING':
      return { type: 'HOPPING', sizeMs: spec.size.millis, advanceMs: spec.advance.millis, graceMs };
    case 'SESSION':
      return { type: 'SESSION', sizeMs: spec.gap.millis, advanceMs: 0, graceMs };
  }
}

/**
 * The bounds Kafka Streams puts on windows (TimeWindows#ofSizeAndGrace and #advanceBy,
 * SessionWindows#ofInactivityGapAndGrace), which ksqlDB reports when the query is built: a size
 * or gap above zero, an advance above zero and no larger than the size, a grace period that is
 * not negative.
 */
function checkWindow(plan: WindowPlan): void {
  const { type, sizeMs, advanceMs, graceMs } = plan;
  if (type === 'SESSION' && !(sizeMs > 0)) throw invalidWindow(`the session gap must be larger than zero, not ${sizeMs} ms`);
  if (type !== 'SESSION' && !(sizeMs > 0)) throw invalidWindow(`the window size must be larger than zero, not ${sizeMs} ms`);
  if (type === 'HOPPING' && !(advanceMs > 0 && advanceMs <= sizeMs)) {
    throw invalidWindow(`the advance must be larger than zero and at most the window size of ${sizeMs} ms, not ${advanceMs} ms`);
  }
  if (!(graceMs >= 0)) throw invalidWindow(`the grace period must not be negative, not ${graceMs} ms`);
  if (type === 'HOPPING' && Math.ceil(sizeMs / advanceMs) > MAX_WINDOWS_PER_RECORD) {
    throw invalidWindow(
      `each record would fall into ${Math.ceil(sizeMs / advanceMs)} windows of ${sizeMs} ms advancing by ${advanceMs} ms; ` +
        `at most ${MAX_WINDOWS_PER_RECORD} are supported`,
    );
  }
}

function invalidWindow(reason: string): KsqlStatementError {
  return new KsqlStatementError(`Invalid window: ${reason}.`);
}

/** The time windows a timestamp falls in, earliest start first (Kafka's TimeWindows#windowsFor). */
export function timeWindowStarts(plan: WindowPlan, timestamp: number): number[] {
  const { sizeMs, advanceMs } = plan;
  const starts: number[] = [];
  let start = Math.max(0, timestamp - sizeMs + advanceMs);
  start -= start % advanceMs;
  for (; start <= timestamp; start += advanceMs) starts.push(start);
  return starts;
}
