/**
 * Joins through a real gateway: stream-stream joins within a window (with and without a grace
 * period), stream-table lookups, table-table joins on the key and on a foreign key, n-way joins,
 * transient push queries, GROUP BY and PARTITION BY over a join, and ksqlDB's refusals.
 */
import { expect } from 'chai';
import type { Gateway } from '../../src/gateway.js';
import { h2Request, openStream } from '../support/http-clients.js';
import { ksql, ksqlError, produce, sleep, startTestGateway } from '../support/gateway.js';

interface TopicRecord {
  key: unknown;
  value: unknown;
  timestamp: number;
}

async function records(gw: Gateway, topic: string): Promise<TopicRecord[]> {
  return JSON.parse((await h2Request(gw.url, { method: 'GET', path: `/topics/${topic}/records` })).body);
}

/** The topic's records once it has `count`, after a moment to show that no more arrive. */
async function settled(gw: Gateway, topic: string, count: number): Promise<[unknown, unknown, number][]> {
  for (let i = 0; i < 200; i++) {
    const got = await records(gw, topic);
    if (got.length >= count) {
      await sleep(50);
      return (await records(gw, topic)).map((r) => [r.key, r.value, r.timestamp]);
    }
    await sleep(10);
  }
  throw new Error(`${topic} did not reach ${count} records`);
}

/** Produces records one request at a time, so that they are processed in this order. */
async function feed(gw: Gateway, records: [string, unknown, unknown, number][]): Promise<void> {
  for (const [topic, key, value, timestamp] of records) {
    await produce(gw, topic, [{ key, value, timestamp }]);
    await sleep(5);
  }
}

const STREAMS = [
  "CREATE STREAM L (ID INT KEY, A STRING) WITH (kafka_topic='l', value_format='JSON', partitions=1);",
  "CREATE STREAM R (ID INT KEY, B STRING) WITH (kafka_topic='r', value_format='JSON', partitions=1);",
].join('\n');

const TABLES = [
  "CREATE TABLE TL (ID INT PRIMARY KEY, A STRING, FK INT) WITH (kafka_topic='tl', value_format='JSON', partitions=1);",
  "CREATE TABLE TR (ID INT PRIMARY KEY, B STRING) WITH (kafka_topic='tr', value_format='JSON', partitions=1);",
].join('\n');

describe('joins', () => {
  let gw: Gateway;
  beforeEach(async () => {
    gw = await startTestGateway();
    await ksql(gw, `${STREAMS}\n${TABLES}`);
  });
  afterEach(() => gw.close());

  it('joins streams within a window, each pair at the later timestamp, named as ksqlDB names join columns', async () => {
    await ksql(gw, 'CREATE STREAM J AS SELECT * FROM L JOIN R WITHIN 10 SECONDS ON L.ID = R.ID;');
    await feed(gw, [
      ['l', 1, { A: 'a1' }, 1000],
      ['r', 1, { B: 'b1' }, 5000],
      ['r', 1, { B: 'late' }, 20000],
      ['r', 2, { B: 'other' }, 6000],
    ]);
    expect(await settled(gw, 'J', 1)).to.deep.equal([[1, { L_A: 'a1', R_ID: 1, R_B: 'b1' }, 5000]]);
    const [described] = (await ksql(gw, 'DESCRIBE J;')) as { sourceDescription: { fields: { name: string }[] } }[];
    expect(described!.sourceDescription.fields.map((f) => f.name)).to.deep.equal(['L_ID', 'L_A', 'R_ID', 'R_B']);
  });

  it('emits an unmatched left row at once without a grace period, and only when its window closes with one', async () => {
    await ksql(gw, 'CREATE STREAM NOW AS SELECT L.ID, A, B FROM L LEFT JOIN R WITHIN 1 SECOND ON L.ID = R.ID;');
    await ksql(gw, 'CREATE STREAM HELD AS SELECT L.ID, A, B FROM L LEFT JOIN R WITHIN 1 SECOND GRACE PERIOD 1 SECOND ON L.ID = R.ID;');
    await feed(gw, [
      ['l', 1, { A: 'alone' }, 0],
      ['l', 2, { A: 'matched' }, 100],
      ['r', 2, { B: 'b' }, 1000],
      ['l', 3, { A: 'closer' }, 2500],
    ]);
    expect(await settled(gw, 'NOW', 4)).to.deep.equal([
      [1, { A: 'alone', B: null }, 0],
      [2, { A: 'matched', B: null }, 100],
      [2, { A: 'matched', B: 'b' }, 1000],
      [3, { A: 'closer', B: null }, 2500],
    ]);
    // Record 1 waits until stream time passes 0 + 1s + 1s; record 2 finds its partner in time.
    expect(await settled(gw, 'HELD', 2)).to.deep.equal([
      [2, { A: 'matched', B: 'b' }, 1000],
      [1, { A: 'alone', B: null }, 0],
    ]);
  });

  it('looks stream records up in a table: table changes emit nothing, a missing row gives NULLs', async () => {
    await ksql(gw, 'CREATE STREAM E AS SELECT L.ID, A, B FROM L LEFT JOIN TR ON L.ID = TR.ID;');
    await feed(gw, [
      ['tr', 1, { B: 'one' }, 0],
      ['l', 1, { A: 'x' }, 10],
      ['tr', 1, { B: 'uno' }, 20],
      ['l', 1, { A: 'y' }, 30],
      ['l', 2, { A: 'z' }, 40],
    ]);
    expect(await settled(gw, 'E', 3)).to.deep.equal([
      [1, { A: 'x', B: 'one' }, 10],
      [1, { A: 'y', B: 'uno' }, 30],
      [2, { A: 'z', B: null }, 40],
    ]);
  });

  it('joins tables on the key: an outer join is keyed by ROWKEY and deletes when both sides are gone', async () => {
    await ksql(gw, 'CREATE TABLE O AS SELECT ROWKEY AS K, A, B FROM TL FULL OUTER JOIN TR ON TL.ID = TR.ID;');
    await feed(gw, [
      ['tl', 1, { A: 'a' }, 0],
      ['tr', 1, { B: 'b' }, 10],
      ['tl', 1, null, 20],
      ['tr', 1, null, 30],
    ]);
    expect(await settled(gw, 'O', 4)).to.deep.equal([
      [1, { A: 'a', B: null }, 0],
      [1, { A: 'a', B: 'b' }, 10],
      [1, { A: null, B: 'b' }, 20],
      [1, null, 30],
    ]);
  });

  it('joins tables on a foreign key: a right change re-emits every left row that refers to it', async () => {
    await ksql(gw, 'CREATE TABLE F AS SELECT TL.ID, A, B FROM TL JOIN TR ON TL.FK = TR.ID;');
    await feed(gw, [
      ['tr', 7, { B: 'seven' }, 0],
      ['tl', 2, { A: 'two', FK: 7 }, 10],
      ['tl', 1, { A: 'one', FK: 7 }, 20],
      ['tr', 7, { B: 'SEVEN' }, 30],
      ['tl', 1, { A: 'one', FK: 8 }, 40],
    ]);
    expect(await settled(gw, 'F', 5)).to.deep.equal([
      [2, { A: 'two', B: 'seven' }, 10],
      [1, { A: 'one', B: 'seven' }, 20],
      [1, { A: 'one', B: 'SEVEN' }, 30],
      [2, { A: 'two', B: 'SEVEN' }, 30],
      [1, null, 40],
    ]);
  });

  it('chains joins: a stream joined to two tables on equivalent keys', async () => {
    await ksql(gw, 'CREATE STREAM M AS SELECT L.ID, L.A, TR.B, TL.A AS TA FROM L JOIN TR ON L.ID = TR.ID LEFT JOIN TL ON L.ID = TL.ID;');
    await feed(gw, [
      ['tr', 1, { B: 'b' }, 0],
      ['l', 1, { A: 'first' }, 10],
      ['tl', 1, { A: 'ta', FK: null }, 20],
      ['l', 1, { A: 'second' }, 30],
    ]);
    expect(await settled(gw, 'M', 2)).to.deep.equal([
      [1, { L_A: 'first', B: 'b', TA: null }, 10],
      [1, { L_A: 'second', B: 'b', TA: 'ta' }, 30],
    ]);
  });

  it('streams a transient push query over a join', async () => {
    const stream = openStream('h2', gw.url, {
      path: '/query-stream',
      body: JSON.stringify({ sql: 'SELECT L.ID, A, B FROM L JOIN R WITHIN 1 MINUTE ON L.ID = R.ID EMIT CHANGES LIMIT 1;' }),
    });
    const header = JSON.parse(await stream.nextLine()) as { columnNames: string[] };
    // ID is in both sources, so ksqlDB names it after its source.
    expect(header.columnNames).to.deep.equal(['L_ID', 'A', 'B']);
    await feed(gw, [
      ['l', 5, { A: 'x' }, 0],
      ['r', 5, { B: 'y' }, 1],
    ]);
    expect(await stream.nextLine()).to.equal('[5,"x","y"]');
  });

  it('aggregates and re-keys the result of a join', async () => {
    await ksql(gw, 'CREATE TABLE C AS SELECT B, COUNT(*) AS N FROM L JOIN TR ON L.ID = TR.ID GROUP BY B;');
    await ksql(gw, 'CREATE STREAM P AS SELECT A, L.ID AS LID, B FROM L JOIN TR ON L.ID = TR.ID PARTITION BY A;');
    await feed(gw, [
      ['tr', 1, { B: 'b' }, 0],
      ['l', 1, { A: 'x' }, 10],
      ['l', 1, { A: 'y' }, 20],
    ]);
    expect(await settled(gw, 'C', 2)).to.deep.equal([
      ['b', { N: 1 }, 10],
      ['b', { N: 2 }, 20],
    ]);
    expect(await settled(gw, 'P', 2)).to.deep.equal([
      ['x', { LID: 1, B: 'b' }, 10],
      ['y', { LID: 1, B: 'b' }, 20],
    ]);
  });

  it('refuses what ksqlDB refuses, in its words', async () => {
    expect(await ksqlError(gw, 'CREATE STREAM X AS SELECT A, B FROM L JOIN R WITHIN 1 SECOND ON L.ID = R.ID;')).to.contain(
      'The query used to build `X` must include the join expressions L.ID or R.ID in its projection (eg, SELECT L.ID...).',
    );
    expect(await ksqlError(gw, 'CREATE STREAM X AS SELECT * FROM L JOIN R ON L.ID = R.ID;')).to.contain(
      'Stream-Stream joins must have a WITHIN clause specified.',
    );
    expect(await ksqlError(gw, 'CREATE STREAM X AS SELECT * FROM L JOIN R WITHIN 1 SECOND ON ID = ID;')).to.contain(
      "Column 'ID' is ambiguous. Could be L.ID or R.ID.",
    );
    expect(await ksqlError(gw, 'CREATE TABLE X AS SELECT * FROM TR JOIN L ON TR.ID = L.ID;')).to.contain(
      'Invalid join order: table-stream joins are not supported; only stream-table joins. Got TR [INNER] JOIN L.',
    );
    expect(await ksqlError(gw, 'CREATE STREAM X AS SELECT * FROM L FULL OUTER JOIN TR ON L.ID = TR.ID;')).to.contain(
      'Invalid join type: full-outer join not supported for stream-table join. Got L [FULL] OUTER JOIN TR.',
    );
    const pull = await h2Request(gw.url, { path: '/query-stream', body: JSON.stringify({ sql: 'SELECT * FROM TL JOIN TR ON TL.ID = TR.ID;' }) });
    expect(pull.body).to.contain("Pull queries don't support JOIN clauses.");
  });
});
