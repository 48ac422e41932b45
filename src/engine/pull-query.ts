/**
 * A pull query over a stream: a scan of what the topic holds when the query starts, partition by
 * partition, that ends by itself.
 */
import type { QueryPlan } from '../planner/query-plan.js';
import type { TopicLog } from '../store/topic-log.js';
import { outputRows } from './explode.js';
import { recordReader } from './record-reader.js';
import type { MaterializedTable } from './materialized-table.js';
import type { QuerySink } from './sink.js';

const BATCH = 500;

export async function runStreamPullQuery(plan: QueryPlan, topic: TopicLog, sink: QuerySink): Promise<void> {
  const reader = recordReader(plan.source);
  const ends = topic.endOffsets();
  const starts = topic.startOffsets();
  const { where, projection, limit } = plan;
  let emitted = 0;
  try {
    for (let p = 0; p < topic.partitions; p++) {
      for (let offset = starts[p]!; offset < ends[p]!; ) {
        const batch = await topic.read(p, offset, Math.min(BATCH, ends[p]! - offset));
        if (batch.length === 0) break;
        offset = batch[batch.length - 1]!.offset + 1;
        for (const record of batch) {
          if (sink.closed) return;
          if (limit !== undefined && emitted >= limit) return sink.end('limit');
          const decoded = reader.read(record);
          if (!decoded || decoded.tombstone) continue;
          if (where && where(decoded.row) !== true) continue;
          for (const out of outputRows(projection.map((f) => f(decoded.row)), plan.explode)) {
            if (limit !== undefined && emitted >= limit) return sink.end('limit');
            await sink.row(out, false, decoded);
            emitted++;
          }
        }
      }
    }
    sink.end(limit !== undefined && emitted >= limit ? 'limit' : 'completed');
  } catch (err) {
    sink.fail(err as Error);
  }
}

/** A pull query over a materialized table: its current rows, filtered, projected and limited. */
export async function runTablePullQuery(plan: QueryPlan, table: MaterializedTable, sink: QuerySink): Promise<void> {
  const { where, projection, limit } = plan;
  const rowtimeAt = plan.scope.rowtimeIndex;
  let emitted = 0;
  try {
    await table.catchUp();
    for (const row of table.scan()) {
      if (sink.closed) return;
      if (where && where(row) !== true) continue;
      for (const out of outputRows(projection.map((f) => f(row)), plan.explode)) {
        if (limit !== undefined && emitted >= limit) return sink.end('limit');
        await sink.row(out, false, { timestamp: Number(row[rowtimeAt]), headers: [] });
        emitted++;
      }
    }
    sink.end(limit !== undefined && emitted >= limit ? 'limit' : 'completed');
  } catch (err) {
    sink.fail(err as Error);
  }
}
