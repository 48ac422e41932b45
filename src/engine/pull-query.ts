/**
 * Pull queries: over a stream, a scan of what the topic holds when the query starts, partition by
 * partition, that ends by itself; over a table, a read of its materialized state.
 */
import type { KeyConstraint, TableAccess } from '../planner/pull-where.js';
import { inRange, rangeText, type WindowRanges } from '../planner/pull-window-bounds.js';
import type { QueryPlan } from '../planner/query-plan.js';
import type { RecordHeader, TopicLog } from '../store/topic-log.js';
import { outputRows } from './explode.js';
import type { MaterializedTable, TableRow } from './materialized-table.js';
import { recordReader } from './record-reader.js';
import { RowBatch } from './row-batch.js';
import type { OutputRow, QuerySink } from './sink.js';

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
        const rows: OutputRow[] = [];
        for (const record of batch) {
          const decoded = reader.read(record);
          if (!decoded || decoded.tombstone) continue;
          if (where && where(decoded.row) !== true) continue;
          for (const values of outputRows(projection.map((f) => f(decoded.row)), plan.explode)) rows.push({ values, tombstone: false, origin: decoded });
        }
        if (sink.closed) return;
        if (limit !== undefined && rows.length > limit - emitted) rows.length = limit - emitted;
        emitted += rows.length;
        if (rows.length > 0) await sink.write(new RowBatch(rows));
        if (limit !== undefined && emitted >= limit) return sink.end('limit');
      }
    }
    sink.end(limit !== undefined && emitted >= limit ? 'limit' : 'completed');
  } catch (err) {
    sink.fail(err as Error);
  }
}

/**
 * A pull query over a materialized table: the rows its WHERE clause lets it read (every row, a
 * key range, or the keys it names: see src/planner/pull-where.ts), filtered, projected and limited.
 * Most pull queries read one key of a table that is up to date, so that path stays synchronous up
 * to the sink: no await unless the table has records to apply or the sink is full.
 */
export async function runTablePullQuery(plan: QueryPlan, access: TableAccess, table: MaterializedTable, sink: QuerySink): Promise<void> {
  const { where, projection, limit, explode } = plan;
  const rowtimeAt = plan.scope.rowtimeIndex;
  let emitted = 0;
  let rows: OutputRow[] = [];
  try {
    if (table.behind()) await table.catchUp();
    for (const { row } of tableRows(access, table)) {
      if (sink.closed) return;
      if (where && where(row) !== true) continue;
      const projected = project(projection, row);
      const outputs = explode ? outputRows(projected, explode) : undefined;
      const count = outputs ? outputs.length : 1;
      for (let i = 0; i < count; i++) {
        if (limit !== undefined && emitted >= limit) {
          if (rows.length > 0) await sink.write(new RowBatch(rows));
          return sink.end('limit');
        }
        rows.push({ values: outputs ? outputs[i]! : projected, tombstone: false, origin: { timestamp: Number(row[rowtimeAt]), headers: NO_HEADERS } });
        emitted++;
        if (rows.length >= BATCH) {
          const full = sink.write(new RowBatch(rows));
          rows = [];
          if (full) await full;
        }
      }
    }
    if (rows.length > 0) {
      const full = sink.write(new RowBatch(rows));
      if (full) await full;
    }
    sink.end(limit !== undefined && emitted >= limit ? 'limit' : 'completed');
  } catch (err) {
    sink.fail(err as Error);
  }
}

const NO_HEADERS: readonly RecordHeader[] = Object.freeze([]);

function project(projection: QueryPlan['projection'], row: readonly unknown[]): unknown[] {
  const values = new Array<unknown>(projection.length);
  for (let i = 0; i < projection.length; i++) values[i] = projection[i]!(row);
  return values;
}

function tableRows(access: TableAccess, table: MaterializedTable): Iterable<TableRow> {
  // One key without window bounds, the most common pull query: read it straight.
  if (access.kind === 'lookup' && access.keys.length === 1 && !access.keys[0]!.windows) return table.rowsOfLiteralKey(access.keys[0]!.key);
  switch (access.kind) {
    case 'scan':
      return table.scan();
    case 'range':
      return rangeRows(access.key, table);
    case 'lookup':
      return lookupRows(access.keys, table);
  }
}

/** ksqlDB reads a key range with both ends included; the WHERE clause trims a strict bound. */
function rangeRows(key: KeyConstraint, table: MaterializedTable): Iterable<TableRow> {
  const bytes = table.keyBytes(key.key);
  if (!bytes) return [];
  const upward = key.operator === 'GREATER_THAN' || key.operator === 'GREATER_THAN_OR_EQUAL';
  return upward ? table.range(bytes, undefined) : table.range(undefined, bytes);
}

/**
 * The rows of each key named, each key once: keys grouped by the partition they hash to, in the
 * order those partitions are first named, and within a group in the order given (ksqlDB's
 * KsLocator). A windowed key yields its windows inside the disjunct's bounds, by window start.
 */
function* lookupRows(keys: readonly KeyConstraint[], table: MaterializedTable): Generator<TableRow> {
  const byPartition = new Map<number, Map<string, { bytes: Uint8Array; windows?: WindowRanges }>>();
  for (const key of keys) {
    const bytes = table.keyBytes(key.key);
    if (!bytes) continue;
    const partition = table.homePartition(bytes);
    if (!byPartition.has(partition)) byPartition.set(partition, new Map());
    const id = `${Buffer.from(bytes).toString('hex')}|${key.windows ? rangeText(key.windows) : ''}`;
    const group = byPartition.get(partition)!;
    if (!group.has(id)) group.set(id, { bytes, ...(key.windows ? { windows: key.windows } : {}) });
  }
  for (const group of byPartition.values()) {
    for (const { bytes, windows } of group.values()) {
      for (const row of table.rowsOfKey(bytes)) if (!windows || inWindows(row, windows)) yield row;
    }
  }
}

function inWindows(row: TableRow, windows: WindowRanges): boolean {
  return row.window !== undefined && inRange(windows.start, row.window.start) && inRange(windows.end, row.window.end);
}
