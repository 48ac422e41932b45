/**
 * A persistent query from a table to a table without aggregation (CREATE TABLE AS SELECT over a
 * table): each change is projected; a row that stops passing WHERE becomes a delete of its key,
 * and a change that neither passes now nor passed before is not emitted (Kafka Streams'
 * KTableFilter with old values, which ksqlDB enables).
 */
import { writeJsonValue } from '../../codec/json-write.js';
import type { QueryPlan } from '../../planner/query-plan.js';
import type { DecodedRecord } from '../record-reader.js';
import { NO_ROWS, type OutputRow, type RowProcessor } from './row-processor.js';

export function tableProcessor(plan: QueryPlan): RowProcessor {
  const { where, projection } = plan;
  const keyCount = plan.source.schema.key.length;
  /** Keys whose last row passed WHERE (only kept when there is a WHERE). */
  const passing = new Set<string>();
  return {
    process(decoded: DecodedRecord): readonly OutputRow[] {
      const row = decoded.row;
      const passes = !decoded.tombstone && (!where || where(row) === true);
      if (where) {
        const key = writeJsonValue(row.slice(0, keyCount));
        const passed = passing.has(key);
        if (passes) passing.add(key);
        else passing.delete(key);
        if (!passes && !passed) return NO_ROWS;
      }
      return [{ values: projection.map((p) => p(row)), tombstone: !passes, origin: decoded }];
    },
  };
}
