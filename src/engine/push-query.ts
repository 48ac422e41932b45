/**
 * Runs a push query: reads the source topic through a cursor, filters and projects each record,
 * and hands rows to the sink one at a time, waiting for each to be taken, so a client that reads
 * slowly stops the cursor instead of growing the server's memory.
 */
import type { QueryPlan } from '../planner/query-plan.js';
import type { Cursor, StartPosition, TopicLog } from '../store/topic-log.js';
import { outputRows } from './explode.js';
import { recordReader, type ReaderOptions } from './record-reader.js';
import type { QuerySink } from './sink.js';

const BATCH = 256;

export interface PushQueryHandle {
  /** Ends the query as `/close-query` does: a clean end of the response. */
  close(): void;
  /** Resolves when the query has stopped, however it stopped. */
  readonly done: Promise<void>;
}

export function startPushQuery(
  plan: QueryPlan,
  topic: TopicLog,
  start: StartPosition,
  sink: QuerySink,
  readerOptions: ReaderOptions = {},
): PushQueryHandle {
  const cursor = topic.cursor(start);
  let ended = false;
  const finish = (how: () => void): void => {
    if (ended) return;
    ended = true;
    cursor.close();
    how();
  };
  sink.onClose(() => finish(() => undefined));
  const done = pump(plan, cursor, sink, finish, readerOptions).catch((err: unknown) => finish(() => sink.fail(err as Error)));
  return { close: () => finish(() => sink.end('completed')), done };
}

async function pump(
  plan: QueryPlan,
  cursor: Cursor,
  sink: QuerySink,
  finish: (how: () => void) => void,
  readerOptions: ReaderOptions,
): Promise<void> {
  const reader = recordReader(plan.source, readerOptions);
  const { where, projection, limit } = plan;
  // Null values on a stream reach only persistent queries; tables always emit their deletes.
  const keepNulls = plan.source.type === 'TABLE' || readerOptions.streamNulls === true;
  let emitted = 0;
  if (limit === 0) return finish(() => sink.end('limit'));
  while (!cursor.closed && !sink.closed) {
    const batch = await cursor.poll(BATCH);
    if (batch.length === 0) {
      await cursor.wait();
      continue;
    }
    for (const record of batch) {
      if (cursor.closed || sink.closed) return;
      const decoded = reader.read(record);
      if (!decoded) continue;
      if (decoded.tombstone && (keepNulls === false || (where && plan.source.type === 'STREAM'))) continue;
      if (!decoded.tombstone && where && where(decoded.row) !== true) continue;
      for (const out of outputRows(projection.map((p) => p(decoded.row)), plan.explode)) {
        await sink.row(out, decoded.tombstone, decoded);
        if (limit !== undefined && ++emitted >= limit) return finish(() => sink.end('limit'));
      }
    }
  }
}
