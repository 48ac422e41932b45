/**
 * The real `ksqldb-client` npm package (HTTP/2 prior knowledge) against the gateway: it parses
 * each DATA frame of a push query on its own, so this also proves one line per frame.
 */
import { expect } from 'chai';
import { createRequire } from 'node:module';
import type { Gateway } from '../../src/gateway.js';
import { startTestGateway } from '../support/gateway.js';

const require = createRequire(import.meta.url);
// The package is CommonJS without types.
const KsqldbClient = require('ksqldb-client') as new (options: object) => KsqlClient;

interface Result<T> {
  data?: T;
  error?: { message?: string; error_code?: number };
  status: number;
}
interface KsqlClient {
  connect(): Promise<void>;
  disconnect(): Promise<void>;
  executeStatement(sql: string): Promise<Result<unknown>>;
  query(sql: string): Promise<Result<{ metadata: { columnNames: string[] }; rows: Record<string, unknown>[] }>>;
  streamQuery(sql: string, cb: (d: { rows?: Record<string, unknown>[]; metadata?: { queryId: string } }) => void): Promise<Result<unknown>>;
  insertInto(stream: string, row: object): Promise<Result<{ rows: { seq: number; status: string }[] }>>;
  listStreams(): Promise<{ name: string; topic: string }[]>;
  terminatePushQuery(queryId: string): Promise<Result<unknown>>;
}

describe('ksqldb-client (npm)', () => {
  let gw: Gateway;
  let client: KsqlClient;
  beforeEach(async () => {
    gw = await startTestGateway({ defaultOffsetReset: 'latest' });
    client = new KsqldbClient({ host: '127.0.0.1', port: gw.port });
    await client.connect();
  });
  afterEach(async () => {
    await client.disconnect();
    await gw.close();
  });

  it('runs executeStatement, insertInto, query, listStreams, streamQuery and terminatePushQuery', async () => {
    const created = await client.executeStatement(
      "CREATE STREAM PEOPLE (NAME STRING KEY, AGE INT) WITH (kafka_topic='people', value_format='JSON', partitions=1);",
    );
    expect(created.status).to.equal(200);
    expect(created.error).to.equal(undefined);

    const inserted = await client.insertInto('PEOPLE', { NAME: 'ann', AGE: 31 });
    expect(inserted.status).to.equal(200);
    expect(inserted.data!.rows).to.deep.equal([{ seq: 0, status: 'ok' }]);

    const pulled = await client.query("SELECT * FROM PEOPLE WHERE NAME = 'ann';");
    expect(pulled.status).to.equal(200);
    expect(pulled.data!.rows).to.deep.equal([{ NAME: 'ann', AGE: 31 }]);

    const streams = await client.listStreams();
    expect(streams.map((s) => [s.name, s.topic])).to.deep.equal([['PEOPLE', 'people']]);

    const rows: Record<string, unknown>[] = [];
    let queryId: string | undefined;
    let sawRow!: () => void;
    const firstRow = new Promise<void>((r) => (sawRow = r));
    const streaming = client.streamQuery('SELECT NAME, AGE FROM PEOPLE EMIT CHANGES;', (d) => {
      queryId ??= d.metadata?.queryId;
      if (d.rows && d.rows.length > 0) {
        rows.push(...d.rows);
        sawRow();
      }
    });
    await waitFor(() => queryId !== undefined);
    await client.insertInto('PEOPLE', { NAME: 'bob', AGE: 40 });
    await client.insertInto('PEOPLE', { NAME: 'cy', AGE: 50 });
    await firstRow;
    await waitFor(() => rows.length === 2);
    expect(rows).to.deep.equal([
      { NAME: 'bob', AGE: 40 },
      { NAME: 'cy', AGE: 50 },
    ]);
    const terminated = await client.terminatePushQuery(queryId!);
    expect(terminated.status).to.equal(200);
    const ended = await streaming;
    expect(ended.status).to.equal(200);
    expect(gw.engine.queries.size).to.equal(0);
  });

  it('reports a statement error with its message', async () => {
    const res = await client.query('SELECT * FROM NOPE;');
    expect(res.status).to.equal(400);
    expect(res.error!.error_code).to.equal(40001);
  });
});

async function waitFor(cond: () => boolean, timeoutMs = 3000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}
