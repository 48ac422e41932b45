/**
 * POST /ksql through a real gateway (protocol spec §6): entities and their field orders,
 * validate-everything-first, request-scoped variables, statement errors.
 */
import { expect } from 'chai';
import type { Gateway } from '../../src/gateway.js';
import { request, TRANSPORTS } from '../support/http-clients.js';
import { startTestGateway } from '../support/gateway.js';

const CREATE = "CREATE STREAM S (ID INTEGER KEY, V STRING) WITH (kafka_topic='s', value_format='JSON', partitions=2);";

describe('/ksql', () => {
  let gw: Gateway;
  beforeEach(async () => {
    gw = await startTestGateway();
  });
  afterEach(() => gw.close());

  const post = (body: object, transport: 'h2' | 'h1' = 'h2', headers: Record<string, string> = {}) =>
    request(transport, gw.url, { path: '/ksql', body: JSON.stringify(body), headers });

  for (const transport of TRANSPORTS) {
    it(`creates, lists and describes a stream over ${transport}`, async () => {
      const res = await post({ ksql: `${CREATE} SHOW STREAMS; DESCRIBE S;` }, transport);
      expect(res.status).to.equal(200);
      expect(res.headers['content-type']).to.equal('application/json');
      const [created, listed, described] = JSON.parse(res.body);
      expect(Object.keys(created)).to.deep.equal(['@type', 'statementText', 'commandId', 'commandStatus', 'commandSequenceNumber', 'warnings']);
      expect(created).to.deep.include({
        '@type': 'currentStatus',
        statementText: CREATE,
        commandId: 'stream/`S`/create',
        commandStatus: { status: 'SUCCESS', message: 'Stream created', queryId: null },
        warnings: [],
      });
      expect(listed).to.deep.equal({
        '@type': 'streams',
        statementText: 'SHOW STREAMS;',
        streams: [{ type: 'STREAM', name: 'S', topic: 's', keyFormat: 'KAFKA', valueFormat: 'JSON', isWindowed: false }],
        warnings: [],
      });
      const d = described.sourceDescription;
      expect(Object.keys(d)).to.deep.equal([
        'name', 'windowType', 'readQueries', 'writeQueries', 'fields', 'type', 'timestamp', 'statistics', 'errorStats',
        'extended', 'keyFormat', 'valueFormat', 'topic', 'partitions', 'replication', 'statement', 'queryOffsetSummaries',
        'sourceConstraints', 'clusterStatistics', 'clusterErrorStats',
      ]);
      expect(d.fields).to.deep.equal([
        { name: 'ID', schema: { type: 'INTEGER', fields: null, memberSchema: null }, type: 'KEY' },
        { name: 'V', schema: { type: 'STRING', fields: null, memberSchema: null } },
      ]);
      expect(d).to.include({ type: 'STREAM', topic: 's', partitions: 2, keyFormat: 'KAFKA', valueFormat: 'JSON', statement: CREATE });
    });
  }

  it('runs nothing when one statement of the request fails', async () => {
    const res = await post({ ksql: `${CREATE} CREATE STREAM S2 (X INT) WITH (kafka_topic='nope', value_format='JSON');` });
    expect(res.status).to.equal(400);
    const body = JSON.parse(res.body);
    expect(body['@type']).to.equal('statement_error');
    expect(body.error_code).to.equal(40001);
    expect(body.statementText).to.equal("CREATE STREAM S2 (X INT) WITH (kafka_topic='nope', value_format='JSON');");
    expect(body.message).to.match(/^Topic 'nope' does not exist/);
    expect(body.entities).to.deep.equal([]);
    const shown = JSON.parse((await post({ ksql: 'SHOW STREAMS;' })).body);
    expect(shown[0].streams).to.deep.equal([]);
    expect(gw.engine.store.get('s')).to.equal(undefined);
  });

  it('answers IF NOT EXISTS on an existing stream with a warning entity, and a plain repeat with an error', async () => {
    await post({ ksql: CREATE });
    const again = JSON.parse((await post({ ksql: CREATE.replace('CREATE STREAM', 'CREATE STREAM IF NOT EXISTS') })).body);
    expect(again[0]).to.deep.include({ '@type': 'warning_entity', message: 'Cannot add stream `S`: A stream with the same name already exists.' });
    const dup = await post({ ksql: CREATE });
    expect(dup.status).to.equal(400);
    expect(JSON.parse(dup.body).message).to.equal("Cannot add stream 'S': A stream with the same name already exists");
  });

  it('sends SELECT and PRINT to /query-stream with 40002', async () => {
    await post({ ksql: CREATE });
    const res = await post({ ksql: 'SELECT * FROM S EMIT CHANGES;' });
    expect(res.status).to.equal(400);
    const body = JSON.parse(res.body);
    expect(body.error_code).to.equal(40002);
    expect(body.message).to.equal("The following statement types should be issued to the websocket endpoint '/query':\n\t* PRINT\n\t* SELECT");
  });

  it('keeps DEFINE for the rest of the request only, and returns no entity for it', async () => {
    const res = await post({ ksql: "DEFINE topicName = 's'; DEFINE x = '1'; UNDEFINE x; SHOW VARIABLES;" });
    const entities = JSON.parse(res.body);
    expect(entities).to.deep.equal([
      { '@type': 'variables', statementText: 'SHOW VARIABLES;', variables: [{ name: 'topicName', value: 's' }], warnings: [] },
    ]);
    const later = JSON.parse((await post({ ksql: 'SHOW VARIABLES;' })).body);
    expect(later[0].variables).to.deep.equal([]);
  });

  it('substitutes variables in identifier and literal positions, case-insensitively', async () => {
    const res = await post({ ksql: "DEFINE NAME = 'T'; CREATE STREAM ${name} (A INT) WITH (kafka_topic='t', value_format='JSON', partitions=1);" });
    expect(JSON.parse(res.body)[0].commandId).to.equal('stream/`T`/create');
  });

  it('inserts with INSERT ... VALUES (no entity) and drops with DELETE TOPIC', async () => {
    await post({ ksql: CREATE });
    const ins = await post({ ksql: "INSERT INTO S (ID, V) VALUES (1, 'a');" });
    expect(JSON.parse(ins.body)).to.deep.equal([]);
    expect(gw.engine.store.get('s')!.size()).to.equal(1);
    const drop = JSON.parse((await post({ ksql: 'DROP STREAM S DELETE TOPIC;' })).body);
    expect(drop[0]).to.deep.include({ commandId: 'stream/S/drop', commandStatus: { status: 'SUCCESS', message: 'Source `S` (topic: s) was dropped.', queryId: null } });
    expect(gw.engine.store.get('s')).to.equal(undefined);
  });

  it('lists topics with one replica entry per partition', async () => {
    await post({ ksql: CREATE });
    const topics = JSON.parse((await post({ ksql: 'SHOW TOPICS;' })).body);
    expect(topics[0]).to.deep.equal({ '@type': 'kafka_topics', statementText: 'SHOW TOPICS;', topics: [{ name: 's', replicaInfo: [1, 1] }], warnings: [] });
  });

  it('answers an empty request with an empty list, ignores Authorization, and 404s an unknown Accept', async () => {
    const empty = await post({}, 'h1', { authorization: 'Basic Og==' });
    expect(empty.status).to.equal(200);
    expect(empty.body).to.equal('[]');
    const bad = await post({ ksql: 'SHOW STREAMS;' }, 'h1', { accept: 'text/html' });
    expect(bad.status).to.equal(404);
  });

  it('lists functions and describes one', async () => {
    const [names] = JSON.parse((await post({ ksql: 'SHOW FUNCTIONS;' })).body);
    expect(names['@type']).to.equal('function_names');
    expect(names.functions).to.deep.include({ name: 'ABS', type: 'SCALAR', category: 'MATHEMATICAL' });
    expect(names.functions).to.deep.include({ name: 'EXPLODE', type: 'TABLE', category: 'TABLE' });
    const [described] = JSON.parse((await post({ ksql: 'DESCRIBE FUNCTION abs;' })).body);
    expect(described).to.include({ '@type': 'describe_function', name: 'ABS', type: 'SCALAR' });
    expect(described.functions.map((f: { argumentTypes: string[] }) => f.argumentTypes)).to.deep.include(['DOUBLE']);
    const unknown = await post({ ksql: 'DESCRIBE FUNCTION nope;' });
    expect(JSON.parse(unknown.body).message).to.equal("Can't find any functions with the name 'nope'");
  });
});
