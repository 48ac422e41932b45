/**
 * The ceiling: the part of ksqlDB's HTTP API the benchmark scenarios use, on bare node:http2,
 * with no SQL, no storage and rows serialized once. Whatever the gateway does beyond this costs
 * something; the benchmark reports the gateway as a ratio to it, measured in the same run.
 *
 *   node --import tsx bench/ceiling-server.ts --port 18099 [--host 127.0.0.1]
 *
 * POST /ksql           any statement: 200 SUCCESS (CREATE STREAM's column names are remembered for headers)
 * POST /query-stream   … EMIT CHANGES: header, then every row inserted into the FROM target;
 *                      otherwise a pull by key: header + one row [k,"v<k>"]
 * POST /inserts-stream rows acked {"status":"ok","seq":N} and fanned out to the target's subscribers
 * POST /close-query    ends the query's response
 */
// The gateway's V8 settings, so the two differ in their code only.
import '../src/v8-flags.js';
import http2, { type IncomingHttpHeaders, type ServerHttp2Stream } from 'node:http2';
import { parseArgs } from 'node:util';
import { handleInserts } from './ceiling/inserts.js';
import { findQuery, isDead, subscribe } from './ceiling/subscribers.js';

const DELIMITED = 'application/vnd.ksqlapi.delimited.v1';
const columnsOf = new Map<string, string[]>();
let querySeq = 0;

function readBody(stream: ServerHttp2Stream): Promise<Record<string, unknown>> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    stream.on('data', (b: Buffer) => chunks.push(b));
    stream.on('end', () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString() || '{}') as Record<string, unknown>);
      } catch {
        resolve({});
      }
    });
  });
}

function send(stream: ServerHttp2Stream, status: number, body = ''): void {
  if (isDead(stream)) return;
  stream.respond({ ':status': status, 'content-type': 'application/json' });
  endWith(stream, body);
}

/**
 * The last bytes of a response, then END_STREAM once node has taken them: the cheapest ending
 * node:http2 offers (bench/README.md, "Ending a response"), and the one the gateway uses.
 */
function endWith(stream: ServerHttp2Stream, body: string): void {
  if (body === '') return void stream.end();
  stream.write(body, () => {
    if (!stream.destroyed) stream.end();
  });
}

async function ksql(stream: ServerHttp2Stream): Promise<void> {
  const text = String((await readBody(stream)).ksql ?? '');
  const m = /CREATE\s+STREAM\s+(\w+)\s*\(([^)]*)\)/i.exec(text);
  if (m) columnsOf.set(m[1]!.toUpperCase(), m[2]!.split(',').map((c) => c.trim().split(/\s+/)[0]!.toUpperCase()));
  send(stream, 200, JSON.stringify([{ '@type': 'currentStatus', statementText: text, commandStatus: { status: 'SUCCESS' } }]) + '\n');
}

function header(id: string, columns: readonly string[]): string {
  return JSON.stringify({ queryId: id, columnNames: columns, columnTypes: columns.map((c) => (c === 'V' ? 'STRING' : 'BIGINT')) }) + '\n';
}

async function queryStream(stream: ServerHttp2Stream): Promise<void> {
  const sql = String((await readBody(stream)).sql ?? '');
  if (isDead(stream)) return;
  stream.respond({ ':status': 200, 'content-type': DELIMITED });
  if (/EMIT\s+CHANGES/i.test(sql)) {
    const target = (/FROM\s+(\w+)/i.exec(sql)?.[1] ?? '').toUpperCase();
    const id = `transient_${target}_${++querySeq}`;
    stream.write(header(id, columnsOf.get(target) ?? ['ID', 'V']));
    subscribe(target, { id, stream });
    return;
  }
  const key = /WHERE\s+ID\s*=\s*(-?\d+)/i.exec(sql)?.[1] ?? '0';
  endWith(stream, header(`query_${Date.now()}`, ['ID', 'V']) + `[${key},"v${key}"]\n`);
}

async function closeQuery(stream: ServerHttp2Stream): Promise<void> {
  const sub = findQuery(String((await readBody(stream)).queryId ?? ''));
  if (sub && !isDead(sub.stream)) sub.stream.end();
  send(stream, sub ? 200 : 400);
}

function route(stream: ServerHttp2Stream, h: IncomingHttpHeaders): Promise<void> | void {
  if (h[':method'] !== 'POST') return send(stream, 405);
  switch (h[':path']) {
    case '/ksql':
      return ksql(stream);
    case '/query-stream':
      return queryStream(stream);
    case '/inserts-stream':
      return handleInserts(stream);
    case '/close-query':
      return closeQuery(stream);
    default:
      return send(stream, 404, '{"message":"not served by the ceiling"}\n');
  }
}

function main(): void {
  const { values } = parseArgs({ options: { port: { type: 'string', default: '18099' }, host: { type: 'string', default: '127.0.0.1' } } });
  // Windows as big as the client's: flow control must not be what separates the two servers.
  const server = http2.createServer({ maxSessionMemory: 256, settings: { initialWindowSize: 1 << 24, maxConcurrentStreams: 100_000 } });
  server.on('session', (s) => s.setLocalWindowSize(1 << 26));
  server.on('stream', (stream, h) => {
    stream.on('error', () => {});
    void Promise.resolve(route(stream, h)).catch(() => stream.close(http2.constants.NGHTTP2_INTERNAL_ERROR));
  });
  server.listen(Number(values.port), values.host, () => process.stdout.write(`ceiling listening on http://${values.host}:${values.port} pid ${process.pid}\n`));
  process.once('SIGTERM', () => process.exit(0));
}

main();
