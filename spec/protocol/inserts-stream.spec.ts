/**
 * POST /inserts-stream through a real gateway (protocol spec §5): acks, error acks, the last
 * row without a newline, name rules, strict coercion, and full duplex over HTTP/1.1 too.
 */
import { expect } from 'chai';
import type { Gateway } from '../../src/gateway.js';
import { openStream, request, TRANSPORTS } from '../support/http-clients.js';
import { ksql, startTestGateway } from '../support/gateway.js';

async function pullAll(gw: Gateway, sql: string): Promise<string[]> {
  const res = await request('h2', gw.url, { path: '/query-stream', body: JSON.stringify({ sql }) });
  return res.body.split('\n').slice(1, -1);
}

describe('/inserts-stream', () => {
  let gw: Gateway;
  beforeEach(async () => {
    gw = await startTestGateway();
    await ksql(gw, "CREATE STREAM S (K STRING KEY, ID INT, BIG BIGINT, DEC DECIMAL(4, 2)) WITH (kafka_topic='s', value_format='JSON', partitions=2);");
  });
  afterEach(() => gw.close());

  for (const transport of TRANSPORTS) {
    describe(`over ${transport}`, () => {
      it('acks every row with its seq, seq first, and stores the rows exactly', async () => {
        const body = ['{"target":"s"}', '{"K":"a","ID":1,"BIG":9007199254740993,"DEC":1.005}', '{"k":"b","id":2,"dec":"12.3"}'].join('\n');
        const res = await request(transport, gw.url, { path: '/inserts-stream', body });
        expect(res.status).to.equal(200);
        expect(res.headers['content-type']).to.equal(undefined);
        expect(res.body).to.equal('{"seq":0,"status":"ok"}\n{"seq":1,"status":"ok"}\n');
        const rows = await pullAll(gw, 'SELECT K, ID, BIG, DEC FROM S;');
        expect(rows.sort()).to.deep.equal(['["a",1,9007199254740993,1.01]', '["b",2,null,12.30]']);
      });

      it('answers acks as one JSON array for Accept: application/json', async () => {
        const res = await request(transport, gw.url, {
          path: '/inserts-stream',
          headers: { accept: 'application/json' },
          body: '{"target":"S"}\n{"K":"a","ID":1}\n',
        });
        expect(res.body).to.equal('[{"seq":0,"status":"ok"}]');
        const empty = await request(transport, gw.url, { path: '/inserts-stream', headers: { accept: 'application/json' }, body: '{"target":"S"}\n' });
        expect(empty.body).to.equal('[]');
      });

      it('ends with an error ack at the first row that is not a JSON object', async () => {
        const res = await request(transport, gw.url, { path: '/inserts-stream', body: '{"target":"S"}\n{"K":"a"}\n[1,2]\n{"K":"c"}\n' });
        expect(res.body).to.equal(
          '{"seq":0,"status":"ok"}\n{"@type":"InsertError","status":"error","seq":1,"message":"Invalid JSON in inserts stream","error_code":40000}\n',
        );
        expect(await pullAll(gw, 'SELECT K FROM S;')).to.deep.equal(['["a"]']);
      });

      it('takes a chunk of many rows at once: rows before a bad one are stored and acked, none after it', async () => {
        const rows = Array.from({ length: 1000 }, (_, i) => `{"K":"k${i}","ID":${i}}`);
        rows[700] = '{"K":"bad","ID":"not a number"}';
        const res = await request(transport, gw.url, { path: '/inserts-stream', body: ['{"target":"S"}', ...rows].join('\n') });
        const acks = res.body.split('\n').filter((l) => l !== '');
        expect(acks.slice(0, 700)).to.deep.equal(Array.from({ length: 700 }, (_, i) => `{"seq":${i},"status":"ok"}`));
        expect(acks.slice(700)).to.have.length(1);
        expect(JSON.parse(acks[700]!)).to.include({ status: 'error', seq: 700, error_code: 40000 });
        const stored = await pullAll(gw, 'SELECT ID FROM S;');
        expect(stored.map((r) => JSON.parse(r)[0]).sort((a, b) => a - b)).to.deep.equal(Array.from({ length: 700 }, (_, i) => i));
      });

      it('refuses values that do not coerce strictly, and missing keys', async () => {
        const res = await request(transport, gw.url, { path: '/inserts-stream', body: '{"target":"S"}\n{"K":"a","BIG":"12"}\n' });
        const ack = JSON.parse(res.body.trim());
        expect(ack).to.deep.equal({
          '@type': 'InsertError',
          status: 'error',
          seq: 0,
          message: "Can't coerce a field of type class java.lang.String into type BIGINT",
          error_code: 40000,
        });
        const noKey = await request(transport, gw.url, { path: '/inserts-stream', body: '{"target":"S"}\n{"ID":1}\n' });
        expect(JSON.parse(noKey.body.trim()).message).to.equal('Key field must be specified: K');
        const tooBig = await request(transport, gw.url, { path: '/inserts-stream', body: '{"target":"S"}\n{"K":"a","ID":2147483648}\n' });
        expect(JSON.parse(tooBig.body.trim()).message).to.equal("Can't coerce a field of type class java.lang.Long into type INTEGER");
      });

      it('answers an unknown or quoted-case target with 400 before any ack', async () => {
        const res = await request(transport, gw.url, { path: '/inserts-stream', body: '{"target":"`s`"}\n{"K":"a"}\n' });
        expect(res.status).to.equal(400);
        expect(JSON.parse(res.body)).to.deep.equal({
          '@type': 'generic_error',
          error_code: 40001,
          message: 'Cannot insert values into an unknown stream/table: `s`',
        });
      });

      it('sends the 200 right after the arguments line and acks rows while the body is still open', async () => {
        const stream = openStream(transport, gw.url, { path: '/inserts-stream', body: '{"target":"S"}\n', keepOpen: true });
        expect(await stream.status).to.equal(200);
        stream.write('{"K":"a","ID":1}\n');
        expect(await stream.nextLine()).to.equal('{"seq":0,"status":"ok"}');
        stream.write('{"K":"b","ID":2}');
        stream.end();
        expect(await stream.nextLine()).to.equal('{"seq":1,"status":"ok"}');
        await stream.ended;
      });
    });
  }
});
