/**
 * S3: fan-out. K identical push subscribers on one HTTP/2 connection or on one connection each;
 * one writer inserts R = deliveries / K rows; delivered rows/s = K·R / time until every
 * subscriber has all R rows. Each subscriber must end with exactly R rows.
 */
import { closeAll, connect, connectMany, type Connection } from '../lib/h2-client.js';
import { insertRows, serializeRows, type InsertResult } from '../lib/inserter.js';
import { cpuMeter, ownCpuShare } from '../lib/proc-stats.js';
import { awaitHeaders, cancelAll, openQuery, type QueryReader } from '../lib/query-reader.js';
import { round3 } from '../lib/stats.js';
import { sleep } from '../lib/time.js';
import { streamDdl, type ScenarioContext, type ScenarioRun } from './context.js';
import { allDone, waitAll, type Completion } from './s3-completion.js';

export type Layout = 'one' | 'each';

export function s3Label(k: number, layout: Layout): string {
  return `S3_K${k}_${layout === 'one' ? 'C1' : `C${k}`}`;
}

export async function s3Fanout(ctx: ScenarioContext, k: number, layout: Layout): Promise<ScenarioRun> {
  const r = Math.ceil(ctx.sizes.s3Deliveries / k);
  const name = ctx.name(`s3k${k}${layout}`);
  const conns = await connectMany(ctx.url, layout === 'one' ? 1 : k);
  const writer = await connect(ctx.url);
  try {
    await ctx.ddl(writer, streamDdl(name, 'ID BIGINT KEY, V STRING'));
    const done = allDone(k, r);
    const tOpen = performance.now();
    const qs = subscribe(conns, name, k, done.onCount);
    await awaitHeaders(qs);
    const openMs = performance.now() - tOpen;
    await sleep(300); // every subscription is live before the first row
    const m = await deliver(ctx, writer, name, r, qs, done);
    cancelAll(qs);
    await ctx.drop(writer, [`DROP STREAM IF EXISTS ${name};`]);
    return {
      metrics: { ...m.metrics, openMs: round3(openMs) },
      info: { subs: k, conns: conns.length, rowsPerSub: r, delivered: m.delivered, minRowsPerSub: Math.min(...qs.map((q) => q.rows)) },
      failures: s3Failures(qs, r, m.finished, m.acks),
    };
  } finally {
    closeAll([...conns, writer]);
  }
}

function subscribe(conns: readonly Connection[], name: string, k: number, onCount: (q: QueryReader) => void): QueryReader[] {
  return Array.from({ length: k }, (_, i) =>
    openQuery(conns[i % conns.length]!, `SELECT * FROM ${name} EMIT CHANGES;`, { 'auto.offset.reset': 'latest' }, { onCount }),
  );
}

/** The timed part: R rows written, until every subscriber has them (or the time limit). */
async function deliver(ctx: ScenarioContext, writer: Connection, name: string, r: number, qs: readonly QueryReader[], done: Completion) {
  const batches = serializeRows(r, (i) => ({ ID: i, V: `v${i}` }));
  const cpu = cpuMeter(ctx.pid);
  const client = ownCpuShare();
  done.start();
  const ins = insertRows(writer, name, r, { batches });
  const finished = await waitAll(done, qs, r, ctx.sizes.timeoutS * 1000);
  const ms = (done.t1 || performance.now()) - done.t0;
  const serverCpuMs = cpu();
  const clientCpu = client();
  const acks = await Promise.race([ins, sleep(5000).then(() => null)]);
  await sleep(200); // a row beyond R would show up now
  const delivered = qs.reduce((a, q) => a + Math.min(q.rows, r), 0);
  const metrics = {
    deliveredRowsPerSec: Math.round((delivered / ms) * 1000),
    msUntilAll: round3(ms),
    writerAckMs: round3(acks ? acks.ms : null),
    serverCpuNsPerDelivery: serverCpuMs === null ? null : round3((serverCpuMs * 1e6) / delivered),
    // Shares of one core: both well below 1 means the machine was busy with something else.
    serverCpuShare: serverCpuMs === null ? null : round3(serverCpuMs / ms),
    clientCpuShare: round3(clientCpu),
  };
  return { metrics, finished, acks, delivered };
}

function s3Failures(qs: readonly QueryReader[], r: number, finished: boolean, acks: InsertResult | null): string[] {
  const f: string[] = [];
  if (!finished) {
    const ended = qs.filter((q) => q.call.ended && q.rows < r).length;
    const delivered = qs.reduce((a, q) => a + Math.min(q.rows, r), 0);
    f.push(ended ? `${ended} subscriber streams ended before their ${r} rows` : `time limit: ${delivered} of ${qs.length * r} rows delivered, every stream still open (the rate is a lower bound)`);
  }
  const wrong = qs.filter((q) => q.rows !== r);
  if (wrong.length) f.push(`${wrong.length} of ${qs.length} subscribers did not get exactly ${r} rows (e.g. ${wrong[0]!.rows}${wrong[0]!.call.ended ? ', stream ended' : ''})`);
  if (!acks) f.push('the writer was not acked within 5 s of the last delivery');
  else if (acks.errors || acks.acks !== r) f.push(`writer: ${acks.acks - acks.errors} ok acks of ${r}, ${acks.errors} errors ${acks.firstError ?? ''}`);
  return f;
}
