/**
 * S2: insert→push latency. One writer inserts at a fixed rate; every row carries the µs at which
 * it was serialized; the subscriber (same process, same clock) subtracts it on receipt.
 */
import { closeAll, connectMany, type Call } from '../lib/h2-client.js';
import { insertRows } from '../lib/inserter.js';
import { awaitHeaders, cancelAll, openQuery, type QueryReader } from '../lib/query-reader.js';
import { percentile, round3 } from '../lib/stats.js';
import { nowUs, sleep } from '../lib/time.js';
import { streamDdl, type ScenarioContext, type ScenarioRun } from './context.js';

export async function s2Latency(ctx: ScenarioContext): Promise<ScenarioRun> {
  const { s2Rate: rate, s2Seconds: seconds, s2WarmupS: warmS } = ctx.sizes;
  const total = Math.round(rate * seconds);
  const firstMeasured = Math.round(rate * warmS);
  const name = ctx.name('s2');
  const [subConn, writeConn] = await connectMany(ctx.url, 2);
  try {
    await ctx.ddl(subConn!, streamDdl(name, 'ID BIGINT KEY, V STRING, TS BIGINT'));
    const latencies: number[] = [];
    const q = openQuery(subConn!, `SELECT * FROM ${name} EMIT CHANGES;`, { 'auto.offset.reset': 'latest' }, { onRow: latencyRecorder(latencies, firstMeasured) });
    await awaitHeaders([q]);
    await sleep(500); // the subscription is live on the server before the first row
    const sentAt = new Float64Array(total);
    const ackLatencies: number[] = [];
    const onAck = (seq: number): void => {
      if (seq >= firstMeasured && seq < total) ackLatencies.push((nowUs() - sentAt[seq]!) / 1000);
    };
    const r = await insertRows(writeConn!, name, total, { paced: (c) => writePaced(c, total, rate, sentAt), onAck });
    await waitForRows([q], total, 5000);
    cancelAll([q]);
    await ctx.drop(writeConn!, [`DROP STREAM IF EXISTS ${name};`]);
    const achieved = (total / r.ms) * 1000;
    // Back-pressure slowed the writer: the latencies then include the queue, say so.
    if (achieved < 0.95 * rate) ctx.warnings.push(`S2: the writer reached ${Math.round(achieved)} of ${rate} rows/s`);
    return {
      metrics: {
        p50ms: round3(percentile(latencies, 50)),
        p99ms: round3(percentile(latencies, 99)),
        maxMs: round3(latencies.length ? Math.max(...latencies) : null),
        ackP50ms: round3(percentile(ackLatencies, 50)),
        ackP99ms: round3(percentile(ackLatencies, 99)),
        achievedRate: Math.round(achieved),
      },
      info: { rowsSent: total, acks: r.acks, rowsReceived: q.rows },
      failures: s2Failures(r, q, total),
    };
  } finally {
    closeAll([subConn!, writeConn!]);
  }
}

function latencyRecorder(out: number[], firstMeasured: number) {
  let tsAt = -1;
  let idAt = 0;
  return (line: string, q: QueryReader): void => {
    const now = nowUs();
    if (tsAt < 0) {
      const cols = (q.header?.columnNames ?? []).map((c) => String(c).toUpperCase());
      tsAt = cols.indexOf('TS') >= 0 ? cols.indexOf('TS') : 2;
      idAt = Math.max(0, cols.indexOf('ID'));
    }
    const row = JSON.parse(line) as number[];
    if (row[idAt]! >= firstMeasured) out.push((now - row[tsAt]!) / 1000);
  };
}

/** Writes whatever is due every millisecond, so rows leave at the rate and carry their own time. */
async function writePaced(c: Call, total: number, rate: number, sentAt: Float64Array): Promise<void> {
  const t0 = performance.now();
  let sent = 0;
  while (sent < total && !c.ended) {
    const due = Math.min(total, Math.floor(((performance.now() - t0) / 1000) * rate));
    let s = '';
    for (; sent < due; sent++) {
      const ts = nowUs();
      sentAt[sent] = ts;
      s += `{"ID":${sent},"V":"v${sent}","TS":${ts}}\n`;
    }
    if (s && !c.write(s)) await c.drain();
    await sleep(1);
  }
}

export async function waitForRows(qs: readonly QueryReader[], rows: number, ms: number): Promise<void> {
  const deadline = performance.now() + ms;
  while (qs.some((q) => q.rows < rows && !q.call.ended) && performance.now() < deadline) await sleep(20);
}

function s2Failures(r: { acks: number; errors: number; firstError: string | null }, q: QueryReader, total: number): string[] {
  const f: string[] = [];
  if (r.errors > 0) f.push(`${r.errors} error acks, first: ${r.firstError}`);
  if (r.acks - r.errors !== total) f.push(`${r.acks - r.errors} ok acks for ${total} rows`);
  if (q.rows !== total) f.push(`subscriber received ${q.rows} of ${total} rows${q.call.ended ? ' (its stream ended)' : ''}`);
  return f;
}
