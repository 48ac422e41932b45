/**
 * Runs a query's joins (QueryPlan#join): each input record enters its source's leaf and travels up
 * the tree of joins, each turning it into the rows it causes; the last join's rows then go
 * through WHERE and the projection, or into the GROUP BY over the join. A stream result emits
 * its rows; a table result emits changes, filtered as Kafka Streams' KTableFilter does with old
 * values (a change that neither passes nor passed is dropped, one that stops passing deletes).
 */
import type { JoinPlan, JoinStep, JoinStepNode } from '../../planner/join-steps.js';
import type { QueryPlan } from '../../planner/query-plan.js';
import { outputRows } from '../explode.js';
import type { DecodedRecord } from '../record-reader.js';
import type { RowOrigin } from '../sink.js';
import { aggregateProcessor } from './aggregate-processor.js';
import { RowJoiner, type JoinEvent, type JoinNode } from './join-event.js';
import { ForeignKeyJoin } from './join-foreign-key.js';
import { JoinLeaf } from './join-leaf.js';
import { StreamStreamJoin } from './join-stream-stream.js';
import { StreamTableJoin } from './join-stream-table.js';
import { TableTableJoin } from './join-table-table.js';
import type { OutputRow, RowProcessor } from './row-processor.js';

export function joinProcessor(plan: QueryPlan): RowProcessor {
  const join = plan.join!;
  const tree = new RunningJoin(join);
  const output = plan.aggregation ? aggregateOutput(plan, join) : join.resultType === 'TABLE' ? tableOutput(plan, join) : streamOutput(plan);
  return {
    process(decoded: DecodedRecord, input: number): readonly OutputRow[] {
      return output(tree.feed(input, decoded));
    },
  };
}

type Getter = Pick<JoinNode, 'get'>;

/** The running tree: each leaf with the joins above it, innermost first. */
class RunningJoin {
  private readonly leaves = new Map<number, { leaf: JoinLeaf; path: { node: JoinNode; side: 0 | 1 }[] }>();

  constructor(private readonly plan: JoinPlan) {
    this.build(plan.root);
  }

  feed(input: number, decoded: DecodedRecord): JoinEvent[] {
    const entry = this.leaves.get(input);
    if (!entry) return [];
    let events = entry.leaf.accept(decoded);
    for (const { node, side } of entry.path) {
      if (events.length === 0) break;
      events = node.accept(side, events);
    }
    return events;
  }

  /** Builds a step's node and registers the leaves under it; returns what its parent reads. */
  private build(step: JoinStepNode): { getter: Getter; inputs: number[] } {
    if (step.kind === 'leaf') {
      const leaf = new JoinLeaf(step, this.plan.width);
      this.leaves.set(step.input, { leaf, path: [] });
      return { getter: leaf, inputs: [step.input] };
    }
    const left = this.build(step.left);
    const right = this.build(step.right);
    const node = this.node(step, left.getter, right.getter);
    for (const input of left.inputs) this.leaves.get(input)!.path.push({ node, side: 0 });
    for (const input of right.inputs) this.leaves.get(input)!.path.push({ node, side: 1 });
    return { getter: node, inputs: [...left.inputs, ...right.inputs] };
  }

  private node(step: JoinStep, left: Getter, right: Getter): JoinNode {
    const joiner = new RowJoiner(this.plan.width, step.rightSections);
    switch (step.flavor) {
      case 'STREAM_STREAM':
        return new StreamStreamJoin(step, joiner);
      case 'STREAM_TABLE':
        return new StreamTableJoin(step, right, joiner);
      case 'TABLE_TABLE':
        return new TableTableJoin(step, [left, right], joiner);
      case 'FOREIGN_KEY':
        return new ForeignKeyJoin(step, left, right, joiner);
    }
  }
}

type Output = (events: readonly JoinEvent[]) => OutputRow[];

/** Writes the result key into the row's key section, where the projection's key columns read it. */
function keyed(row: unknown[], key: readonly unknown[]): unknown[] {
  for (let i = 0; i < key.length; i++) row[i] = key[i];
  return row;
}

function keyOnly(width: number, key: readonly unknown[]): unknown[] {
  return keyed(new Array<unknown>(width).fill(null), key);
}

function originOf(e: JoinEvent): RowOrigin {
  return { timestamp: e.timestamp, headers: e.headers, ...(e.window ? { window: e.window } : {}) };
}

function streamOutput(plan: QueryPlan): Output {
  const { where, projection, explode } = plan;
  return (events) => {
    const out: OutputRow[] = [];
    for (const e of events) {
      if (e.row === null) continue;
      const row = keyed(e.row, e.key);
      if (where && where(row) !== true) continue;
      const origin = originOf(e);
      for (const values of outputRows(projection.map((p) => p(row)), explode)) out.push({ values, tombstone: false, origin });
    }
    return out;
  };
}

function tableOutput(plan: QueryPlan, join: JoinPlan): Output {
  const { where, projection } = plan;
  return (events) => {
    const out: OutputRow[] = [];
    for (const e of events) {
      let now = e.row && keyed(e.row, e.key);
      if (where) {
        const before = e.old ? where(keyed(e.old, e.key)) === true : false;
        if (now && where(now) !== true) now = null;
        if (!now && !before) continue;
      }
      const row = now ?? keyOnly(join.width, e.key);
      out.push({ values: projection.map((p) => p(row)), tombstone: now === null, origin: originOf(e) });
    }
    return out;
  };
}

/** GROUP BY over a join: the joined rows are the aggregation's input records. */
function aggregateOutput(plan: QueryPlan, join: JoinPlan): Output {
  const aggregate = aggregateProcessor({ ...plan, source: join.resultSource });
  return (events) =>
    events.flatMap((e) => {
      const row = e.row ? keyed(e.row, e.key) : keyOnly(join.width, e.key);
      const decoded: DecodedRecord = { row, tombstone: e.row === null, timestamp: e.timestamp, headers: e.headers, ...(e.window ? { window: e.window } : {}) };
      return [...aggregate.process(decoded, 0)];
    });
}
