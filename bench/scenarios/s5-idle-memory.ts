/**
 * S5: server memory per idle push query. On a freshly started server (a heap that already grew
 * hides new allocations), open the queries in steps over a fixed set of connections, read RSS
 * once it settles after each step, and fit a line: KB per query is its slope.
 */
import { closeAll, connectMany, type Connection } from '../lib/h2-client.js';
import { awaitHeaders, cancelAll, openQuery, type QueryReader } from '../lib/query-reader.js';
import { stableRssKb } from '../lib/proc-stats.js';
import { round3, slope } from '../lib/stats.js';
import { streamDdl, type ScenarioContext, type ScenarioRun } from './context.js';

export interface IdleShape {
  readonly queries: number;
  readonly steps: number;
  readonly conns: number;
  readonly settleMs: number;
}

export function s5IdleMemory(ctx: ScenarioContext): Promise<ScenarioRun> {
  const s = ctx.sizes;
  return idleQueries(ctx, { queries: s.s5Queries, steps: s.s5Steps, conns: s.s5Conns, settleMs: s.s5SettleMs });
}

/** The 10 000-query check: the same measurement in one step, reporting whether all were held. */
export function idleHold(ctx: ScenarioContext): Promise<ScenarioRun> {
  const s = ctx.sizes;
  return idleQueries(ctx, { queries: s.idleQueries, steps: 1, conns: s.idleConns, settleMs: s.s5SettleMs });
}

async function idleQueries(ctx: ScenarioContext, shape: IdleShape): Promise<ScenarioRun> {
  const name = ctx.name('idle');
  const conns = await connectMany(ctx.url, shape.conns);
  try {
    await ctx.ddl(conns[0]!, streamDdl(name, 'ID BIGINT KEY, V STRING'));
    const points: [number, number][] = [[0, await rss(ctx, shape.settleMs)]];
    const qs: QueryReader[] = [];
    for (let step = 1; step <= shape.steps; step++) {
      const batch = openBatch(conns, name, Math.round((shape.queries * step) / shape.steps) - qs.length, qs.length);
      qs.push(...batch);
      await awaitHeaders(batch);
      points.push([qs.length, await rss(ctx, shape.settleMs)]);
    }
    const held = qs.filter((q) => !q.call.ended).length;
    cancelAll(qs);
    const afterKb = await rss(ctx, shape.settleMs);
    await ctx.drop(conns[0]!, [`DROP STREAM IF EXISTS ${name};`]);
    const [before, all] = [points[0]![1], points.at(-1)![1]];
    if (ctx.measured && slope(points) <= 0) ctx.warnings.push(`${name}: RSS fell while queries were opened (${points.map((p) => p[1]).join(' → ')} KB); a collection ran, the slope means nothing`);
    return {
      metrics: { kbPerQuery: round3(slope(points)), rssBeforeKb: before, rssAllKb: all, rssAfterCloseKb: afterKb },
      info: { queries: shape.queries, conns: shape.conns, held, rssStepsKb: points.map((p) => p[1]) },
      failures: held === shape.queries ? [] : [`${shape.queries - held} of ${shape.queries} idle push queries had ended when memory was read`],
    };
  } finally {
    closeAll(conns);
  }
}

function openBatch(conns: readonly Connection[], name: string, n: number, offset: number): QueryReader[] {
  return Array.from({ length: n }, (_, i) =>
    openQuery(conns[(offset + i) % conns.length]!, `SELECT * FROM ${name} EMIT CHANGES;`, { 'auto.offset.reset': 'latest' }),
  );
}

async function rss(ctx: ScenarioContext, settleMs: number): Promise<number> {
  const kb = await stableRssKb(ctx.pid, settleMs);
  if (kb === null) throw new Error(`cannot read /proc/${ctx.pid}/status: the server's PID is needed for memory figures`);
  return kb;
}
