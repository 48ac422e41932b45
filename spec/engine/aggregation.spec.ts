/**
 * The state engine through a real gateway: CREATE TABLE AS SELECT with GROUP BY over streams and
 * tables (every update emitted, a table row's old contribution retracted), HAVING deletes,
 * windowed keys on the sink topic, EMIT FINAL, PARTITION BY, transient aggregations, pull queries
 * over the materialized result, and ALTER.
 */
import { expect } from 'chai';
import type { Gateway } from '../../src/gateway.js';
import { h2Request, openStream } from '../support/http-clients.js';
import { ksql, ksqlError, produce, sleep, startTestGateway } from '../support/gateway.js';

interface TopicRecord {
  key: unknown;
  value: unknown;
  timestamp: number;
  window?: { start: number; end: number; type: string };
}

async function records(gw: Gateway, topic: string): Promise<TopicRecord[]> {
  return JSON.parse((await h2Request(gw.url, { method: 'GET', path: `/topics/${topic}/records` })).body);
}

async function settled(gw: Gateway, topic: string, count: number): Promise<TopicRecord[]> {
  for (let i = 0; i < 200; i++) {
    const got = await records(gw, topic);
    if (got.length >= count) return got;
    await sleep(10);
  }
  throw new Error(`${topic} did not reach ${count} records`);
}

describe('state engine: aggregation, windows, re-keying', () => {
  let gw: Gateway;
  beforeEach(async () => {
    gw = await startTestGateway();
    await ksql(gw, "CREATE STREAM S (K STRING KEY, V INT, G STRING) WITH (kafka_topic='s', value_format='JSON', partitions=1);");
  });
  afterEach(() => gw.close());

  it('counts and sums per group, emitting every update with the largest contributing timestamp', async () => {
    const [created] = (await ksql(gw, 'CREATE TABLE T AS SELECT G, COUNT(*) AS N, SUM(V) AS TOTAL FROM S GROUP BY G;')) as {
      commandStatus: { queryId: string };
    }[];
    expect(created!.commandStatus.queryId).to.equal('CTAS_T_0');
    await produce(gw, 's', [
      { key: 'a', value: { V: 1, G: 'x' }, timestamp: 10 },
      { key: 'b', value: { V: 2, G: 'y' }, timestamp: 5 },
      { key: 'c', value: { V: 3, G: 'x' }, timestamp: 7 },
      { key: 'd', value: { V: 4, G: null }, timestamp: 8 },
    ]);
    const out = await settled(gw, 'T', 3);
    expect(out.map((r) => [r.key, r.value, r.timestamp])).to.deep.equal([
      ['x', { N: 1, TOTAL: 1 }, 10],
      ['y', { N: 1, TOTAL: 2 }, 5],
      ['x', { N: 2, TOTAL: 4 }, 10],
    ]);
    const [described] = (await ksql(gw, 'DESCRIBE T;')) as { sourceDescription: { type: string; fields: { name: string }[] } }[];
    expect(described!.sourceDescription.type).to.equal('TABLE');
    expect(described!.sourceDescription.fields.map((f) => f.name)).to.deep.equal(['G', 'N', 'TOTAL']);
  });

  it('retracts a table row from its old group before adding it to the new one', async () => {
    await ksql(gw, "CREATE TABLE U (ID STRING PRIMARY KEY, REGION STRING) WITH (kafka_topic='u', value_format='JSON', partitions=1);");
    await ksql(gw, 'CREATE TABLE BY_REGION AS SELECT REGION, COUNT(*) AS N FROM U GROUP BY REGION;');
    await produce(gw, 'u', [
      { key: '1', value: { REGION: 'eu' } },
      { key: '1', value: { REGION: 'us' } },
      { key: '1', value: null },
    ]);
    const out = await settled(gw, 'BY_REGION', 4);
    expect(out.map((r) => [r.key, r.value])).to.deep.equal([
      ['eu', { N: 1 }],
      ['eu', { N: 0 }],
      ['us', { N: 1 }],
      ['us', { N: 0 }],
    ]);
  });

  it('deletes a group that stops passing HAVING, and says nothing for one that never passed', async () => {
    await ksql(gw, 'CREATE TABLE BIG AS SELECT G, SUM(V) AS TOTAL FROM S GROUP BY G HAVING SUM(V) > 5;');
    await produce(gw, 's', [
      { key: 'a', value: { V: 1, G: 'x' } },
      { key: 'a', value: { V: 9, G: 'y' } },
      { key: 'a', value: { V: -8, G: 'y' } },
    ]);
    const out = await settled(gw, 'BIG', 2);
    expect(out.map((r) => [r.key, r.value])).to.deep.equal([
      ['y', { TOTAL: 9 }],
      ['y', null],
    ]);
  });

  it('writes tumbling windows as windowed keys and reads them back with their bounds', async () => {
    await ksql(gw, 'CREATE TABLE W AS SELECT G, COUNT(*) AS N, WINDOWSTART AS WS FROM S WINDOW TUMBLING (SIZE 10 MILLISECONDS) GROUP BY G;');
    await produce(gw, 's', [
      { key: 'a', value: { V: 1, G: 'x' }, timestamp: 3 },
      { key: 'a', value: { V: 1, G: 'x' }, timestamp: 12 },
      { key: 'a', value: { V: 1, G: 'x' }, timestamp: 9 },
    ]);
    const out = await settled(gw, 'W', 3);
    expect(out.map((r) => [r.key, r.value, r.window])).to.deep.equal([
      ['x', { N: 1, WS: 0 }, { start: 0, end: 10, type: 'time' }],
      ['x', { N: 1, WS: 10 }, { start: 10, end: 20, type: 'time' }],
      ['x', { N: 2, WS: 0 }, { start: 0, end: 10, type: 'time' }],
    ]);
  });

  it('merges session windows, deleting the sessions merged away', async () => {
    await ksql(gw, 'CREATE TABLE SESS AS SELECT G, COUNT(*) AS N FROM S WINDOW SESSION (10 MILLISECONDS) GROUP BY G;');
    await produce(gw, 's', [
      { key: 'a', value: { V: 1, G: 'x' }, timestamp: 0 },
      { key: 'a', value: { V: 1, G: 'x' }, timestamp: 20 },
      { key: 'a', value: { V: 1, G: 'x' }, timestamp: 10 },
    ]);
    const out = await settled(gw, 'SESS', 5);
    expect(out.map((r) => [r.value, r.window, r.timestamp])).to.deep.equal([
      [{ N: 1 }, { start: 0, end: 0, type: 'session' }, 0],
      [{ N: 1 }, { start: 20, end: 20, type: 'session' }, 20],
      [null, { start: 0, end: 0, type: 'session' }, 0],
      [null, { start: 20, end: 20, type: 'session' }, 20],
      [{ N: 3 }, { start: 0, end: 20, type: 'session' }, 20],
    ]);
  });

  it('emits only final window results with EMIT FINAL, once stream time passes end plus grace', async () => {
    await ksql(
      gw,
      'CREATE TABLE F AS SELECT G, COUNT(*) AS N FROM S WINDOW TUMBLING (SIZE 10 MILLISECONDS, GRACE PERIOD 0 MILLISECONDS) GROUP BY G EMIT FINAL;',
    );
    await produce(gw, 's', [
      { key: 'a', value: { V: 1, G: 'x' }, timestamp: 1 },
      { key: 'a', value: { V: 1, G: 'x' }, timestamp: 2 },
      { key: 'a', value: { V: 1, G: 'x' }, timestamp: 10 },
    ]);
    await settled(gw, 'F', 1);
    await sleep(50);
    expect((await records(gw, 'F')).map((r) => [r.value, r.window])).to.deep.equal([[{ N: 2 }, { start: 0, end: 10, type: 'time' }]]);
  });

  it('re-keys a stream with PARTITION BY', async () => {
    await ksql(gw, 'CREATE STREAM R AS SELECT G, K, V FROM S PARTITION BY G;');
    await produce(gw, 's', [{ key: 'a', value: { V: 1, G: 'x' } }]);
    const [out] = await settled(gw, 'R', 1);
    expect([out!.key, out!.value]).to.deep.equal(['x', { K: 'a', V: 1 }]);
  });

  it('refuses what ksqlDB refuses, with its messages', async () => {
    expect(await ksqlError(gw, 'CREATE TABLE X AS SELECT COUNT(*) FROM S GROUP BY G;')).to.equal(
      'The query used to build `X` must include the grouping expression G in its projection (eg, SELECT G...).',
    );
    expect(await ksqlError(gw, 'CREATE TABLE X AS SELECT G, V, COUNT(*) FROM S GROUP BY G;')).to.contain(
      'Non-aggregate SELECT expression(s) not part of GROUP BY: V',
    );
    await ksql(gw, "CREATE TABLE U (ID STRING PRIMARY KEY, N INT) WITH (kafka_topic='u', value_format='JSON', partitions=1);");
    expect(await ksqlError(gw, 'CREATE TABLE X AS SELECT ID, MIN(N), MAX(N) FROM U GROUP BY ID;')).to.equal(
      'The aggregation functions MIN and MAX cannot be applied to a table source, only to a stream source.',
    );
    expect(await ksqlError(gw, 'CREATE STREAM X AS SELECT G, COUNT(*) FROM S GROUP BY G;')).to.equal(
      'Invalid result type. Your SELECT query produces a TABLE. Please use CREATE TABLE AS SELECT statement instead.',
    );
  });

  it('answers pull queries from the materialized aggregate', async () => {
    await ksql(gw, 'CREATE TABLE T AS SELECT G, COUNT(*) AS N FROM S GROUP BY G;');
    await produce(gw, 's', [
      { key: 'a', value: { V: 1, G: 'x' } },
      { key: 'b', value: { V: 1, G: 'x' } },
    ]);
    await settled(gw, 'T', 2);
    const res = await h2Request(gw.url, { path: '/query-stream', body: JSON.stringify({ sql: "SELECT * FROM T WHERE G = 'x';" }) });
    const lines = res.body.trim().split('\n').map((l) => JSON.parse(l) as unknown);
    expect(lines.slice(1)).to.deep.equal([['x', 2]]);
  });

  it('streams a transient aggregation to the client', async () => {
    const stream = openStream('h2', gw.url, {
      path: '/query-stream',
      body: JSON.stringify({ sql: 'SELECT G, COUNT(*) AS N FROM S GROUP BY G EMIT CHANGES LIMIT 2;' }),
    });
    await stream.nextLine(2000);
    await produce(gw, 's', [
      { key: 'a', value: { V: 1, G: 'x' } },
      { key: 'b', value: { V: 1, G: 'x' } },
    ]);
    const rows = [JSON.parse(await stream.nextLine(2000)), JSON.parse(await stream.nextLine(2000))];
    expect(rows).to.deep.equal([
      ['x', 1],
      ['x', 2],
    ]);
    await stream.ended;
  });

  it('adds columns with ALTER, and refuses it on read-only sources', async () => {
    await ksql(gw, 'ALTER STREAM S ADD COLUMN EXTRA STRING;');
    const [described] = (await ksql(gw, 'DESCRIBE S;')) as { sourceDescription: { fields: { name: string }[] } }[];
    expect(described!.sourceDescription.fields.map((f) => f.name)).to.deep.equal(['K', 'V', 'G', 'EXTRA']);
    await ksql(gw, "CREATE SOURCE STREAM RO (K STRING KEY, V INT) WITH (kafka_topic='ro', value_format='JSON', partitions=1);");
    expect(await ksqlError(gw, 'ALTER STREAM RO ADD COLUMN X INT;')).to.equal(
      "Cannot alter stream 'RO': ALTER operations are not supported on source streams.",
    );
  });
});
