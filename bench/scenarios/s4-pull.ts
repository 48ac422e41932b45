/**
 * S4: pull queries by key on a table materialized by CREATE TABLE AS SELECT. The keys are loaded,
 * the last one is awaited, random keys are read and checked row by row, then h2load times one
 * key. Every answer must carry its row.
 */
import { connect, DELIMITED, postJson, type Connection } from '../lib/h2-client.js';
import { insertRows, serializeRows } from '../lib/inserter.js';
import { cpuMeter } from '../lib/proc-stats.js';
import { round3 } from '../lib/stats.js';
import { sleep } from '../lib/time.js';
import { streamDdl, type ScenarioContext, type ScenarioRun } from './context.js';
import { h2loadPath, runH2load, type H2loadRun } from './h2load.js';

interface PullAnswer {
  readonly status: number;
  readonly body: string;
  /** The row's text when the answer had exactly one row holding the key and its value. */
  readonly row: string | null;
}

export async function s4Pull(ctx: ScenarioContext): Promise<ScenarioRun> {
  if (!h2loadPath()) throw new Error('h2load is not installed (apt-get install -y nghttp2-client)');
  const s = ctx.sizes;
  const src = ctx.name('s4src');
  const table = ctx.name('s4t');
  const conn = await connect(ctx.url);
  try {
    await ctx.ddl(conn, streamDdl(src, 'ID BIGINT KEY, V STRING'));
    const ctas = await ctx.ddl(conn, `CREATE TABLE ${table} AS SELECT ID, LATEST_BY_OFFSET(V) AS V FROM ${src} GROUP BY ID EMIT CHANGES;`);
    const load = await insertRows(conn, src, s.s4Keys, { batches: serializeRows(s.s4Keys, (i) => ({ ID: i, V: `v${i}` })) });
    const failures = load.complete ? [] : [`loading ${s.s4Keys} keys: ${load.acks - load.errors} ok acks, first error ${load.firstError}`];
    const readyMs = await awaitKey(conn, table, s.s4Keys - 1, s.timeoutS * 1000);
    if (readyMs === null) failures.push(`key ${s.s4Keys - 1} was not readable within ${s.timeoutS} s`);
    failures.push(...(await verifyKeys(conn, table, s.s4Keys, s.s4Verify)));
    const key = Math.floor(Math.random() * s.s4Keys);
    const sample = await pull(conn, table, key);
    const cpu = cpuMeter(ctx.pid);
    const h = await runH2load({ url: ctx.url, body: pullBody(table, key), conns: s.s4Conns, streamsPerConn: s.s4StreamsPerConn, requests: s.s4Requests, timeoutS: s.timeoutS });
    const serverCpuMs = cpu();
    failures.push(...h2loadFailures(h, s.s4Requests, sample));
    await ctx.drop(conn, [...(ctas ? [`TERMINATE ${ctas};`] : []), `DROP TABLE IF EXISTS ${table};`, `DROP STREAM IF EXISTS ${src};`]);
    return {
      metrics: {
        reqPerSec: h.reqPerSec,
        p50ms: round3(h.p50ms),
        p99ms: round3(h.p99ms),
        readyMs: round3(readyMs),
        serverCpuUsPerReq: serverCpuMs === null || !h.done ? null : round3((serverCpuMs * 1000) / h.done),
      },
      info: { keys: s.s4Keys, requests: s.s4Requests, conns: s.s4Conns, streamsPerConn: s.s4StreamsPerConn, h2load: h.summary, sampleAnswer: sample.body.slice(0, 300) },
      failures,
    };
  } finally {
    conn.close();
  }
}

function pullBody(table: string, key: number): string {
  return JSON.stringify({ sql: `SELECT * FROM ${table} WHERE ID=${key};`, properties: {} });
}

async function pull(conn: Connection, table: string, key: number): Promise<PullAnswer> {
  const r = await postJson(conn, '/query-stream', JSON.parse(pullBody(table, key)), DELIMITED);
  return { ...r, row: rowOf(r.body, key) };
}

/** The one row of a delimited answer, if it is [key, "v<key>"] under the header's column names. */
function rowOf(body: string, key: number): string | null {
  const lines = body.split('\n').filter((l) => l !== '');
  if (lines.length !== 2) return null;
  try {
    const cols = ((JSON.parse(lines[0]!) as { columnNames?: string[] }).columnNames ?? []).map((c) => c.toUpperCase());
    const row = JSON.parse(lines[1]!) as unknown[];
    return row[cols.indexOf('ID')] === key && row[cols.indexOf('V')] === `v${key}` ? lines[1]! : null;
  } catch {
    return null;
  }
}

/** ms until `key` reads back, or null at the time limit. */
async function awaitKey(conn: Connection, table: string, key: number, ms: number): Promise<number | null> {
  const t0 = performance.now();
  while (performance.now() - t0 < ms) {
    if ((await pull(conn, table, key)).row !== null) return performance.now() - t0;
    await sleep(50);
  }
  return null;
}

/** n pulls of random keys, 16 at a time, each answer checked. */
async function verifyKeys(conn: Connection, table: string, keys: number, n: number): Promise<string[]> {
  let bad = 0;
  let first = '';
  let issued = 0;
  const worker = async (): Promise<void> => {
    while (issued++ < n) {
      const key = Math.floor(Math.random() * keys);
      const a = await pull(conn, table, key);
      if (a.status === 200 && a.row !== null) continue;
      bad++;
      first ||= `key ${key}: HTTP ${a.status} ${a.body.slice(0, 300)}`;
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
  return bad ? [`${bad} of ${n} pulls by random key lacked their row; first: ${first}`] : [];
}

/**
 * h2load cannot look into bodies, but they are byte-identical here (same key, fixed-width query
 * id), so the data bytes it counts tell whether every answer carried its row.
 */
function h2loadFailures(h: H2loadRun, requests: number, sample: PullAnswer): string[] {
  const f: string[] = [];
  if (sample.row === null) f.push(`sample pull: HTTP ${sample.status} ${sample.body.slice(0, 300)}`);
  if (h.done !== requests || h.succeeded !== requests) f.push(`h2load: ${h.done} done, ${h.succeeded} succeeded of ${requests}: ${h.summary}`);
  if (h.failed || h.status2xx !== requests || h.non2xxLogged) f.push(`h2load: ${h.failed} failed/errored/timed out, ${h.status2xx} 2xx, ${h.non2xxLogged} non-2xx in its log`);
  const expected = h.done * Buffer.byteLength(sample.body);
  const rowBytes = Buffer.byteLength((sample.row ?? '') + '\n');
  if (sample.row !== null && h.dataBytes < expected) {
    f.push(`h2load counted ${h.dataBytes} body bytes, ${expected} expected (${h.done} × ${Buffer.byteLength(sample.body)}): about ${Math.ceil((expected - h.dataBytes) / rowBytes)} answers without their row`);
  }
  return f;
}
