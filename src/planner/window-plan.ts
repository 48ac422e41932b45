/**
 * A WINDOW clause in milliseconds. ksqlDB's defaults: a grace period of 24 hours when none is
 * given (Kafka Streams' legacy default that ksqlDB keeps), retention at least size + grace.
 */
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

export function windowPlan(spec: ast.WindowSpec): WindowPlan {
  const graceMs = spec.grace?.millis ?? DEFAULT_GRACE_MS;
  switch (spec.type) {
    case 'TUMBLING':
      return { type: 'TUMBLING', sizeMs: spec.size.millis, advanceMs: spec.size.millis, graceMs };
    case 'HOPPING':
      return { type: 'HOPPING', sizeMs: spec.size.millis, advanceMs: spec.advance.millis, graceMs };
    case 'SESSION':
      return { type: 'SESSION', sizeMs: spec.gap.millis, advanceMs: 0, graceMs };
  }
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
