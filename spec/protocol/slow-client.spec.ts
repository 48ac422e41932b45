/**
 * Clients that stop reading: a push query's queue is bounded, the query stops reading while it is
 * full, and past the stall timeout it ends with an error element that says why. Other clients and
 * the inserts go on meanwhile.
 */
import { expect } from 'chai';
import http2 from 'node:http2';
import { startGateway, type Gateway } from '../../src/gateway.js';
import { DEFAULT_OUTPUT_OPTIONS } from '../../src/protocol/query-stream/output-queue.js';
import { ksql, sleep } from '../support/gateway.js';

function push(session: http2.ClientHttp2Session, sql: string): { lines: string[]; stream: http2.ClientHttp2Stream; ended: Promise<void> } {
  const stream = session.request({ ':method': 'POST', ':path': '/query-stream' });
  stream.setEncoding('utf8');
  const lines: string[] = [];
  let rest = '';
  stream.on('data', (chunk: string) => {
    const parts = (rest + chunk).split('\n');
    rest = parts.pop()!;
    lines.push(...parts);
  });
  const ended = new Promise<void>((r) => stream.once('close', () => r()));
  stream.end(JSON.stringify({ sql, properties: { 'auto.offset.reset': 'latest' } }));
  return { lines, stream, ended };
}

async function insert(gw: Gateway, rows: object[]): Promise<string[]> {
  const session = http2.connect(gw.url);
  const stream = session.request({ ':method': 'POST', ':path': '/inserts-stream' });
  let body = '';
  stream.setEncoding('utf8');
  stream.on('data', (c: string) => (body += c));
  const done = new Promise<void>((r) => stream.once('close', () => r()));
  stream.end([JSON.stringify({ target: 'S' }), ...rows.map((r) => JSON.stringify(r))].join('\n'));
  await done;
  session.close();
  return body.split('\n').filter((l) => l !== '');
}

describe('slow clients', () => {
  let gw: Gateway;
  beforeEach(async () => {
    gw = await startGateway({
      host: '127.0.0.1',
      port: 0,
      output: { ...DEFAULT_OUTPUT_OPTIONS, maxQueuedRows: 50, maxQueuedBytes: 64 * 1024, stallTimeoutMs: 300 },
    });
    await ksql(gw, "CREATE STREAM S (ID INT KEY, V STRING) WITH (kafka_topic='s', value_format='JSON', partitions=1);");
  });
  afterEach(() => gw.close());

  it('ends a push query whose client reads nothing past the stall timeout, saying why, while others go on', async () => {
    const stalledSession = http2.connect(gw.url, { settings: { initialWindowSize: 256 } });
    const stalled = push(stalledSession, 'SELECT ID, V FROM S EMIT CHANGES;');
    const liveSession = http2.connect(gw.url);
    const live = push(liveSession, 'SELECT ID FROM S EMIT CHANGES;');
    await sleep(100);
    stalled.stream.pause();
    const pad = 'p'.repeat(100);
    for (let round = 0; round < 5; round++) {
      const acks = await insert(gw, Array.from({ length: 100 }, (_, i) => ({ ID: round * 100 + i, V: pad })));
      expect(acks).to.have.length(100);
    }
    for (let i = 0; i < 200 && live.lines.length < 501; i++) await sleep(10);
    expect(live.lines.length - 1).to.equal(500);
    await sleep(600);
    expect(gw.engine.queries.pushCount).to.equal(1);
    stalled.stream.resume();
    await stalled.ended;
    const last = JSON.parse(stalled.lines[stalled.lines.length - 1]!) as { '@type': string; message: string };
    expect(last['@type']).to.equal('generic_error');
    expect(last.message).to.match(/^Push query ended: the client read nothing for 300 ms while \d+ rows \(\d+ bytes\) were waiting to be sent$/);
    const rows = stalled.lines.slice(1, -1).map((l) => JSON.parse(l) as [number, string]);
    expect(rows.map((r) => r[0])).to.deep.equal(rows.map((_, i) => i));
    stalledSession.destroy();
    liveSession.destroy();
  });
});
