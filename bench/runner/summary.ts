/**
 * Turns the rounds' results into the report's rows: medians per side, the gateway's ratio to
 * the ceiling, the target and whether it was met; then the gateway-only rows.
 */
import type { ScenarioRun } from '../scenarios/context.js';
import type { MicroOutput } from '../micro.js';
import { median, round3 } from '../lib/stats.js';
import { describe, KSQLDB_PULL_RATE, meets, targets } from './targets.js';

export type Side = 'ceiling' | 'gateway';

export interface Collected {
  readonly runs: Record<Side, Record<string, ScenarioRun[]>>;
  readonly micro: MicroOutput[];
  idle: ScenarioRun | null;
}

export interface Row {
  readonly metric: string;
  readonly ceiling: number | null;
  readonly gateway: number | string | null;
  readonly ratio: number | null;
  readonly target: string;
  /** null: context only, or no ratio could be formed. */
  readonly pass: boolean | null;
}

export function medianOf(c: Collected, side: Side, label: string, metric: string): number | null {
  return median((c.runs[side][label] ?? []).map((r) => r.metrics[metric]));
}

export function targetRows(c: Collected, s3Subs: readonly number[]): Row[] {
  return targets(s3Subs)
    .filter((t) => c.runs.gateway[t.label] || c.runs.ceiling[t.label])
    .map((t) => {
      const ceiling = medianOf(c, 'ceiling', t.label, t.metric);
      const gateway = medianOf(c, 'gateway', t.label, t.metric);
      // A ceiling figure of zero or less (memory that a collection shrank) gives no ratio to judge.
      const ratio = ceiling !== null && ceiling > 0 && gateway !== null ? round3(gateway / ceiling) : null;
      return { metric: t.title, ceiling, gateway, ratio, target: describe(t), pass: ratio === null ? null : meets(t, ratio) };
    });
}

export function contextRows(c: Collected): Row[] {
  const rows: Row[] = [];
  const pull = medianOf(c, 'gateway', 'S4', 'reqPerSec');
  if (c.runs.gateway.S4) {
    rows.push({ metric: `S4 pull req/s (ratio: ÷ ksqlDB's published ${KSQLDB_PULL_RATE.toLocaleString('en-US')}/s)`, ceiling: null, gateway: pull, ratio: pull === null ? null : round3(pull / KSQLDB_PULL_RATE), target: 'context', pass: null });
  }
  rows.push(...microRows(c.micro));
  if (c.idle) rows.push(idleRow(c.idle));
  return rows;
}

function microRows(micro: readonly MicroOutput[]): Row[] {
  if (micro.length === 0) return [];
  const med = (pick: (m: MicroOutput) => number | undefined): number | null => median(micro.map(pick));
  const row = (metric: string, v: number | null): Row => ({ metric, ceiling: null, gateway: v, ratio: null, target: 'gateway only', pass: null });
  return [
    row('parse+plan µs: SELECT * … EMIT CHANGES', med((m) => m.parsePlanUs.fresh.push)),
    row('parse+plan µs: filtered projection push', med((m) => m.parsePlanUs.fresh.pushFiltered)),
    row('parse+plan µs: pull by key', med((m) => m.parsePlanUs.fresh.pullByKey)),
    row('same text again (plan cache) µs: push', med((m) => m.parsePlanUs.repeated.push)),
    row('same text again (plan cache) µs: pull by key', med((m) => m.parsePlanUs.repeated.pullByKey)),
    row('expressions rows/s: WHERE', med((m) => m.expression.whereRowsPerSec)),
    row('expressions rows/s: WHERE + projection', med((m) => m.expression.whereProjectRowsPerSec)),
    row('expressions rows/s: WHERE + projection + JSON', med((m) => m.expression.whereProjectJsonRowsPerSec)),
  ];
}

function idleRow(idle: ScenarioRun): Row {
  const held = Number(idle.info.held ?? 0);
  const queries = Number(idle.info.queries ?? 0);
  const rss = idle.metrics.rssAllKb;
  const text = `${held}/${queries} held, RSS ${rss === null || rss === undefined ? '?' : (rss / 1024).toFixed(0)} MB`;
  return { metric: `${queries.toLocaleString('en-US')} idle push queries`, ceiling: null, gateway: text, ratio: null, target: 'all held', pass: idle.failures.length === 0 };
}
