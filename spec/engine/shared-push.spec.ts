/**
 * Push queries that share one reader: many subscribers of the same statement on real HTTP/2
 * connections, each getting exactly its own rows, and a subscriber that stops reading leaving the
 * group without holding the others back.
 */
import { expect } from 'chai';
import http2 from 'node:http2';
import { startGateway, type Gateway } from '../../src/gateway.js';
import { DEFAULT_OUTPUT_OPTIONS } from '../../src/protocol/query-stream/output-queue.js';
import { ksql, produce, sleep, until } from '../support/gateway.js';

interface Subscriber {
  readonly rows: string[];
  readonly stream: http2.ClientHttp2Stream;
  readonly header: Promise<{ queryId: string }>;
  readonly ended: Promise<void>;
}

function subscribe(session: http2.ClientHttp2Session, sql: string): Subscriber {
  const stream = session.request({ ':method': 'POST', ':path': '/query-stream' });
  stream.setEncoding('utf8');
  const rows: string[] = [];
  let rest = '';
  let gotHeader!: (h: { queryId: string }) => void;
  const header = new Promise<{ queryId: string }>((r) => (gotHeader = r));
  let seenHeader = false;
  stream.on('data', (chunk: string) => {
    const lines = (rest + chunk).split('\n');
    rest = lines.pop()!;
    for (const line of lines) {
      if (!seenHeader) {
        seenHeader = true;
        gotHeader(JSON.parse(line) as { queryId: string });
      } else rows.push(line);
    }
  });
  const ended = new Promise<void>((r) => stream.once('close', () => r()));
  stream.end(JSON.stringify({ sql, properties: { 'auto.offset.reset': 'latest' } }));
  return { rows, stream, header, ended };
}

const rowsOf = (from: number, to: number, pad = ''): object[] =>
  Array.from({ length: to - from }, (_, i) => ({ key: String(from + i), value: { ID: from + i, V: `v${from + i}${pad}` } }));

describe('shared push queries', () => {
  let gw: Gateway;
  let session: http2.ClientHttp2Session;

  beforeEach(async () => {
    gw = await startGateway({ host: '127.0.0.1', port: 0, output: { ...DEFAULT_OUTPUT_OPTIONS, maxQueuedBytes: 128 * 1024 } });
    await ksql(gw, "CREATE STREAM S (K STRING KEY, ID INT, V STRING) WITH (kafka_topic='s', value_format='JSON', partitions=2);");
    session = http2.connect(gw.url, { settings: { initialWindowSize: 4 * 1024 * 1024 } });
    session.on('connect', () => session.setLocalWindowSize(16 * 1024 * 1024));
  });

  afterEach(async () => {
    session.destroy();
    await gw.close();
  });

  it('runs identical statements once and gives every subscriber every row, in order', async () => {
    const subs = Array.from({ length: 20 }, () => subscribe(session, 'SELECT ID, V FROM S EMIT CHANGES;'));
    const other = subscribe(session, 'SELECT ID FROM S WHERE ID >= 100 EMIT CHANGES;');
    await Promise.all([...subs, other].map((s) => s.header));
    expect(gw.engine.sharedPush).to.deep.equal({ statements: 2, subscribers: 21 });
    expect(gw.engine.queries.pushCount).to.equal(21);
    for (let i = 0; i < 300; i += 50) await produce(gw, 's', rowsOf(i, i + 50));
    await until(() => subs.every((s) => s.rows.length === 300) && other.rows.length === 200, 'every row');
    const expected = Array.from({ length: 300 }, (_, i) => `[${i},"v${i}"]`);
    for (const s of subs) expect(s.rows).to.deep.equal(expected);
    expect(other.rows).to.deep.equal(Array.from({ length: 200 }, (_, i) => `[${i + 100}]`));
  });

  it('gives a late subscriber only the rows after it subscribed', async () => {
    const early = subscribe(session, 'SELECT ID FROM S EMIT CHANGES;');
    await early.header;
    await produce(gw, 's', rowsOf(0, 10));
    await until(() => early.rows.length === 10, 'the first rows');
    const late = subscribe(session, 'SELECT ID FROM S EMIT CHANGES;');
    await late.header;
    await produce(gw, 's', rowsOf(10, 15));
    await until(() => early.rows.length === 15 && late.rows.length === 5, 'the later rows');
    expect(late.rows).to.deep.equal(['[10]', '[11]', '[12]', '[13]', '[14]']);
    expect(gw.engine.sharedPush).to.deep.equal({ statements: 1, subscribers: 2 });
  });

  it('ends each subscriber at its own LIMIT', async () => {
    const first = subscribe(session, 'SELECT ID FROM S EMIT CHANGES LIMIT 3;');
    await first.header;
    await produce(gw, 's', rowsOf(0, 2));
    const second = subscribe(session, 'SELECT ID FROM S EMIT CHANGES LIMIT 3;');
    await second.header;
    await produce(gw, 's', rowsOf(2, 10));
    await Promise.all([first.ended, second.ended]);
    expect(first.rows).to.deep.equal(['[0]', '[1]', '[2]']);
    expect(second.rows).to.deep.equal(['[2]', '[3]', '[4]']);
    await until(() => gw.engine.queries.pushCount === 0 && gw.engine.sharedPush.statements === 0, 'the queries to end');
  });

  it('lets a subscriber that stops reading fall behind alone, then catch up with every row', async () => {
    const fast = Array.from({ length: 3 }, () => subscribe(session, 'SELECT ID, V FROM S EMIT CHANGES;'));
    const slowSession = http2.connect(gw.url, { settings: { initialWindowSize: 1024 } });
    const slow = subscribe(slowSession, 'SELECT ID, V FROM S EMIT CHANGES;');
    await Promise.all([...fast, slow].map((s) => s.header));
    slow.stream.pause();
    const pad = 'x'.repeat(200);
    for (let i = 0; i < 2000; i += 200) await produce(gw, 's', rowsOf(i, i + 200, pad));
    await until(() => fast.every((s) => s.rows.length === 2000), 'the fast subscribers');
    expect(slow.rows.length).to.be.below(2000);
    expect(gw.engine.sharedPush).to.deep.equal({ statements: 1, subscribers: 3 });
    expect(gw.engine.queries.pushCount).to.equal(4);
    slow.stream.resume();
    await until(() => slow.rows.length === 2000, 'the slow subscriber');
    const expected = Array.from({ length: 2000 }, (_, i) => `[${i},"v${i}${pad}"]`);
    expect(slow.rows).to.deep.equal(expected);
    for (const s of fast) expect(s.rows).to.deep.equal(expected);
    slowSession.destroy();
  });

  it('forgets a subscriber whose stream is reset, and the group with its last subscriber', async () => {
    const a = subscribe(session, 'SELECT ID FROM S EMIT CHANGES;');
    const b = subscribe(session, 'SELECT ID FROM S EMIT CHANGES;');
    await Promise.all([a.header, b.header]);
    a.stream.close(http2.constants.NGHTTP2_CANCEL);
    await until(() => gw.engine.queries.pushCount === 1, 'the reset query to end');
    await produce(gw, 's', rowsOf(0, 3));
    await until(() => b.rows.length === 3, 'the rows');
    b.stream.close(http2.constants.NGHTTP2_CANCEL);
    await until(() => gw.engine.queries.pushCount === 0 && gw.engine.sharedPush.statements === 0, 'every query to end');
  });
});
