/**
 * What a client that stops reading costs everyone else: the insert→push latency of a reading
 * subscriber at a steady insert rate, first alone, then beside a subscriber of the same statement
 * that reads nothing (its queue fills, it leaves the shared work, and past the slow-client timeout
 * its query is ended with an error line). Also checks that every insert was acked and the reading
 * subscriber got every row. A fresh gateway process per phase.
 *
 *   node --import tsx bench/slow-client-effect.ts [--rate 2000] [--seconds 5]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import http2 from 'node:http2';
import { percentile, round3 } from './lib/stats.js';
import { nowUs, sleep } from './lib/time.js';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i < 0 ? fallback : Number(process.argv[i + 1]);
};
const RATE = arg('rate', 2000);
const SECONDS = arg('seconds', 5);
const PAD = 'x'.repeat(200);

async function startGateway(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', '--port', '0', '--host', '127.0.0.1',
    '--push-queue-bytes', '262144', '--slow-client-timeout-ms', '2000'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /listening on (\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`gateway exited with ${code}`)));
  });
  return { child, url };
}

function post(session: http2.ClientHttp2Session, path: string, body: string, accept?: string): http2.ClientHttp2Stream {
  const stream = session.request({ ':method': 'POST', ':path': path, ...(accept ? { accept } : {}) });
  stream.setEncoding('utf8');
  stream.on('error', () => undefined);
  stream.write(body);
  return stream;
}

/** A push query whose rows are handed to `onLine` (the header line is skipped). */
function subscribe(session: http2.ClientHttp2Session, onLine: (line: string) => void): http2.ClientHttp2Stream {
  const stream = post(session, '/query-stream', JSON.stringify({ sql: 'SELECT ID, V, TS FROM S EMIT CHANGES;', properties: { 'auto.offset.reset': 'latest' } }));
  stream.end();
  let rest = '';
  let header = true;
  stream.on('data', (chunk: string) => {
    const lines = (rest + chunk).split('\n');
    rest = lines.pop()!;
    for (const line of lines) {
      if (header) header = false;
      else if (line !== '') onLine(line);
    }
  });
  return stream;
}

async function phase(withStalledClient: boolean): Promise<Record<string, unknown>> {
  const { child, url } = await startGateway();
  try {
    const session = http2.connect(url, { settings: { initialWindowSize: 1 << 24 } });
    const ddl = post(session, '/ksql', JSON.stringify({ ksql: "CREATE STREAM S (ID BIGINT KEY, V STRING, TS BIGINT) WITH (kafka_topic='s', value_format='JSON', partitions=1);" }), 'application/json');
    ddl.end();
    ddl.resume();
    await new Promise((r) => ddl.on('close', r));
    const latencies: number[] = [];
    let received = 0;
    subscribe(session, (line) => {
      const row = JSON.parse(line) as [number, string, number];
      latencies.push((nowUs() - row[2]) / 1000);
      received++;
    });
    let stalledLines: string[] = [];
    const stalledSession = http2.connect(url, { settings: { initialWindowSize: 1024 } });
    if (withStalledClient) {
      const stalled = subscribe(stalledSession, (line) => stalledLines.push(line));
      await sleep(200);
      stalled.pause();
      stalledLines = [];
    }
    await sleep(300);
    const writer = http2.connect(url);
    const inserts = post(writer, '/inserts-stream', `${JSON.stringify({ target: 'S' })}\n`);
    let acks = 0;
    inserts.on('data', (c: string) => (acks += c.split('\n').length - 1));
    const total = RATE * SECONDS;
    const t0 = performance.now();
    for (let sent = 0; sent < total; ) {
      const due = Math.min(total, Math.floor(((performance.now() - t0) / 1000) * RATE));
      let text = '';
      for (; sent < due; sent++) text += `{"ID":${sent},"V":"${PAD}","TS":${nowUs()}}\n`;
      if (text) inserts.write(text);
      await sleep(1);
    }
    for (let i = 0; i < 500 && (acks < total || received < total); i++) await sleep(10);
    inserts.end();
    writer.destroy();
    stalledSession.destroy();
    session.destroy();
    const warm = latencies.slice(RATE); // the first second warms up
    return {
      stalledClient: withStalledClient,
      rowsSent: total,
      acked: acks,
      readerGot: received,
      p50ms: round3(percentile(warm, 50)),
      p99ms: round3(percentile(warm, 99)),
      maxMs: round3(Math.max(...warm)),
    };
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

const alone = await phase(false);
const beside = await phase(true);
process.stdout.write(`${JSON.stringify({ rate: RATE, seconds: SECONDS, alone, beside })}\n`);
const ok = [alone, beside].every((r) => r.acked === r.rowsSent && r.readerGot === r.rowsSent);
process.stdout.write(`reader p50 ${alone.p50ms} → ${beside.p50ms} ms, p99 ${alone.p99ms} → ${beside.p99ms} ms beside a client that reads nothing; every row acked and delivered: ${ok}\n`);
process.exit(ok ? 0 : 1);
