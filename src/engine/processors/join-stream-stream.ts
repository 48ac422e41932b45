/**
 * A stream-stream join within a window, as Kafka Streams' KStreamKStreamJoin runs it: each side
 * keeps its records in a window store; a record joins every record of the other side with the
 * same key whose time lies within the window (before and after, from the left's view), and each
 * pair is emitted with the later of the two timestamps.
 *
 * A record of an outer side that finds no partner: without GRACE PERIOD it is emitted at once
 * with NULLs for the other side (the deprecated JoinWindows.of that ksqlDB keeps); with GRACE
 * PERIOD it waits until its window closes (stream time past its time + window + grace), so a late
 * partner can still join, unless its window has already closed when it arrives. A store only
 * answers for times within its retention (window + grace) of the latest record it holds, which is
 * how late records stop joining.
 */
import type { JoinStep, JoinWindow } from '../../planner/join-steps.js';
import { hasNullKey, rekey, RowJoiner, type JoinEvent, type JoinNode, type TimedRow } from './join-event.js';

/** One side's records by key, in time order (Kafka Streams' window store with duplicates). */
class WindowStore {
  private readonly byKey = new Map<string, JoinEvent[]>();
  private observed = -Infinity;
  private puts = 0;

  constructor(private readonly retentionMs: number) {}

  put(event: JoinEvent): void {
    this.observed = Math.max(this.observed, event.timestamp);
    let list = this.byKey.get(event.id);
    if (!list) this.byKey.set(event.id, (list = []));
    let i = list.length;
    while (i > 0 && list[i - 1]!.timestamp > event.timestamp) i--;
    list.splice(i, 0, event);
    if (++this.puts % 1024 === 0) this.expire();
  }

  /** Records with the key and a time in [from, to], never older than the retention allows. */
  fetch(id: string, from: number, to: number): JoinEvent[] {
    const list = this.byKey.get(id);
    if (!list) return [];
    const lower = Math.max(from, this.observed - this.retentionMs + 1);
    const out: JoinEvent[] = [];
    for (let i = firstAtOrAfter(list, lower); i < list.length && list[i]!.timestamp <= to; i++) out.push(list[i]!);
    return out;
  }

  private expire(): void {
    const lower = this.observed - this.retentionMs + 1;
    for (const [id, list] of this.byKey) {
      const kept = list.filter((e) => e.timestamp >= lower);
      if (kept.length === 0) this.byKey.delete(id);
      else if (kept.length !== list.length) this.byKey.set(id, kept);
    }
  }
}

/** Binary search: the first record at or after a time in a time-ordered list. */
function firstAtOrAfter(list: readonly JoinEvent[], time: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]!.timestamp < time) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

interface Held {
  readonly side: 0 | 1;
  readonly event: JoinEvent;
}

export class StreamStreamJoin implements JoinNode {
  private readonly stores: readonly [WindowStore, WindowStore];
  private readonly outer: readonly [boolean, boolean];
  private readonly window: JoinWindow;
  /** Unmatched records of outer sides, oldest first, while their window is open (GRACE PERIOD). */
  private held: Held[] = [];
  /** The latest record time seen on either side. */
  private streamTime = -Infinity;

  constructor(
    private readonly step: JoinStep,
    private readonly joiner: RowJoiner,
  ) {
    this.window = step.window!;
    const retention = this.window.beforeMs + this.window.afterMs + this.window.graceMs;
    this.stores = [new WindowStore(retention), new WindowStore(retention)];
    this.outer = [step.type === 'LEFT' || step.type === 'OUTER', step.type === 'RIGHT' || step.type === 'OUTER'];
  }

  accept(side: 0 | 1, events: readonly JoinEvent[]): JoinEvent[] {
    const out: JoinEvent[] = [];
    const by = side === 0 ? this.step.leftKey : this.step.rightKey;
    for (const e of events) this.process(side, rekey(e, by), out);
    return out;
  }

  get(): TimedRow | undefined {
    return undefined;
  }

  private process(side: 0 | 1, e: JoinEvent, out: JoinEvent[]): void {
    if (e.row === null || hasNullKey(e.key)) return;
    const w = this.window;
    const ts = e.timestamp;
    const [before, after] = side === 0 ? [w.beforeMs, w.afterMs] : [w.afterMs, w.beforeMs];
    const to = Math.max(0, ts + after);
    this.streamTime = Math.max(this.streamTime, ts);
    if (w.holdUnmatched && ts === this.streamTime) this.emitClosed(e, out);
    const other = side === 0 ? 1 : 0;
    const matches = this.stores[other].fetch(e.id, Math.max(0, ts - before), to);
    for (const m of matches) {
      this.release(other, m);
      out.push(this.joined(side, e, m, Math.max(ts, m.timestamp)));
    }
    if (matches.length === 0 && this.outer[side]) {
      if (!w.holdUnmatched || to < this.streamTime) out.push(this.joined(side, e, null, ts));
      else this.hold(side, e);
    }
    this.stores[side].put(e);
  }

  private joined(side: 0 | 1, e: JoinEvent, other: JoinEvent | null, timestamp: number, headers = e.headers): JoinEvent {
    const row = side === 0 ? this.joiner.join(e.row, other?.row ?? null) : this.joiner.join(other?.row ?? null, e.row);
    return { key: e.key, id: e.id, row, timestamp, headers, ...(e.window ? { window: e.window } : {}) };
  }

  /** One held record per side, key and time: a later one replaces it, as in Kafka's outer store. */
  private hold(side: 0 | 1, event: JoinEvent): void {
    this.release(side, event);
    let i = this.held.length;
    while (i > 0 && this.held[i - 1]!.event.timestamp > event.timestamp) i--;
    this.held.splice(i, 0, { side, event });
  }

  private release(side: 0 | 1, event: JoinEvent): void {
    const at = this.held.findIndex((h) => h.side === side && h.event.id === event.id && h.event.timestamp === event.timestamp);
    if (at >= 0) this.held.splice(at, 1);
  }

  /** Emits the held records whose window has closed, with the headers of the record that closed it. */
  private emitClosed(trigger: JoinEvent, out: JoinEvent[]): void {
    const w = this.window;
    while (this.held.length > 0) {
      const { side, event } = this.held[0]!;
      const lookahead = side === 0 ? w.afterMs : w.beforeMs;
      if (event.timestamp + lookahead + w.graceMs >= this.streamTime) break;
      this.held.shift();
      out.push(this.joined(side, event, null, event.timestamp, trigger.headers));
    }
  }
}
