/**
 * A source of a join: its decoded records placed into the joined layout, keyed by the source's
 * key (and window). A stream drops records without a value, which Kafka Streams' joins ignore; a
 * table keeps its latest row per key and sends each change with the row it replaces.
 */
import type { JoinLeafStep } from '../../planner/join-steps.js';
import type { DecodedRecord } from '../record-reader.js';
import { keyId, type JoinEvent, type TimedRow } from './join-event.js';

export class JoinLeaf {
  private readonly rows = new Map<string, TimedRow>();
  private readonly keyCount: number;

  constructor(
    private readonly step: JoinLeafStep,
    private readonly width: number,
  ) {
    this.keyCount = step.source.schema.key.length;
  }

  accept(decoded: DecodedRecord): JoinEvent[] {
    const key = decoded.row.slice(0, this.keyCount);
    const id = keyId(key, decoded.window);
    const base = { key, id, timestamp: decoded.timestamp, headers: decoded.headers, ...(decoded.window ? { window: decoded.window } : {}) };
    if (!this.step.table) return decoded.tombstone ? [] : [{ ...base, row: this.place(decoded.row) }];
    const old = this.rows.get(id)?.row ?? null;
    const row = decoded.tombstone ? null : this.place(decoded.row);
    if (row) this.rows.set(id, { row, timestamp: decoded.timestamp });
    else this.rows.delete(id);
    return [{ ...base, row, old }];
  }

  get(id: string): TimedRow | undefined {
    return this.rows.get(id);
  }

  private place(input: readonly unknown[]): unknown[] {
    const row = new Array<unknown>(this.width).fill(null);
    const { offset } = this.step;
    for (let i = 0; i < input.length; i++) row[offset + i] = input[i];
    return row;
  }
}
