/**
 * A table-table join on the primary key, as Kafka Streams' KTableKTable{Inner,Left,Right,Outer}Join
 * run it: a change on one side is joined with the other side's current row and emitted with the
 * later of the two times, as the new row and the row it replaces; a side that must be present
 * and is not turns the result into a delete, and nothing is emitted when no result row existed
 * or exists. The join's own rows are never stored: they are read through both sides.
 */
import type { JoinStep } from '../../planner/join-steps.js';
import { RowJoiner, type JoinEvent, type JoinNode, type TimedRow } from './join-event.js';

type Getter = Pick<JoinNode, 'get'>;

export class TableTableJoin implements JoinNode {
  /** Whether a side's rows appear in the result without a partner. */
  private readonly kept: readonly [boolean, boolean];

  constructor(
    step: JoinStep,
    private readonly sides: readonly [Getter, Getter],
    private readonly joiner: RowJoiner,
  ) {
    this.kept = [step.type === 'LEFT' || step.type === 'OUTER', step.type === 'RIGHT' || step.type === 'OUTER'];
  }

  accept(side: 0 | 1, events: readonly JoinEvent[]): JoinEvent[] {
    const out: JoinEvent[] = [];
    for (const e of events) {
      const change = this.change(side, e);
      if (change) out.push(change);
    }
    return out;
  }

  get(id: string): TimedRow | undefined {
    const left = this.sides[0].get(id);
    const right = this.sides[1].get(id);
    if (!(left && right) && !(left && this.kept[0]) && !(right && this.kept[1])) return undefined;
    return { row: this.join(0, left?.row ?? null, right ?? undefined), timestamp: Math.max(left?.timestamp ?? -Infinity, right?.timestamp ?? -Infinity) };
  }

  private change(side: 0 | 1, e: JoinEvent): JoinEvent | undefined {
    const otherSide = side === 0 ? 1 : 0;
    const other = this.sides[otherSide].get(e.id);
    const old = e.old ?? null;
    let row: unknown[] | null;
    let before: unknown[] | null;
    if (!other) {
      // Without the other side only a kept side's rows exist.
      if (!this.kept[side] || (e.row === null && old === null)) return undefined;
      row = e.row && this.join(side, e.row, undefined);
      before = old && this.join(side, old, undefined);
    } else if (this.kept[otherSide]) {
      // The other side's row stays in the result, with this side's row or NULLs.
      row = this.join(side, e.row, other);
      before = this.join(side, old, other);
    } else {
      row = e.row && this.join(side, e.row, other);
      before = old && this.join(side, old, other);
    }
    const timestamp = other ? Math.max(e.timestamp, other.timestamp) : e.timestamp;
    return { key: e.key, id: e.id, row, old: before, timestamp, headers: e.headers, ...(e.window ? { window: e.window } : {}) };
  }

  /** This side's row (or NULLs) with the other side's current row (or NULLs), left side first. */
  private join(side: 0 | 1, mine: unknown[] | null, other: TimedRow | undefined): unknown[] {
    const theirs = other?.row ?? null;
    return side === 0 ? this.joiner.join(mine, theirs) : this.joiner.join(theirs, mine);
  }
}
