/**
 * POST /query-stream through a real gateway, over HTTP/2 and HTTP/1.1: push and pull queries in
 * the three formats, framing, close-query, and the errors of protocol spec §2.9.
 */
import { expect } from 'chai';
import type { Gateway } from '../../src/gateway.js';
import { h2Request, openStream, request, TRANSPORTS } from '../support/http-clients.js';
import { ksql, produce, startTestGateway } from '../support/gateway.js';

const CREATE = "CREATE STREAM S (K STRING KEY, ID INT, NAME STRING, BIG BIGINT, D DOUBLE) WITH (kafka_topic='s', value_format='JSON', partitions=1);";

describe('/query-stream', () => {
  let gw: Gateway;
  beforeEach(async () => {
    gw = await startTestGateway();
    await ksql(gw, CREATE);
    await produce(gw, 's', [
      { key: 'a', value: { ID: 1, NAME: 'one', BIG: 9007199254740993n.toString(), D: 1 }, timestamp: 1000 },
      { key: 'b', value: { ID: 2, NAME: 'two', BIG: 2, D: 10000000 }, timestamp: 2000 },
    ]);
  });
  afterEach(() => gw.close());

  for (const transport of TRANSPORTS) {
    describe(`over ${transport}`, () => {
      it('answers a push query in the delimited format, one line per element', async () => {
        const res = await request(transport, gw.url, {
          path: '/query-stream',
          body: JSON.stringify({ sql: 'SELECT * FROM S EMIT CHANGES LIMIT 2;' }),
        });
        expect(res.status).to.equal(200);
        expect(res.headers['content-type']).to.equal('application/vnd.ksqlapi.delimited.v1');
        const lines = res.body.split('\n');
        const meta = JSON.parse(lines[0]!);
        expect(Object.keys(meta)).to.deep.equal(['queryId', 'columnNames', 'columnTypes']);
        expect(meta.queryId).to.match(/^transient_S_\d+$/);
        expect(meta.columnNames).to.deep.equal(['K', 'ID', 'NAME', 'BIG', 'D']);
        expect(meta.columnTypes).to.deep.equal(['STRING', 'INTEGER', 'STRING', 'BIGINT', 'DOUBLE']);
        expect(lines.slice(1)).to.deep.equal(['["a",1,"one",9007199254740993,1.0]', '["b",2,"two",2,1.0E7]', '']);
      });

      it('answers application/json with one JSON array and no newlines', async () => {
        const res = await request(transport, gw.url, {
          path: '/query-stream',
          headers: { accept: 'application/json' },
          body: JSON.stringify({ sql: 'SELECT ID FROM S EMIT CHANGES LIMIT 2;' }),
        });
        expect(res.headers['content-type']).to.equal('application/json');
        expect(res.body).to.match(/^\[\{"queryId":"transient_S_\d+","columnNames":\["ID"\],"columnTypes":\["INTEGER"\]\},\[1\],\[2\]\]$/);
      });

      it('answers application/vnd.ksql.v1+json with StreamedRow elements and a final message', async () => {
        const res = await request(transport, gw.url, {
          path: '/query-stream',
          headers: { accept: 'application/vnd.ksql.v1+json' },
          body: JSON.stringify({ sql: 'SELECT ID, NAME FROM S EMIT CHANGES LIMIT 1;' }),
        });
        expect(res.headers['content-type']).to.equal('application/vnd.ksql.v1+json');
        expect(res.body).to.match(
          /^\[\{"header":\{"queryId":"transient_S_\d+","schema":"`ID` INTEGER, `NAME` STRING"\}\},\n\{"row":\{"columns":\[1,"one"\]\}\},\n\{"finalMessage":"Limit Reached"\}\]$/,
        );
        expect(JSON.parse(res.body)).to.have.length(3);
      });

      it('answers a pull query over a stream, which ends by itself, marking key columns in format C', async () => {
        const res = await request(transport, gw.url, {
          path: '/query-stream',
          headers: { accept: 'application/vnd.ksql.v1+json' },
          body: JSON.stringify({ sql: "SELECT K, ID FROM S WHERE NAME = 'two';" }),
        });
        expect(res.status).to.equal(200);
        expect(res.body).to.match(/^\[\{"header":\{"queryId":"query_\d+","schema":"`K` STRING KEY, `ID` INTEGER"\}\},\n\{"row":\{"columns":\["b",2\]\}\}\]$/);
      });

      it('gives the 404 catch-all for an Accept header it cannot produce', async () => {
        const res = await request(transport, gw.url, {
          path: '/query-stream',
          headers: { accept: 'blahblah' },
          body: JSON.stringify({ sql: 'SELECT * FROM S EMIT CHANGES;' }),
        });
        expect(res.status).to.equal(404);
        expect(res.body).to.equal('Not Found');
      });

      it('reports a syntax error with the statement appended', async () => {
        const sql = 'SLECTT * FROM S;';
        const res = await request(transport, gw.url, { path: '/query-stream', body: JSON.stringify({ sql }) });
        expect(res.status).to.equal(400);
        expect(res.headers['content-type']).to.equal(undefined);
        const body = JSON.parse(res.body);
        expect(body['@type']).to.equal('statement_error');
        expect(body.error_code).to.equal(40001);
        expect(body.message).to.match(/^line 1:1: Syntax Error\nUnknown statement 'SLECTT'\nDid you mean 'SELECT'\?/);
        expect(body.message.endsWith(`\nStatement: ${sql}`)).to.equal(true);
        expect(body.statementText).to.equal(sql);
      });

      it('refuses a statement that is neither a query nor a print', async () => {
        const sql = 'SHOW STREAMS;';
        const res = await request(transport, gw.url, { path: '/query-stream', body: JSON.stringify({ sql }) });
        expect(res.status).to.equal(400);
        expect(JSON.parse(res.body).message).to.equal(`Neither a query nor a print statement\nStatement: ${sql}`);
      });

      it('refuses a body without sql', async () => {
        const res = await request(transport, gw.url, { path: '/query-stream', body: '{"properties":{}}' });
        expect(res.status).to.equal(400);
        const body = JSON.parse(res.body);
        expect(body).to.include({ '@type': 'generic_error', error_code: 40000 });
        expect(body.message).to.match(/^Invalid JSON in request: Missing required creator property 'sql'/);
      });

      it('refuses malformed JSON', async () => {
        const res = await request(transport, gw.url, { path: '/query-stream', body: '{"sql": ' });
        expect(res.status).to.equal(400);
        expect(JSON.parse(res.body).message).to.match(/^Invalid JSON in request: /);
      });
    });
  }

  it('sends the header of a quiet push query at once, rows that arrive apart in frames of their own, and /close-query ends it', async () => {
    const stream = openStream('h2', gw.url, {
      path: '/query-stream',
      body: JSON.stringify({ sql: 'SELECT ID FROM S EMIT CHANGES;', properties: { 'auto.offset.reset': 'latest' } }),
    });
    const meta = JSON.parse(await stream.nextLine());
    await produce(gw, 's', [{ key: 'c', value: { ID: 3 } }]);
    expect(await stream.nextLine()).to.equal('[3]');
    await produce(gw, 's', [{ key: 'd', value: { ID: 4 } }]);
    expect(await stream.nextLine()).to.equal('[4]');
    expect(stream.chunks.slice(1)).to.deep.equal(['[3]\n', '[4]\n']);
    const shown = (await ksql(gw, 'SHOW QUERIES;'))[0] as { queries: { id: string; queryType: string }[] };
    expect(shown.queries.map((q) => [q.id, q.queryType])).to.deep.equal([[meta.queryId, 'PUSH']]);
    const closed = await h2Request(gw.url, { path: '/close-query', body: JSON.stringify({ queryId: meta.queryId }) });
    expect(closed.status).to.equal(200);
    expect(closed.body).to.equal('');
    expect(await stream.ended).to.equal('');
    expect(gw.engine.queries.size).to.equal(0);
  });

  it('ends a push query when its client resets the stream', async () => {
    const stream = openStream('h2', gw.url, { path: '/query-stream', body: JSON.stringify({ sql: 'SELECT * FROM S EMIT CHANGES;' }) });
    await stream.nextLine();
    expect(gw.engine.queries.size).to.equal(1);
    stream.cancel();
    for (let i = 0; i < 50 && gw.engine.queries.size > 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(gw.engine.queries.size).to.equal(0);
  });

  it('answers an unknown query id on /close-query with 40000', async () => {
    const res = await h2Request(gw.url, { path: '/close-query', body: '{"queryId":"nope"}' });
    expect(res.status).to.equal(400);
    expect(JSON.parse(res.body)).to.deep.equal({ '@type': 'generic_error', error_code: 40000, message: 'No query with id nope' });
  });

  it('substitutes session variables, case-sensitively', async () => {
    const res = await h2Request(gw.url, {
      path: '/query-stream',
      body: JSON.stringify({ sql: 'SELECT NAME FROM ${src} WHERE ID = ${id};', sessionVariables: { src: 'S', id: 2 } }),
    });
    expect(res.status).to.equal(200);
    expect(res.body.split('\n').slice(1)).to.deep.equal(['["two"]', '']);
    const wrongCase = await h2Request(gw.url, {
      path: '/query-stream',
      body: JSON.stringify({ sql: 'SELECT NAME FROM ${SRC};', sessionVariables: { src: 'S' } }),
    });
    expect(wrongCase.status).to.equal(400);
  });

  it('starts push queries at the latest offset unless auto.offset.reset says otherwise', async () => {
    const gw2 = await startTestGateway({ defaultOffsetReset: 'latest' });
    try {
      await ksql(gw2, CREATE);
      await produce(gw2, 's', [{ key: 'a', value: { ID: 1 } }]);
      const stream = openStream('h2', gw2.url, { path: '/query-stream', body: JSON.stringify({ sql: 'SELECT ID FROM S EMIT CHANGES LIMIT 1;' }) });
      await stream.nextLine();
      await produce(gw2, 's', [{ key: 'b', value: { ID: 2 } }]);
      expect(await stream.nextLine()).to.equal('[2]');
    } finally {
      await gw2.close();
    }
  });
});
