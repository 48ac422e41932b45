/**
 * EXPLAIN <query id>, EXPLAIN <statement> and SHOW|LIST QUERIES EXTENDED through a real gateway:
 * ksqlDB's queryDescription and query_descriptions entities, their field order, the ids of
 * explained statements, and the errors.
 */
import { expect } from 'chai';
import type { Gateway } from '../../src/gateway.js';
import { h2Request, openStream } from '../support/http-clients.js';
import { ksql, startTestGateway } from '../support/gateway.js';

type Entity = Record<string, unknown>;
type Description = Record<string, unknown> & { fields: object[]; topology: string; executionPlan: string };

const QUERY_DESCRIPTION_KEYS = [
  'id',
  'statementText',
  'windowType',
  'fields',
  'sources',
  'sinks',
  'topology',
  'executionPlan',
  'overriddenProperties',
  'ksqlHostQueryStatus',
  'queryType',
  'queryErrors',
  'tasksMetadata',
  'consumerGroupId',
  'state',
];

const STRING = { type: 'STRING', fields: null, memberSchema: null };
const INTEGER = { type: 'INTEGER', fields: null, memberSchema: null };
const BIGINT = { type: 'BIGINT', fields: null, memberSchema: null };

async function one(gw: Gateway, sql: string): Promise<Entity> {
  const entities = (await ksql(gw, sql)) as Entity[];
  expect(entities).to.have.length(1);
  return entities[0]!;
}

async function explained(gw: Gateway, sql: string): Promise<Description> {
  const entity = await one(gw, sql);
  expect(Object.keys(entity)).to.deep.equal(['@type', 'statementText', 'queryDescription', 'warnings']);
  expect(entity).to.deep.include({ '@type': 'queryDescription', statementText: sql, warnings: [] });
  const description = entity.queryDescription as Description;
  expect(Object.keys(description)).to.deep.equal(QUERY_DESCRIPTION_KEYS);
  return description;
}

async function failure(gw: Gateway, sql: string): Promise<{ status: number; body: Entity }> {
  const res = await h2Request(gw.url, { path: '/ksql', body: JSON.stringify({ ksql: sql }) });
  return { status: res.status, body: JSON.parse(res.body) as Entity };
}

async function extended(gw: Gateway, sql = 'SHOW QUERIES EXTENDED;'): Promise<Description[]> {
  const entity = await one(gw, sql);
  expect(Object.keys(entity)).to.deep.equal(['@type', 'statementText', 'queryDescriptions', 'warnings']);
  expect(entity).to.deep.include({ '@type': 'query_descriptions', statementText: sql });
  return entity.queryDescriptions as Description[];
}

describe('EXPLAIN and SHOW QUERIES EXTENDED', () => {
  let gw: Gateway;
  let host: string;
  beforeEach(async () => {
    gw = await startTestGateway();
    host = new URL(gw.url).host;
    await ksql(gw, "CREATE STREAM I (K STRING KEY, ID INT, NAME STRING) WITH (kafka_topic='i', value_format='JSON', partitions=1);");
  });
  afterEach(() => gw.close());

  it('explains a running CSAS by id, with its sink schema, plan and host status', async () => {
    const csas = 'CREATE STREAM OUT AS SELECT K, ID * 2 AS TWICE FROM I WHERE ID > 1;';
    await ksql(gw, csas);
    const d = await explained(gw, 'EXPLAIN CSAS_OUT_0;');
    expect(d).to.deep.include({
      id: 'CSAS_OUT_0',
      statementText: csas,
      windowType: null,
      fields: [
        { name: 'K', schema: STRING, type: 'KEY' },
        { name: 'TWICE', schema: INTEGER },
      ],
      sources: ['I'],
      sinks: ['OUT'],
      overriddenProperties: {},
      ksqlHostQueryStatus: { [host]: 'RUNNING' },
      queryType: 'PERSISTENT',
      queryErrors: [],
      tasksMetadata: [],
      consumerGroupId: '_confluent-ksql-default_query_CSAS_OUT_0',
      state: 'RUNNING',
    });
    const chain = [...d.topology.matchAll(/\[ (\w+) \]/g)].map((m) => m[1]);
    expect(chain).to.deep.equal(['SOURCE', 'FILTER', 'PROJECT', 'SINK']);
    expect(d.executionPlan.split('\n')[0]).to.equal(' > [ SINK ] | OUT: stream written to topic OUT | Schema: `K` STRING KEY, `TWICE` INTEGER');
  });

  it('explains a windowed CTAS by id, in any case, with the properties it was started with', async () => {
    const res = await h2Request(gw.url, {
      path: '/ksql',
      body: JSON.stringify({
        ksql: 'CREATE TABLE C AS SELECT K, COUNT(*) AS N FROM I WINDOW TUMBLING (SIZE 1 MINUTE) GROUP BY K;',
        streamsProperties: { 'auto.offset.reset': 'earliest' },
      }),
    });
    expect(res.status).to.equal(200);
    const d = await explained(gw, 'EXPLAIN ctas_c_0;');
    expect(d).to.deep.include({
      id: 'CTAS_C_0',
      windowType: 'TUMBLING',
      fields: [
        { name: 'K', schema: STRING, type: 'KEY' },
        { name: 'N', schema: BIGINT },
      ],
      sinks: ['C'],
      overriddenProperties: { 'auto.offset.reset': 'earliest' },
      queryType: 'PERSISTENT',
    });
    expect(d.topology).to.match(/\[ AGGREGATE \] GROUP BY key K: COUNT\(ROWTIME\), TUMBLING window of 60000 ms/);
  });

  it('explains a running transient push query by id', async () => {
    const stream = openStream('h2', gw.url, {
      path: '/query-stream',
      headers: { accept: 'application/vnd.ksql.v1+json' },
      body: JSON.stringify({ sql: 'SELECT ID, NAME FROM I EMIT CHANGES;' }),
    });
    const queryId = JSON.parse((await stream.nextLine()).slice(1, -1)).header.queryId as string;
    const d = await explained(gw, `EXPLAIN ${queryId};`);
    expect(d).to.deep.include({
      id: queryId,
      statementText: 'SELECT ID, NAME FROM I EMIT CHANGES;',
      windowType: null,
      fields: [
        { name: 'ID', schema: INTEGER },
        { name: 'NAME', schema: STRING },
      ],
      sources: ['I'],
      sinks: [],
      queryType: 'PUSH',
      state: 'RUNNING',
    });
    expect(d.consumerGroupId).to.match(new RegExp(`^_confluent-ksql-default_transient_${queryId}_\\d+$`));
    expect(d.topology).to.match(/\[ CLIENT \]/);
    stream.cancel();
  });

  it('explains statements without running them, with the ids their queries would get', async () => {
    const select = await explained(gw, 'EXPLAIN SELECT NAME FROM I WHERE ID > 1 EMIT CHANGES;');
    expect(select.id).to.match(/^transient_I_\d+$/);
    expect(select).to.deep.include({
      statementText: 'SELECT NAME FROM I WHERE ID > 1 EMIT CHANGES;',
      fields: [{ name: 'NAME', schema: STRING }],
      sinks: [],
      ksqlHostQueryStatus: {},
      queryType: 'PUSH',
      state: null,
    });
    const csas = await explained(gw, 'EXPLAIN CREATE STREAM OUT AS SELECT * FROM I;');
    expect(csas).to.deep.include({ id: 'CSAS_OUT_0', statementText: 'CREATE STREAM OUT AS SELECT * FROM I;', sinks: ['OUT'], state: null });
    expect(csas.fields).to.deep.equal([
      { name: 'K', schema: STRING, type: 'KEY' },
      { name: 'ID', schema: INTEGER },
      { name: 'NAME', schema: STRING },
    ]);
    const ctas = await explained(gw, 'EXPLAIN CREATE TABLE T AS SELECT NAME, COUNT(*) AS N FROM I GROUP BY NAME;');
    expect(ctas).to.deep.include({ id: 'CTAS_T_0', windowType: null, queryType: 'PERSISTENT' });
    await ksql(gw, "CREATE STREAM J (K STRING KEY, ID INT, NAME STRING) WITH (kafka_topic='j', value_format='JSON', partitions=1);");
    const insert = await explained(gw, 'EXPLAIN INSERT INTO J SELECT * FROM I;');
    expect(insert).to.deep.include({ id: 'INSERTQUERY_0', sources: ['I'], sinks: ['J'] });

    expect(gw.engine.queries.size).to.equal(0);
    expect(gw.engine.catalog.getSource('OUT')).to.equal(undefined);
    expect(gw.engine.store.get('OUT')).to.equal(undefined);
    const created = (await one(gw, 'CREATE STREAM OUT AS SELECT * FROM I;')) as { commandStatus: { queryId: string } };
    expect(created.commandStatus.queryId).to.equal(csas.id);
  });

  it("answers an unknown id and a statement that runs no query with ksqlDB's errors", async () => {
    const unknown = await failure(gw, 'EXPLAIN NOPE_1;');
    expect(unknown.status).to.equal(400);
    expect(unknown.body).to.deep.include({
      '@type': 'statement_error',
      error_code: 40001,
      message: 'Query with id:NOPE_1 does not exist, use SHOW QUERIES to view the full set of queries.',
      statementText: 'EXPLAIN NOPE_1;',
    });
    const noQuery = await failure(gw, 'EXPLAIN SHOW TOPICS;');
    expect(noQuery.status).to.equal(400);
    expect(noQuery.body).to.deep.include({ message: 'The provided statement does not run a ksql query', statementText: 'EXPLAIN SHOW TOPICS;' });
    const badPlan = await failure(gw, 'EXPLAIN CREATE STREAM O AS SELECT ID FROM I;');
    expect(badPlan.status).to.equal(400);
    expect(badPlan.body.message).to.match(/must include the key column K in its projection/);
    expect(badPlan.body.statementText).to.equal('EXPLAIN CREATE STREAM O AS SELECT ID FROM I;');
  });

  it('lists no descriptions when nothing runs, one per running query, and drops terminated ones', async () => {
    expect(await extended(gw)).to.deep.equal([]);
    await ksql(gw, "CREATE STREAM J (K STRING KEY, ID INT, NAME STRING) WITH (kafka_topic='j', value_format='JSON', partitions=1);");
    await ksql(gw, 'CREATE STREAM OUT AS SELECT * FROM I; INSERT INTO J SELECT * FROM I;');
    const two = await extended(gw, 'LIST QUERIES EXTENDED;');
    expect(two.map((d) => d.id).sort()).to.deep.equal(['CSAS_OUT_0', 'INSERTQUERY_1']);
    for (const d of two) {
      expect(Object.keys(d)).to.deep.equal(QUERY_DESCRIPTION_KEYS);
      expect(d).to.deep.include({ queryType: 'PERSISTENT', state: 'RUNNING', ksqlHostQueryStatus: { [host]: 'RUNNING' } });
    }
    await ksql(gw, 'TERMINATE CSAS_OUT_0;');
    expect((await extended(gw)).map((d) => d.id)).to.deep.equal(['INSERTQUERY_1']);
    expect((await failure(gw, 'EXPLAIN CSAS_OUT_0;')).status).to.equal(400);
  });
});
