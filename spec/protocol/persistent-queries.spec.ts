/**
 * CREATE STREAM AS SELECT and INSERT INTO ... SELECT through a real gateway: sink topics and
 * records, SHOW QUERIES, DESCRIBE's read/write queries, DROP refusals, TERMINATE, and scalable
 * push queries over a persistent query's output.
 */
import { expect } from 'chai';
import type { Gateway } from '../../src/gateway.js';
import { h2Request, openStream } from '../support/http-clients.js';
import { ksql, produce, sleep, startTestGateway } from '../support/gateway.js';

async function records(gw: Gateway, topic: string): Promise<{ key: unknown; value: unknown; timestamp: number }[]> {
  return JSON.parse((await h2Request(gw.url, { method: 'GET', path: `/topics/${topic}/records` })).body);
}

async function until(cond: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (await cond()) return;
    await sleep(10);
  }
  throw new Error('condition not met in time');
}

describe('persistent queries', () => {
  let gw: Gateway;
  beforeEach(async () => {
    gw = await startTestGateway({ scalablePushQueries: true });
    await ksql(gw, "CREATE STREAM I (K STRING KEY, ID INT, NAME STRING) WITH (kafka_topic='i', value_format='JSON', partitions=2);");
  });
  afterEach(() => gw.close());

  it('runs CSAS: the sink topic gets the projected, filtered records with their timestamps', async () => {
    const [created] = (await ksql(gw, 'CREATE STREAM OUT AS SELECT K, ID * 2 AS TWICE FROM I WHERE ID > 1;')) as Record<string, unknown>[];
    expect(created).to.deep.include({
      '@type': 'currentStatus',
      commandId: 'stream/`OUT`/create',
      commandStatus: { status: 'SUCCESS', message: 'Created query with ID CSAS_OUT_0', queryId: 'CSAS_OUT_0' },
    });
    await produce(gw, 'i', [
      { key: 'a', value: { ID: 1 }, timestamp: 5 },
      { key: 'b', value: { ID: 2 }, timestamp: 6 },
    ]);
    await until(async () => (await records(gw, 'OUT')).length === 1);
    const [out] = await records(gw, 'OUT');
    expect(out).to.deep.include({ key: 'b', value: { TWICE: 4 }, timestamp: 6 });
    expect(gw.engine.store.get('OUT')!.partitions).to.equal(2);
  });

  it('lists persistent queries, names them in DESCRIBE, and refuses to drop their sources until terminated', async () => {
    await ksql(gw, 'CREATE STREAM OUT AS SELECT * FROM I;');
    const [shown] = (await ksql(gw, 'SHOW QUERIES;')) as { queries: object[] }[];
    expect(shown!.queries).to.deep.equal([
      {
        queryString: 'CREATE STREAM OUT AS SELECT * FROM I;',
        sinks: ['OUT'],
        sinkKafkaTopics: ['OUT'],
        id: 'CSAS_OUT_0',
        statusCount: { RUNNING: 1 },
        queryType: 'PERSISTENT',
        state: 'RUNNING',
      },
    ]);
    const [described] = (await ksql(gw, 'DESCRIBE I;')) as { sourceDescription: { readQueries: { id: string }[] } }[];
    expect(described!.sourceDescription.readQueries.map((q) => q.id)).to.deep.equal(['CSAS_OUT_0']);
    const refused = await h2Request(gw.url, { path: '/ksql', body: JSON.stringify({ ksql: 'DROP STREAM I;' }) });
    expect(refused.status).to.equal(400);
    expect(JSON.parse(refused.body).message).to.equal(
      'Cannot drop I.\nThe following queries read from this source: [CSAS_OUT_0].\nYou need to terminate them before dropping I.',
    );
    const [terminated] = (await ksql(gw, 'TERMINATE CSAS_OUT_0;')) as Record<string, unknown>[];
    expect(terminated).to.deep.include({ commandId: 'terminate/CSAS_OUT_0/execute' });
    expect(gw.engine.queries.size).to.equal(0);
    await ksql(gw, 'DROP STREAM OUT DELETE TOPIC; DROP STREAM I DELETE TOPIC;');
  });

  it('runs INSERT INTO ... SELECT into a stream of the same schema', async () => {
    await ksql(gw, "CREATE STREAM J (K STRING KEY, ID INT, NAME STRING) WITH (kafka_topic='j', value_format='JSON', partitions=1);");
    const [created] = (await ksql(gw, 'INSERT INTO J SELECT * FROM I;')) as { commandStatus: { queryId: string } }[];
    expect(created!.commandStatus.queryId).to.equal('INSERTQUERY_0');
    await produce(gw, 'i', [{ key: 'x', value: { ID: 7, NAME: 'seven' }, timestamp: 1 }]);
    await until(async () => (await records(gw, 'j')).length === 1);
    expect((await records(gw, 'j'))[0]).to.deep.include({ key: 'x', value: { ID: 7, NAME: 'seven' } });
    const bad = await h2Request(gw.url, { path: '/ksql', body: JSON.stringify({ ksql: 'INSERT INTO J SELECT K, ID FROM I;' }) });
    expect(JSON.parse(bad.body).message).to.match(/^Incompatible schema between results and sink\./);
  });

  it('serves a scalable push query from latest over a persistent query output', async () => {
    await ksql(gw, 'CREATE STREAM OUT AS SELECT * FROM I;');
    const stream = openStream('h2', gw.url, {
      path: '/query-stream',
      headers: { accept: 'application/vnd.ksql.v1+json' },
      body: JSON.stringify({ sql: 'SELECT ID FROM OUT EMIT CHANGES;', properties: { 'auto.offset.reset': 'latest' } }),
    });
    const header = JSON.parse((await stream.nextLine()).slice(1, -1));
    expect(header.header.queryId).to.match(/^SCALABLE_PUSH_QUERY_/);
    await produce(gw, 'i', [{ key: 'a', value: { ID: 1 } }, { key: null, value: { ID: 2 } }, { key: 'c', value: { ID: 3 } }]);
    expect(await stream.nextLine()).to.equal('{"row":{"columns":[1]}},');
    expect(await stream.nextLine()).to.equal('{"row":{"columns":[3]}},');
    const closed = await h2Request(gw.url, { path: '/close-query', body: JSON.stringify({ queryId: header.header.queryId }) });
    expect(closed.status).to.equal(400);
    stream.cancel();
  });

  it("refuses what ksqlDB refuses in a persistent query's projection", async () => {
    const message = async (sql: string): Promise<string> =>
      JSON.parse((await h2Request(gw.url, { path: '/ksql', body: JSON.stringify({ ksql: sql }) })).body).message as string;
    expect(await message('CREATE STREAM O AS SELECT K, ID AS ROWPARTITION FROM I;')).to.equal(
      '`ROWPARTITION` is a reserved column name. You cannot use it as an alias for a column.',
    );
    expect(await message('CREATE STREAM O AS SELECT K, ROWOFFSET FROM I;')).to.equal(
      'Reserved column name in select: `ROWOFFSET`. Please remove or alias the column.',
    );
    expect(await message('CREATE STREAM O AS SELECT K FROM I;')).to.equal('The projection contains no value columns.');
    expect(await message('CREATE STREAM O AS SELECT ID FROM I;')).to.match(/must include the key column K in its projection/);
  });

  it('names the sink topic with ksql.output.topic.name.prefix', async () => {
    const res = await h2Request(gw.url, {
      path: '/ksql',
      body: JSON.stringify({ ksql: 'CREATE STREAM O AS SELECT * FROM I;', streamsProperties: { 'ksql.output.topic.name.prefix': 'pre-' } }),
    });
    expect(res.status).to.equal(200);
    expect(gw.engine.store.get('pre-O')).to.not.equal(undefined);
  });
});

