/**
 * Filter and projection, record by record: a stream's events, or a transient query's view of a
 * table's changelog (a delete passes as a tombstone; an update that fails WHERE is dropped).
 */
import type { QueryPlan } from '../../planner/query-plan.js';
import { outputRows } from '../explode.js';
import type { DecodedRecord } from '../record-reader.js';
import { NO_ROWS, type OutputRow, type RowProcessor } from './row-processor.js';

export function streamProcessor(plan: QueryPlan, keepNulls: boolean): RowProcessor {
  const { where, projection, explode } = plan;
  const isStream = plan.source.type === 'STREAM';
  return {
    process(decoded: DecodedRecord): readonly OutputRow[] {
      if (decoded.tombstone && (!keepNulls || (where && isStream))) return NO_ROWS;
      if (!decoded.tombstone && where && where(decoded.row) !== true) return NO_ROWS;
      const projected = projection.map((p) => p(decoded.row));
      if (!explode) return [{ values: projected, tombstone: decoded.tombstone, origin: decoded }];
      return outputRows(projected, explode).map((values) => ({ values, tombstone: decoded.tombstone, origin: decoded }));
    },
  };
}
