/**
 * Push queries that need no state (a stream or a table's changelog, filtered and projected) and
 * start at the latest offset run once per distinct statement: one cursor, one decode and
 * projection per record, and one batch handed to every subscriber, so that each response format
 * encodes a batch once for all of them. A subscriber whose sink fills up leaves the group and goes
 * on alone from the group's position, so a slow client never holds the others back.
 */
import type { QueryPlan } from '../planner/query-plan.js';
import type { Cursor, RecordPosition, StoredRecord, TopicLog } from '../store/topic-log.js';
import { processorFor } from './processors/processor-for.js';
import { runPushQuery, type PushQueryHandle } from './push-query.js';
import { recordReader } from './record-reader.js';
import { RowBatch } from './row-batch.js';
import type { OutputBatch, OutputRow, QuerySink } from './sink.js';

/** Records read per poll: large enough that a batch fills a few DATA frames. */
const BATCH = 1024;

/** A plan can be shared when its processor keeps nothing between records. */
export function isShareable(plan: QueryPlan): boolean {
  return plan.join === undefined && plan.aggregation === undefined && plan.inputs.length === 1;
}

const sourceIds = new WeakMap<object, number>();
let nextSourceId = 0;

/**
 * What makes two push queries the same: the source object (a dropped and re-created source is
 * another one), the statement text after variable substitution, and the request properties.
 */
export function shareKey(plan: QueryPlan, properties: ReadonlyMap<string, string>): string {
  let id = sourceIds.get(plan.source);
  if (id === undefined) sourceIds.set(plan.source, (id = nextSourceId++));
  const props = [...properties].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `${id}\u0000${plan.statementText}\u0000${JSON.stringify(props)}`;
}

export class SharedPushQueries {
  private readonly groups = new Map<string, SharedPushQuery>();

  /** `key` names the plan exactly (source identity, statement text, properties). */
  subscribe(key: string, plan: QueryPlan, topic: TopicLog, sink: QuerySink): PushQueryHandle {
    let group = this.groups.get(key);
    if (!group || group.closed) {
      group = new SharedPushQuery(plan, topic, () => {
        if (this.groups.get(key) === group) this.groups.delete(key);
      });
      this.groups.set(key, group);
    }
    return group.add(sink);
  }

  /** Distinct statements running, and the subscribers they serve together. */
  stats(): { readonly statements: number; readonly subscribers: number } {
    let subscribers = 0;
    for (const g of this.groups.values()) subscribers += g.size;
    return { statements: this.groups.size, subscribers };
  }
}

/** One subscriber: its sink, its LIMIT count, and where its own rows begin. */
class Member {
  emitted = 0;
  /** Offsets per partition below which rows predate the subscription; undefined once passed. */
  from: number[] | undefined;
  /** Set once the member runs on its own cursor. */
  solo: PushQueryHandle | undefined;
  ended = false;
  resolveDone!: () => void;
  readonly done = new Promise<void>((resolve) => (this.resolveDone = resolve));

  constructor(readonly sink: QuerySink) {}
}

class SharedPushQuery {
  private readonly members: Member[] = [];
  private readonly cursor: Cursor;
  private running = false;

  constructor(
    private readonly plan: QueryPlan,
    private readonly topic: TopicLog,
    private readonly onClosed: () => void,
  ) {
    this.cursor = topic.cursor({ from: 'latest' });
  }

  get closed(): boolean {
    return this.cursor.closed;
  }

  get size(): number {
    return this.members.length;
  }

  add(sink: QuerySink): PushQueryHandle {
    const member = new Member(sink);
    const from = this.topic.endOffsets();
    if (!covers(this.cursor.positions(), from)) member.from = from;
    this.members.push(member);
    sink.onClose(() => this.leave(member, () => undefined));
    if (!this.running) this.start();
    return {
      close: () => (member.solo ? member.solo.close() : this.leave(member, () => sink.end('completed'))),
      done: member.done,
    };
  }

  private start(): void {
    this.running = true;
    void this.pump().catch((err: unknown) => {
      for (const m of this.members.slice()) this.leave(m, () => m.sink.fail(err as Error));
    });
  }

  private leave(member: Member, how: () => void): void {
    if (member.ended || member.solo) return;
    member.ended = true;
    const i = this.members.indexOf(member);
    if (i >= 0) this.members.splice(i, 1);
    how();
    member.resolveDone();
    if (this.members.length === 0) this.close();
  }

  private close(): void {
    this.cursor.close();
    this.onClosed();
  }

  private async pump(): Promise<void> {
    const reader = recordReader(this.plan.source);
    const processor = processorFor(this.plan, { persistent: false });
    while (this.members.length > 0 && !this.cursor.closed) {
      const records = await this.cursor.poll(BATCH);
      if (records.length === 0) {
        await this.cursor.wait();
        continue;
      }
      const rows: OutputRow[] = [];
      const origins: StoredRecord[] = [];
      for (const record of records) {
        const decoded = reader.read(record);
        if (!decoded) continue;
        for (const out of processor.process(decoded, 0)) {
          rows.push(out);
          origins.push(record);
        }
      }
      if (rows.length > 0) this.deliver(new RowBatch(rows), origins, this.cursor.positions());
    }
    // The topic went away: its queries stop, as a query on its own cursor does.
    for (const m of this.members.slice()) this.leave(m, () => undefined);
  }

  private deliver(batch: RowBatch, origins: readonly StoredRecord[], next: RecordPosition[]): void {
    for (const member of this.members.slice()) {
      const own = this.rowsFor(member, batch, origins, next);
      if (own === undefined) continue;
      member.emitted += own.rows.length;
      const full = member.sink.write(own);
      if (this.plan.limit !== undefined && member.emitted >= this.plan.limit) this.leave(member, () => member.sink.end('limit'));
      else if (full) this.goSolo(member, full, next);
    }
  }

  /** The part of a batch that belongs to a member: after its subscription, within its LIMIT. */
  private rowsFor(member: Member, batch: RowBatch, origins: readonly StoredRecord[], next: RecordPosition[]): OutputBatch | undefined {
    let rows: readonly OutputRow[] = batch.rows;
    const from = member.from;
    if (from) {
      rows = rows.filter((_, i) => origins[i]!.offset >= from[origins[i]!.partition]!);
      if (covers(next, from)) member.from = undefined;
    }
    const limit = this.plan.limit;
    if (limit !== undefined && rows.length > limit - member.emitted) rows = rows.slice(0, limit - member.emitted);
    if (rows.length === 0) return undefined;
    return rows === batch.rows ? batch : new RowBatch(rows);
  }

  /** A full sink: the member leaves the group and reads on from here with a cursor of its own. */
  private goSolo(member: Member, drained: Promise<void>, next: RecordPosition[]): void {
    const i = this.members.indexOf(member);
    if (i >= 0) this.members.splice(i, 1);
    const offsets = new Map(next.map((p) => [p.partition, Math.max(p.offset, member.from?.[p.partition] ?? 0)]));
    const cursor = this.topic.cursor({ from: 'offsets', offsets });
    member.solo = runPushQuery(this.plan, [cursor], member.sink, {}, { emitted: member.emitted, drained });
    void member.solo.done.finally(() => member.resolveDone());
    if (this.members.length === 0) this.close();
  }
}

/** True when every partition's position is at or past `from`. */
function covers(positions: readonly RecordPosition[], from: readonly number[]): boolean {
  return positions.every((p) => p.offset >= (from[p.partition] ?? 0));
}
