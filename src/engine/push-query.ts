/**
 * Runs a push query: reads the source topic through a cursor, filters and projects each record,
 * and hands rows to the sink one at a time, waiting for each to be taken, so a client that reads
 * slowly stops the cursor instead of growing the server's memory.
 */
import type { QueryPlan } from '../planner/query-plan.js';
import type { Cursor, StartPosition, TopicLog } from '../store/topic-log.js';
import { processorFor } from './processors/processor-for.js';
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
  topics: readonly TopicLog[],
  start: StartPosition,
  sink: QuerySink,
  readerOptions: ReaderOptions = {},
): PushQueryHandle {
  const cursors = topics.map((t) => t.cursor(start));
  let ended = false;
  const finish = (how: () => void): void => {
    if (ended) return;
    ended = true;
    for (const c of cursors) c.close();
    how();
  };
  sink.onClose(() => finish(() => undefined));
  const done = pump(plan, cursors, sink, finish, readerOptions).catch((err: unknown) => finish(() => sink.fail(err as Error)));
  return { close: () => finish(() => sink.end('completed')), done };
}

/**
 * Reads every input (one per source; a join has several) and processes records as they arrive:
 * each input's waiting records in turn, in the order of the plan's inputs.
 */
async function pump(
  plan: QueryPlan,
  cursors: readonly Cursor[],
  sink: QuerySink,
  finish: (how: () => void) => void,
  readerOptions: ReaderOptions,
): Promise<void> {
  const readers = plan.inputs.map((source) => recordReader(source, readerOptions));
  const processor = processorFor(plan, { persistent: readerOptions.streamNulls === true });
  const { limit } = plan;
  let emitted = 0;
  if (limit === 0) return finish(() => sink.end('limit'));
  const open = (): boolean => !sink.closed && cursors.every((c) => !c.closed);
  while (open()) {
    let read = 0;
    for (let input = 0; input < cursors.length; input++) {
      const batch = await cursors[input]!.poll(BATCH);
      read += batch.length;
      for (const record of batch) {
        if (!open()) return;
        const decoded = readers[input]!.read(record);
        if (!decoded) continue;
        for (const out of processor.process(decoded, input)) {
          await sink.row(out.values, out.tombstone, out.origin);
          if (limit !== undefined && ++emitted >= limit) return finish(() => sink.end('limit'));
        }
      }
    }
    if (read === 0) await (cursors.length === 1 ? cursors[0]!.wait() : Promise.race(cursors.map((c) => c.wait())));
  }
}
