/**
 * What flows between the nodes of a join: a keyed row of the joined layout (see
 * src/planner/join-sources.ts), with the time and headers Kafka Streams would forward. A table's
 * change also carries the row it replaces, as ksqlDB's tables send old values downstream.
 */
import type { WindowBounds } from '../../catalog/formats/windowed-key.js';
import { writeJsonValue } from '../../codec/json-write.js';
import type { RecordHeader } from '../../store/topic-log.js';

export interface JoinEvent {
  readonly key: readonly unknown[];
  /** The key's identity: equal keys (and windows) join. */
  readonly id: string;
  /** The joined-layout row; null when a table row is deleted. */
  readonly row: unknown[] | null;
  /** Tables: the row this change replaces (null when there was none). */
  readonly old?: unknown[] | null;
  readonly timestamp: number;
  readonly headers: readonly RecordHeader[];
  readonly window?: WindowBounds;
}

/** A table row as a join reads it: the row and the time of its last change. */
export interface TimedRow {
  readonly row: unknown[];
  readonly timestamp: number;
}

/** A node of the running join: it takes its children's events and gives its own. */
export interface JoinNode {
  accept(side: 0 | 1, events: readonly JoinEvent[]): JoinEvent[];
  /** Table nodes: the current row under a key (Kafka Streams' value getter). */
  get(id: string): TimedRow | undefined;
}

/** Windowed keys join only within the same window. */
export function keyId(key: readonly unknown[], window?: WindowBounds): string {
  const text = writeJsonValue(key);
  return window ? `${text}@${window.start}/${window.end}` : text;
}

/** A key with a NULL part never joins (Kafka Streams drops such records). */
export function hasNullKey(key: readonly unknown[]): boolean {
  return key.length === 0 || key.some((k) => k === null || k === undefined);
}

/** How a step combines its sides' rows: the right side's ranges copied over the left row. */
export class RowJoiner {
  constructor(
    private readonly width: number,
    private readonly rightSections: readonly (readonly [number, number])[],
  ) {}

  join(left: readonly unknown[] | null, right: readonly unknown[] | null): unknown[] {
    const row = left ? left.slice() : new Array<unknown>(this.width).fill(null);
    if (right) {
      for (const [start, end] of this.rightSections) for (let i = start; i < end; i++) row[i] = right[i];
    }
    return row;
  }
}

/** A side's events under the key the step joins them on. */
export function rekey(event: JoinEvent, by: ((row: readonly unknown[]) => unknown) | undefined): JoinEvent {
  if (!by || event.row === null) return event;
  const key = [by(event.row)];
  return { ...event, key, id: keyId(key, event.window) };
}
