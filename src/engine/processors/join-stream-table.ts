/**
 * A stream-table join, as Kafka Streams' KStreamKTableJoin runs it: each stream record looks up
 * the table's current row for its key and is emitted with the stream record's time; an inner join
 * drops a record the table has no row for, a left join emits it with NULLs. Table changes emit
 * nothing: they only change what later stream records find.
 */
import type { JoinStep } from '../../planner/join-steps.js';
import { hasNullKey, rekey, RowJoiner, type JoinEvent, type JoinNode, type TimedRow } from './join-event.js';

export class StreamTableJoin implements JoinNode {
  constructor(
    private readonly step: JoinStep,
    private readonly table: Pick<JoinNode, 'get'>,
    private readonly joiner: RowJoiner,
  ) {}

  accept(side: 0 | 1, events: readonly JoinEvent[]): JoinEvent[] {
    if (side === 1) return [];
    const out: JoinEvent[] = [];
    for (const raw of events) {
      const e = rekey(raw, this.step.leftKey);
      if (e.row === null || hasNullKey(e.key)) continue;
      const found = this.table.get(e.id);
      if (!found && this.step.type === 'INNER') continue;
      out.push({ ...e, row: this.joiner.join(e.row, found?.row ?? null) });
    }
    return out;
  }

  get(): TimedRow | undefined {
    return undefined;
  }
}
