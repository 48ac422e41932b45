/** S1: inserts acked per second on one /inserts-stream. */
import { connect } from '../lib/h2-client.js';
import { insertRows, serializeRows } from '../lib/inserter.js';
import { cpuMeter } from '../lib/proc-stats.js';
import { round3 } from '../lib/stats.js';
import { streamDdl, type ScenarioContext, type ScenarioRun } from './context.js';

export async function s1Inserts(ctx: ScenarioContext): Promise<ScenarioRun> {
  const n = ctx.sizes.s1Rows;
  const name = ctx.name('s1');
  const conn = await connect(ctx.url);
  try {
    await ctx.ddl(conn, streamDdl(name, 'ID BIGINT KEY, V STRING'));
    const batches = serializeRows(n, (i) => ({ ID: i, V: `v${i}` }));
    const cpu = cpuMeter(ctx.pid);
    const r = await insertRows(conn, name, n, { batches });
    const serverCpuMs = cpu();
    await ctx.drop(conn, [`DROP STREAM IF EXISTS ${name};`]);
    const failures: string[] = [];
    if (r.status !== 200) failures.push(`/inserts-stream answered ${r.status}: ${r.firstError ?? ''}`);
    if (r.errors > 0) failures.push(`${r.errors} error acks, first: ${r.firstError}`);
    if (r.acks - r.errors !== n) failures.push(`${r.acks - r.errors} ok acks for ${n} rows`);
    return {
      metrics: { acksPerSec: Math.round((r.acks / r.ms) * 1000), ms: round3(r.ms), serverCpuUsPerRow: perRow(serverCpuMs, n) },
      info: { rows: n, acks: r.acks, errors: r.errors },
      failures,
    };
  } finally {
    conn.close();
  }
}

export function perRow(cpuMs: number | null, rows: number): number | null {
  return cpuMs === null || rows === 0 ? null : round3((cpuMs * 1000) / rows);
}
