/**
 * A foreign-key table-table join, as Kafka Streams runs KTable#join(other, foreignKeyExtractor):
 * each left row subscribes to the right row its foreign key names; a left change is answered with
 * that right row, a right change re-emits every left row subscribed to it. The result is keyed by
 * the left table's key and kept, so each change knows the row it replaces.
 *
 * Which changes emit, per Kafka's SubscriptionWrapper instructions: a new left row of an inner join
 * emits only when its right row exists; an updated left row always emits (its previous result must
 * be replaced: by a delete when an inner join finds no right row); a deleted left row emits a
 * delete; a right change emits for every subscriber (a delete, for an inner join, when the right
 * row is gone). Subscribers are visited in the order of their serialized keys, as a prefix scan
 * of Kafka's subscription store visits them.
 */
import { serdesOf } from '../../catalog/formats/serde-factory.js';
import type { JoinLeafStep, JoinStep } from '../../planner/join-steps.js';
import { keyId, RowJoiner, type JoinEvent, type JoinNode, type TimedRow } from './join-event.js';

type Getter = Pick<JoinNode, 'get'>;

interface Subscription {
  readonly key: readonly unknown[];
  readonly bytes: Uint8Array;
  /** The left row's time when it (re)subscribed. */
  timestamp: number;
}

export class ForeignKeyJoin implements JoinNode {
  /** The join's current result rows, by left key. */
  private readonly results = new Map<string, TimedRow>();
  /** The right key each left row subscribes to. */
  private readonly subscribed = new Map<string, string>();
  /** Subscribers per right key. */
  private readonly subscribers = new Map<string, Map<string, Subscription>>();
  private readonly serializeKey: (key: readonly unknown[]) => Uint8Array;

  constructor(
    private readonly step: JoinStep,
    private readonly left: Getter,
    private readonly right: Getter,
    private readonly joiner: RowJoiner,
  ) {
    const serde = serdesOf((step.left as JoinLeafStep).source).key;
    this.serializeKey = (key) => serde.serialize(key) ?? new Uint8Array();
  }

  accept(side: 0 | 1, events: readonly JoinEvent[]): JoinEvent[] {
    const out: JoinEvent[] = [];
    for (const e of events) (side === 0 ? this.onLeft(e, out) : this.onRight(e, out));
    return out;
  }

  get(id: string): TimedRow | undefined {
    return this.results.get(id);
  }

  private onLeft(e: JoinEvent, out: JoinEvent[]): void {
    const previous = this.subscribed.get(e.id);
    if (e.row === null) {
      if (e.old === null || e.old === undefined) return;
      this.unsubscribe(e.id);
      const right = previous === undefined ? undefined : this.right.get(previous);
      this.emit(e, null, Math.max(e.timestamp, right?.timestamp ?? -Infinity), out);
      return;
    }
    const fk = this.step.foreignKey!(e.row);
    const outer = this.step.type === 'LEFT';
    if (fk === null || fk === undefined) {
      this.unsubscribe(e.id);
      if (outer) this.emit(e, this.joiner.join(e.row, null), e.timestamp, out);
      else if (this.results.has(e.id)) this.emit(e, null, e.timestamp, out);
      return;
    }
    const fkId = keyId([fk]);
    this.subscribe(fkId, e);
    const right = this.right.get(fkId);
    if (right) this.emit(e, this.joiner.join(e.row, right.row), Math.max(e.timestamp, right.timestamp), out);
    else if (outer) this.emit(e, this.joiner.join(e.row, null), e.timestamp, out);
    else if (e.old !== null && e.old !== undefined) this.emit(e, null, e.timestamp, out);
  }

  private onRight(e: JoinEvent, out: JoinEvent[]): void {
    const subs = this.subscribers.get(e.id);
    if (!subs) return;
    const ordered = [...subs.entries()].sort(([, a], [, b]) => compareBytes(a.bytes, b.bytes));
    for (const [leftId, sub] of ordered) {
      const left = this.left.get(leftId);
      if (!left) continue;
      const row = e.row ? this.joiner.join(left.row, e.row) : this.step.type === 'LEFT' ? this.joiner.join(left.row, null) : null;
      this.emit({ key: sub.key, id: leftId, headers: e.headers }, row, Math.max(e.timestamp, sub.timestamp), out);
    }
  }

  private subscribe(fkId: string, e: JoinEvent): void {
    if (this.subscribed.get(e.id) !== fkId) this.unsubscribe(e.id);
    this.subscribed.set(e.id, fkId);
    let subs = this.subscribers.get(fkId);
    if (!subs) this.subscribers.set(fkId, (subs = new Map()));
    const existing = subs.get(e.id);
    if (existing) existing.timestamp = e.timestamp;
    else subs.set(e.id, { key: e.key, bytes: this.serializeKey(e.key), timestamp: e.timestamp });
  }

  private unsubscribe(leftId: string): void {
    const fkId = this.subscribed.get(leftId);
    if (fkId === undefined) return;
    this.subscribed.delete(leftId);
    const subs = this.subscribers.get(fkId);
    subs?.delete(leftId);
    if (subs?.size === 0) this.subscribers.delete(fkId);
  }

  private emit(base: Pick<JoinEvent, 'key' | 'id' | 'headers'>, row: unknown[] | null, timestamp: number, out: JoinEvent[]): void {
    const old = this.results.get(base.id)?.row ?? null;
    if (row) this.results.set(base.id, { row, timestamp });
    else this.results.delete(base.id);
    out.push({ key: base.key, id: base.id, row, old, timestamp, headers: base.headers });
  }
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}
