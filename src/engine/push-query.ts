/**
 * Runs a push query on its own: reads its source topics through cursors, processes each record
 * (filter, projection, aggregation, joins) and hands the sink one batch per poll. When the sink
 * is full the query waits before reading further, so a client that reads slowly stops its cursor
 * instead of growing the server's memory. Push queries that can share their work run through
 * shared-push-query.ts instead, until their sink fills.
 */
import type { QueryPlan } from '../planner/query-plan.js';
import type { Cursor, StartPosition, TopicLog } from '../store/topic-log.js';
import { processorFor } from './processors/processor-for.js';
import { recordReader, type DecodedRecord, type ReaderOptions } from './record-reader.js';
import { RowBatch } from './row-batch.js';
import type { OutputRow, QuerySink } from './sink.js';

const BATCH = 256;

export interface PushQueryHandle {
  /** Ends the query as `/close-query` does: a clean end of the response. */
  close(): void;
  /** Resolves when the query has stopped, however it stopped. */
  readonly done: Promise<void>;
}

/** Where a query picks up when it leaves a shared query: rows counted toward LIMIT, a full sink. */
export interface Resume {
  readonly emitted: number;
  readonly drained: Promise<void>;
}

export function startPushQuery(
  plan: QueryPlan,
  topics: readonly TopicLog[],
  start: StartPosition,
  sink: QuerySink,
  readerOptions: ReaderOptions = {},
): PushQueryHandle {
  // A join reads its tables whole, whatever the offset reset (ksqlDB's JoinNode#buildTable).
  const cursors = topics.map((t, i) => t.cursor(plan.join && plan.inputs[i]?.type === 'TABLE' ? { from: 'earliest' } : start));
  return runPushQuery(plan, cursors, sink, readerOptions);
}

/** Runs a push query over cursors already in place; they are closed when it ends. */
export function runPushQuery(
  plan: QueryPlan,
  cursors: readonly Cursor[],
  sink: QuerySink,
  readerOptions: ReaderOptions = {},
  resume?: Resume,
): PushQueryHandle {
  let ended = false;
  const finish = (how: () => void): void => {
    if (ended) return;
    ended = true;
    for (const c of cursors) c.close();
    how();
  };
  sink.onClose(() => finish(() => undefined));
  const done = pump(plan, cursors, sink, finish, readerOptions, resume).catch((err: unknown) => finish(() => sink.fail(err as Error)));
  return { close: () => finish(() => sink.end('completed')), done };
}

/**
 * Reads every input (one per source; a join has several) and processes records as they arrive.
 * When several inputs have records waiting at once (a join started over existing data), the
 * oldest waiting record goes first, as Kafka Streams picks the partition whose next record has the
 * smallest timestamp; records that arrive one at a time keep their arrival order.
 */
async function pump(
  plan: QueryPlan,
  cursors: readonly Cursor[],
  sink: QuerySink,
  finish: (how: () => void) => void,
  readerOptions: ReaderOptions,
  resume: Resume | undefined,
): Promise<void> {
  const readers = plan.inputs.map((source) => recordReader(source, readerOptions));
  const processor = processorFor(plan, { persistent: readerOptions.streamNulls === true });
  const { limit } = plan;
  let emitted = resume?.emitted ?? 0;
  if (limit !== undefined && emitted >= limit) return finish(() => sink.end('limit'));
  if (resume) await resume.drained;
  const open = (): boolean => !sink.closed && cursors.every((c) => !c.closed);
  const waiting: DecodedRecord[][] = cursors.map(() => []);
  while (open()) {
    let read = 0;
    for (let input = 0; input < cursors.length; input++) {
      if (waiting[input]!.length > 0) continue;
      const batch = await cursors[input]!.poll(BATCH);
      read += batch.length;
      for (const record of batch) {
        const decoded = readers[input]!.read(record);
        if (decoded) waiting[input]!.push(decoded);
      }
    }
    const input = oldestWaiting(waiting);
    if (input < 0) {
      if (read === 0) await (cursors.length === 1 ? cursors[0]!.wait() : Promise.race(cursors.map((c) => c.wait())));
      continue;
    }
    // One input: its whole batch; several: one record, then the inputs are looked at again.
    const batch = cursors.length === 1 ? waiting[input]!.splice(0) : [waiting[input]!.shift()!];
    let rows: OutputRow[] = [];
    for (const decoded of batch) for (const out of processor.process(decoded, input)) rows.push(out);
    if (rows.length === 0 || !open()) continue;
    if (limit !== undefined && rows.length > limit - emitted) rows = rows.slice(0, limit - emitted);
    emitted += rows.length;
    const full = sink.write(new RowBatch(rows));
    if (limit !== undefined && emitted >= limit) return finish(() => sink.end('limit'));
    if (full) await full;
  }
  // The sink ended itself (a client given up on) or a topic went away: let go of the cursors.
  finish(() => undefined);
}

/** The input whose next waiting record is oldest (the first such input on a tie), or -1. */
function oldestWaiting(waiting: readonly (readonly DecodedRecord[])[]): number {
  let best = -1;
  for (let i = 0; i < waiting.length; i++) {
    const head = waiting[i]![0];
    if (head && (best < 0 || head.timestamp < waiting[best]![0]!.timestamp)) best = i;
  }
  return best;
}
