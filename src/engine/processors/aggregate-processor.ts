/**
 * GROUP BY: one accumulator per aggregate call per group (and window), updated as records arrive,
 * every update emitted (ksqlDB's tests run without caching). Over a table source, a row's old
 * contribution is undone before its new one is added, each group's update emitted in turn
 * (Kafka Streams' KTable groupBy/aggregate with its subtractor). HAVING deletes a group's row
 * when it stops passing, and emits nothing for a group that neither passes nor passed.
 *
 * Windows follow Kafka Streams: a record joins every time window that contains it unless the
 * window closed (end <= stream time - grace); session windows merge with every session within the
 * gap, the merged-away sessions deleted first; EMIT FINAL holds each window's last result until
 * stream time passes its end plus grace.
 */
import { writeJsonValue } from '../../codec/json-write.js';
import type { WindowBounds } from '../../catalog/formats/windowed-key.js';
import type { AggregationPlan } from '../../planner/aggregation.js';
import type { QueryPlan } from '../../planner/query-plan.js';
import { timeWindowStarts } from '../../planner/window-plan.js';
import type { DecodedRecord } from '../record-reader.js';
import type { RowOrigin } from '../sink.js';
import type { OutputRow, RowProcessor } from './row-processor.js';

interface Group {
  readonly key: readonly unknown[];
  readonly window?: WindowBounds;
  accs: unknown[];
  timestamp: number;
  /** Whether the group's last emitted row passed HAVING (a later failure then deletes it). */
  present: boolean;
}

/** What an update carries forward from the record that caused it. */
type Origin = Pick<RowOrigin, 'timestamp' | 'headers'>;

export function aggregateProcessor(plan: QueryPlan): RowProcessor {
  const agg = plan.aggregation!;
  return new AggregateProcessor(plan, agg);
}

class AggregateProcessor implements RowProcessor {
  private readonly groups = new Map<string, Group>();
  /** Per group key, its sessions ordered by start (session windows only). */
  private readonly sessions = new Map<string, Group[]>();
  /** Previous contribution per input key (table sources). */
  private readonly previous = new Map<string, { row: readonly unknown[]; timestamp: number }>();
  /** EMIT FINAL: the latest row per window, until the window closes. */
  private readonly pending = new Map<string, OutputRow & { readonly closesAt: number }>();
  private streamTime = -Infinity;
  private readonly isTable: boolean;
  private readonly keyCount: number;

  constructor(
    private readonly plan: QueryPlan,
    private readonly agg: AggregationPlan,
  ) {
    this.isTable = plan.source.type === 'TABLE';
    this.keyCount = plan.source.schema.key.length;
  }

  process(decoded: DecodedRecord): readonly OutputRow[] {
    return this.isTable ? this.processTableChange(decoded) : this.processStreamRecord(decoded);
  }

  private processStreamRecord(decoded: DecodedRecord): OutputRow[] {
    if (decoded.tombstone) return [];
    const { row } = decoded;
    if (this.plan.where && this.plan.where(row) !== true) return [];
    const key = this.groupKey(row);
    if (!key) return [];
    const args = this.argsOf(row);
    const out: OutputRow[] = [];
    this.streamTime = Math.max(this.streamTime, decoded.timestamp);
    const window = this.agg.window;
    if (!window) {
      this.update(key, undefined, args, decoded, out);
    } else if (window.type === 'SESSION') {
      this.updateSession(key, args, decoded, out);
    } else {
      for (const start of timeWindowStarts(window, decoded.timestamp)) {
        const bounds = { start, end: start + window.sizeMs };
        if (bounds.end <= this.streamTime - window.graceMs) continue; // late: the window has closed
        this.update(key, bounds, args, decoded, out);
      }
    }
    return this.agg.emitFinal ? this.suppress(out) : out;
  }

  /** A table row's change: undo what its previous version added, then add the new version. */
  private processTableChange(decoded: DecodedRecord): OutputRow[] {
    const { row } = decoded;
    const inputKey = writeJsonValue(row.slice(0, this.keyCount));
    const before = this.previous.get(inputKey);
    const passes = !decoded.tombstone && (!this.plan.where || this.plan.where(row) === true);
    const out: OutputRow[] = [];
    const oldKey = before ? this.groupKey(before.row) : undefined;
    const newKey = passes ? this.groupKey(row) : undefined;
    if (passes && newKey) this.previous.set(inputKey, { row, timestamp: decoded.timestamp });
    else this.previous.delete(inputKey);
    // A change within one group is one update (Kafka Streams sends old and new value together).
    if (oldKey && newKey && groupId(oldKey, undefined) === groupId(newKey, undefined)) {
      const group = this.groups.get(groupId(oldKey, undefined))!;
      this.applyUndo(group, this.argsOf(before!.row));
      this.update(newKey, undefined, this.argsOf(row), decoded, out);
      return out;
    }
    if (oldKey) this.undo(oldKey, this.argsOf(before!.row), decoded, out);
    if (newKey) this.update(newKey, undefined, this.argsOf(row), decoded, out);
    return out;
  }

  private groupKey(row: readonly unknown[]): unknown[] | undefined {
    const key = this.agg.groupBy.map((g) => g(row));
    // ksqlDB drops a row whose grouping expressions give NULL.
    return key.some((k) => k === null || k === undefined) ? undefined : key;
  }

  private argsOf(row: readonly unknown[]): unknown[][] {
    return this.agg.aggregates.map((a) => a.args.map((arg) => arg(row)));
  }

  private newGroup(key: readonly unknown[], window: WindowBounds | undefined, timestamp: number): Group {
    return { key, ...(window ? { window } : {}), accs: this.agg.aggregates.map((a) => a.aggregator.initial()), timestamp, present: false };
  }

  private update(key: unknown[], window: WindowBounds | undefined, args: unknown[][], origin: Origin, out: OutputRow[]): void {
    const id = groupId(key, window);
    let group = this.groups.get(id);
    if (!group) {
      group = this.newGroup(key, window, origin.timestamp);
      this.groups.set(id, group);
    }
    this.agg.aggregates.forEach((a, i) => (group.accs[i] = a.aggregator.add(group.accs[i], args[i]!)));
    group.timestamp = Math.max(group.timestamp, origin.timestamp);
    this.emit(group, origin, group.timestamp, out);
  }

  private undo(key: unknown[], args: unknown[][], origin: Origin, out: OutputRow[]): void {
    const group = this.groups.get(groupId(key, undefined));
    if (!group) return;
    this.applyUndo(group, args);
    group.timestamp = Math.max(group.timestamp, origin.timestamp);
    this.emit(group, origin, group.timestamp, out);
  }

  private applyUndo(group: Group, args: unknown[][]): void {
    this.agg.aggregates.forEach((a, i) => (group.accs[i] = a.aggregator.undo!(group.accs[i], args[i]!)));
  }

  /** Kafka Streams' session merge: every session within the gap joins the new record's. */
  private updateSession(key: unknown[], args: unknown[][], origin: Origin, out: OutputRow[]): void {
    const gap = this.agg.window!.sizeMs;
    const id = writeJsonValue(key);
    // Sessions that ended before the close time are gone from Kafka Streams' store: a record
    // neither joins them nor may start a session that ends before it.
    const closeTime = this.streamTime - this.agg.window!.graceMs - gap;
    const sessions = (this.sessions.get(id) ?? []).filter((s) => s.window!.end >= closeTime);
    const ts = origin.timestamp;
    const merging = sessions.filter((s) => s.window!.end >= ts - gap && s.window!.start <= ts + gap);
    let start = ts;
    let end = ts;
    let accs = this.agg.aggregates.map((a) => a.aggregator.initial());
    for (const s of merging) {
      accs = accs.map((acc, i) => this.agg.aggregates[i]!.aggregator.merge(acc, s.accs[i]));
      start = Math.min(start, s.window!.start);
      end = Math.max(end, s.window!.end);
    }
    accs = accs.map((acc, i) => this.agg.aggregates[i]!.aggregator.add(acc, args[i]!));
    if (end < closeTime) return; // late: the session has closed
    const merged: Group = { key, window: { start, end }, accs, timestamp: end, present: false };
    for (const s of merging) {
      if (s.window!.start === start && s.window!.end === end) {
        merged.present = s.present;
        continue;
      }
      // The merged-away session's delete carries that session's own time (its end).
      if (s.present) out.push(this.tombstone(s, origin, s.timestamp));
    }
    const kept = sessions.filter((s) => !merging.includes(s));
    kept.push(merged);
    kept.sort((a, b) => a.window!.start - b.window!.start);
    this.sessions.set(id, kept);
    this.emit(merged, origin, end, out);
  }

  private aggregateRow(group: Group): unknown[] {
    const row: unknown[] = [...group.key];
    this.agg.aggregates.forEach((a, i) => row.push(a.aggregator.result(group.accs[i])));
    if (group.window) row.push(BigInt(group.window.start), BigInt(group.window.end));
    return row;
  }

  private emit(group: Group, origin: Origin, timestamp: number, out: OutputRow[]): void {
    const row = this.aggregateRow(group);
    const passes = !this.agg.having || this.agg.having(row) === true;
    const was = group.present;
    group.present = passes;
    if (!passes && !was) return;
    const values = this.plan.projection.map((p) => p(row));
    out.push({ values, tombstone: !passes, origin: originOf(origin, timestamp, group.window) });
  }

  private tombstone(group: Group, origin: Origin, timestamp: number): OutputRow {
    const values = this.plan.projection.map((p) => p(this.aggregateRow(group)));
    return { values, tombstone: true, origin: originOf(origin, timestamp, group.window) };
  }

  /**
   * EMIT FINAL: keep the latest row per window and release it once stream time reaches the
   * window's end plus grace. As in Kafka Streams' emit-on-window-close, the window store only
   * retains size + grace, so a window that stream time jumped past (end + grace < stream time)
   * has expired and is never emitted.
   */
  private suppress(rows: readonly OutputRow[]): OutputRow[] {
    const grace = this.agg.window?.graceMs ?? 0;
    for (const r of rows) {
      const w = r.origin.window;
      if (!w) continue;
      const keyId = `${this.keyIdOf(r)}@${w.start}/${w.end}`;
      this.pending.delete(keyId);
      this.pending.set(keyId, { ...r, closesAt: w.end + grace });
    }
    const out: OutputRow[] = [];
    for (const [id, r] of this.pending) {
      if (r.closesAt > this.streamTime) continue;
      this.pending.delete(id);
      if (!r.tombstone && r.closesAt === this.streamTime) out.push({ values: r.values, tombstone: false, origin: r.origin });
    }
    return out.sort((a, b) => a.origin.window!.start - b.origin.window!.start);
  }

  private keyIdOf(r: OutputRow): string {
    const keys = this.plan.columns.flatMap((c, i) => (c.isKey ? [r.values[i]] : []));
    return writeJsonValue(keys);
  }
}

function groupId(key: readonly unknown[], window: WindowBounds | undefined): string {
  const k = writeJsonValue(key);
  return window ? `${k}@${window.start}` : k;
}

function originOf(origin: Origin, timestamp: number, window: WindowBounds | undefined): RowOrigin {
  return { timestamp, headers: origin.headers, ...(window ? { window } : {}) };
}
