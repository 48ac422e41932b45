/**
 * The stage between a query's decoded input records and its sink: filtering, projection,
 * aggregation. A processor turns one input record into the output rows it causes, in order;
 * state (aggregates, a table's previous rows) lives inside it.
 */
import type { DecodedRecord } from '../record-reader.js';
import type { OutputRow } from '../sink.js';

export type { OutputRow };

export interface RowProcessor {
  /** `input` is the position of the record's source in the plan's inputs (a join has several). */
  process(record: DecodedRecord, input: number): readonly OutputRow[];
}

export const NO_ROWS: readonly OutputRow[] = [];
