/**
 * Clients that vanish: ten thousand push queries opened over many HTTP/2 connections, then the
 * connections dropped without a word. Every query must end and free what it held: SHOW QUERIES
 * is empty again and the heap returns to where it was.
 */
import { expect } from 'chai';
import http2 from 'node:http2';
import v8 from 'node:v8';
import vm from 'node:vm';
import { startGateway, type Gateway } from '../../src/gateway.js';
import { ksql, produce, sleep, until } from '../support/gateway.js';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

const QUERIES = 10_000;
const CONNECTIONS = 20;

async function heapAfterGc(): Promise<number> {
  for (let i = 0; i < 3; i++) {
    gc();
    await sleep(20);
  }
  return process.memoryUsage().heapUsed;
}

function connect(url: string): Promise<http2.ClientHttp2Session> {
  return new Promise((resolve, reject) => {
    const session = http2.connect(url);
    session.once('connect', () => resolve(session));
    session.once('error', reject);
  });
}

/** Opens push queries and resolves once each has sent its header line. */
function openQueries(sessions: readonly http2.ClientHttp2Session[], count: number, sql: (i: number) => string): Promise<void[]> {
  return Promise.all(
    Array.from({ length: count }, (_, i) => {
      const stream = sessions[i % sessions.length]!.request({ ':method': 'POST', ':path': '/query-stream' });
      stream.on('error', () => undefined);
      stream.end(JSON.stringify({ sql: sql(i), properties: { 'auto.offset.reset': 'latest' } }));
      return new Promise<void>((resolve, reject) => {
        stream.once('data', () => resolve());
        stream.once('close', () => reject(new Error('closed before its header')));
      });
    }),
  );
}

describe('vanishing clients', function () {
  this.timeout(120_000);
  let gw: Gateway;
  beforeEach(async () => {
    gw = await startGateway({ host: '127.0.0.1', port: 0 });
    await ksql(gw, "CREATE STREAM S (ID INT KEY, V STRING) WITH (kafka_topic='s', value_format='JSON', partitions=4);");
  });
  afterEach(() => gw.close());

  async function churn(count: number): Promise<void> {
    const sessions = await Promise.all(Array.from({ length: CONNECTIONS }, () => connect(gw.url)));
    // Half share one statement, half run one of a thousand others (a different filter each).
    await openQueries(sessions, count, (i) => (i % 2 === 0 ? 'SELECT * FROM S EMIT CHANGES;' : `SELECT * FROM S WHERE ID <> ${i % 1000} EMIT CHANGES;`));
    expect(gw.engine.queries.pushCount).to.equal(count);
    await produce(gw, 's', [{ key: '1', value: { V: 'x' } }]);
    for (const s of sessions) s.destroy();
    await until(() => gw.engine.queries.pushCount === 0, 'every query to end');
    expect(gw.engine.sharedPush).to.deep.equal({ statements: 0, subscribers: 0 });
  }

  it('ends and frees every push query when ten thousand clients drop their connections', async () => {
    // The first round fills the plan cache (bounded) and warms the JIT; what is left after the
    // second round of ten thousand is what the queries themselves would leak.
    await churn(2000);
    const before = await heapAfterGc();
    await churn(QUERIES);
    const shown = (await ksql(gw, 'SHOW QUERIES;'))[0] as { queries: unknown[] };
    expect(shown.queries).to.deep.equal([]);
    const after = await heapAfterGc();
    // A few MB of slack for lazily grown caches (plans, JIT); a leak of even 1 KB per query is 10 MB.
    expect(after - before, `heap grew from ${before} to ${after} bytes`).to.be.below(5 * 1024 * 1024);
  });
});
