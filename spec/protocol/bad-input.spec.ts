/**
 * Bad requests through a real gateway: malformed JSON, wrong field types, missing fields, bytes
 * that are not UTF-8, deep nesting, bodies over the size cap (sent at once or trickled), insert
 * lines over the line cap, unknown paths and methods, an Authorization header with auth off.
 * Each gets ksqlDB's status, `@type`, `error_code` and a message naming the problem (protocol spec
 * §0.2, §0.3, §2.1, §4, §5); none may bring the gateway down or leave half a change behind.
 */
import { expect } from 'chai';
import http2 from 'node:http2';
import { startGateway, type Gateway } from '../../src/gateway.js';
import { ksql, sleep } from '../support/gateway.js';
import { h2RequestOn, openStream, request, TRANSPORTS, type HttpResponse, type Transport } from '../support/http-clients.js';

const MAX_BODY = 512 * 1024;
const MAX_LINE = 1024;

interface Expected {
  readonly status: number;
  readonly type: 'generic_error' | 'statement_error';
  readonly code: number;
  readonly message: RegExp;
}

function expectError(res: HttpResponse, expected: Expected): Record<string, unknown> {
  expect(res.status, res.body).to.equal(expected.status);
  const body = JSON.parse(res.body) as Record<string, unknown>;
  expect(body['@type']).to.equal(expected.type);
  expect(body.error_code).to.equal(expected.code);
  expect(body.message).to.match(expected.message);
  return body;
}

const badJson = (message: RegExp): Expected => ({ status: 400, type: 'generic_error', code: 40000, message });

async function pullRows(gw: Gateway, sql: string): Promise<string[]> {
  const res = await request('h2', gw.url, { path: '/query-stream', body: JSON.stringify({ sql }) });
  return res.body.split('\n').slice(1, -1);
}

describe('bad input', () => {
  let gw: Gateway;
  before(async () => {
    gw = await startGateway({
      host: '127.0.0.1',
      port: 0,
      engine: { defaultOffsetReset: 'earliest' },
      maxBodyBytes: MAX_BODY,
      maxInsertLineBytes: MAX_LINE,
    });
    await ksql(gw, "CREATE STREAM S (ID INT KEY, V STRING) WITH (kafka_topic='s', value_format='JSON', partitions=1);");
  });
  after(() => gw.close());

  // Whatever a test sent, the gateway still answers.
  afterEach(async () => {
    for (const transport of TRANSPORTS) {
      const info = await request(transport, gw.url, { method: 'GET', path: '/info' });
      expect(info.status).to.equal(200);
    }
  });

  for (const transport of TRANSPORTS) {
    describe(`over ${transport}`, () => {
      jsonBodies(transport, () => gw);
      limitsAndPaths(transport, () => gw);
    });
  }

  insertLines(() => gw);
  atomicRequests(() => gw);
});

function jsonBodies(transport: Transport, gateway: () => Gateway): void {
  const post = (path: string, body: string | Buffer): Promise<HttpResponse> => request(transport, gateway().url, { path, body });

  it('answers malformed JSON with Invalid JSON in request, without a Content-Type', async () => {
    for (const path of ['/ksql', '/query-stream', '/close-query']) {
      for (const body of ['{"ksql":', '{sql: 1}', 'not json', '']) {
        const res = await post(path, body);
        expectError(res, badJson(/^Invalid JSON in request: \S/));
        expect(res.headers['content-type'], `${path} ${body}`).to.equal(undefined);
      }
    }
  });

  it('names the field of the wrong type, and a body that is no object', async () => {
    const cases: [string, string, RegExp][] = [
      ['/ksql', '{"ksql":5}', /'ksql'/],
      ['/ksql', '{"ksql":"SHOW STREAMS;","streamsProperties":[]}', /'streamsProperties'/],
      ['/ksql', '{"ksql":"SHOW STREAMS;","sessionVariables":{"a":{}}}', /'sessionVariables\.a'/],
      ['/ksql', '{"ksql":"SHOW STREAMS;","commandSequenceNumber":"x"}', /'commandSequenceNumber'/],
      ['/query-stream', '{"sql":["SELECT"]}', /'sql'/],
      ['/query-stream', '{"sql":"SELECT * FROM S;","properties":"x"}', /'properties'/],
      ['/close-query', '{"queryId":7}', /'queryId'/],
      ['/ksql', '[]', /request body/],
      ['/query-stream', 'null', /request body/],
      ['/close-query', '"x"', /request body/],
    ];
    for (const [path, body, field] of cases) expectError(await post(path, body), badJson(field));
  });

  it("reports a missing sql or queryId as Jackson's missing creator property", async () => {
    expectError(await post('/query-stream', '{"properties":{}}'), badJson(/^Invalid JSON in request: Missing required creator property 'sql'/));
    expectError(await post('/close-query', '{"query_id":"x"}'), badJson(/^Invalid JSON in request: Missing required creator property 'queryId'/));
  });

  it('refuses bytes that are not UTF-8', async () => {
    const body = Buffer.concat([Buffer.from('{"ksql":"SHOW STREAMS; -- '), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from('"}')]);
    for (const path of ['/ksql', '/query-stream', '/close-query']) {
      expectError(await post(path, body), badJson(/^Invalid JSON in request: the body is not valid UTF-8$/));
    }
  });

  it('survives JSON nested 100 000 deep: unbalanced, balanced where any value goes, and in topic records', async () => {
    expectError(await post('/ksql', '['.repeat(100_000)), badJson(/^Invalid JSON in request: /));
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const accepted = await post('/ksql', `{"ksql":"SHOW STREAMS;","requestProperties":{"x":${deep}}}`);
    expect(accepted.status).to.equal(200);
    expectError(await post('/query-stream', `{"sql":"SELECT * FROM S;","properties":{"x":${deep}}}`), badJson(/'properties\.x'/));
    expectError(await post('/topics/s', `{"records":[{"value":${deep}}]}`), badJson(/^Invalid JSON in request: Nesting too deep/));
  });
}

function limitsAndPaths(transport: Transport, gateway: () => Gateway): void {
  it('answers a body over --max-body-bytes with 400 while it is still being sent, and reads no further', async () => {
    const big = JSON.stringify({ ksql: `SHOW STREAMS; -- ${'x'.repeat(4 * MAX_BODY)}` });
    const stream = openStream(transport, gateway().url, { path: '/ksql', body: big, keepOpen: true });
    expect(await stream.status).to.equal(400);
    const rest = await stream.ended;
    expectError({ status: 400, headers: {}, body: stream.chunks.join('') || rest, chunks: [] }, badJson(new RegExp(`^Request body is larger than the limit of ${MAX_BODY} bytes$`)));
    if (transport === 'h1') expect((await stream.headers).connection).to.equal('close');
  });

  it('takes a body just under the limit', async () => {
    const sql = `SHOW STREAMS; -- ${'x'.repeat(MAX_BODY - 100)}`;
    const res = await request(transport, gateway().url, { path: '/ksql', body: JSON.stringify({ ksql: sql }) });
    expect(res.status).to.equal(200);
  });

  it('bounds a body that trickles forever by its size, and serves others meanwhile', async () => {
    const stream = openStream(transport, gateway().url, { path: '/ksql', body: '{"ksql":"SHOW STREAMS; -- ', keepOpen: true });
    for (let sent = 0; sent <= MAX_BODY; sent += 32 * 1024) {
      const info = await request(transport, gateway().url, { method: 'GET', path: '/info' });
      expect(info.status).to.equal(200);
      stream.write('y'.repeat(32 * 1024));
      await sleep(5);
    }
    expect(await stream.status).to.equal(400);
    await stream.ended;
    expect(JSON.parse(stream.chunks.join('')).message).to.match(/larger than the limit/);
    stream.cancel();
  });

  if (transport === 'h2') {
    it('serves other streams of the same connection while one body trickles', async () => {
      const session = http2.connect(gateway().url);
      session.on('error', () => undefined);
      try {
        const slow = session.request({ ':method': 'POST', ':path': '/ksql' }, { endStream: false });
        slow.on('error', () => undefined);
        slow.write('{"ksql":"SHOW STREAMS; -- ');
        for (let i = 0; i < 5; i++) {
          slow.write('z'.repeat(1000));
          expect((await h2RequestOn(session, { method: 'GET', path: '/info' })).status).to.equal(200);
          expect((await h2RequestOn(session, { path: '/ksql', body: '{"ksql":"SHOW STREAMS;"}' })).status).to.equal(200);
        }
        slow.close();
      } finally {
        session.close();
      }
    });
  }

  it('answers unknown paths and wrong methods with the plain 404 catch-all', async () => {
    const cases: [string, string][] = [
      ['GET', '/nope'],
      ['POST', '/ksql/extra'],
      ['GET', '/query-stream'],
      ['DELETE', '/ksql'],
      ['PUT', '/close-query'],
      ['POST', '/info'],
      ['PATCH', '/healthcheck'],
      ['OPTIONS', '/inserts-stream'],
    ];
    for (const [method, path] of cases) {
      // Only the methods whose requests carry a body get one (a GET body has no framing in HTTP/1.1).
      const res = await request(transport, gateway().url, { method, path, body: ['POST', 'PUT', 'PATCH'].includes(method) ? '{}' : undefined });
      expect(res.status, `${method} ${path}`).to.equal(404);
      expect(res.body).to.equal('Not Found');
      expect(res.headers['content-type']).to.equal(undefined);
    }
  });

  it('answers a path with a broken percent-escape with 400 instead of failing', async () => {
    const res = await request(transport, gateway().url, { method: 'GET', path: '/topics/%E0%A4%A/records' });
    expectError(res, badJson(/^Invalid path: malformed percent-encoding/));
  });

  it('ignores Authorization: Basic Og== (empty credentials; auth is off)', async () => {
    const headers = { authorization: 'Basic Og==' };
    const info = await request(transport, gateway().url, { method: 'GET', path: '/info', headers });
    expect(info.status).to.equal(200);
    const list = await request(transport, gateway().url, { path: '/ksql', headers, body: '{"ksql":"SHOW STREAMS;"}' });
    expect(list.status).to.equal(200);
    const pull = await request(transport, gateway().url, { path: '/query-stream', headers, body: '{"sql":"SELECT * FROM S;"}' });
    expect(pull.status).to.equal(200);
  });
}

function insertLines(gateway: () => Gateway): void {
  describe('/inserts-stream lines', () => {
    it('refuses a row longer than --max-insert-line-bytes with an error ack and ends the stream; rows after it are not stored', async () => {
      const long = `{"ID":2,"V":"${'x'.repeat(2 * MAX_LINE)}"}`;
      const res = await request('h2', gateway().url, { path: '/inserts-stream', body: `{"target":"S"}\n{"ID":1,"V":"ok"}\n${long}\n{"ID":3}\n` });
      expect(res.status).to.equal(200);
      expect(res.body).to.equal(
        '{"seq":0,"status":"ok"}\n{"@type":"InsertError","status":"error","seq":1,"message":"Insert row is longer than the limit of 1024 bytes","error_code":40000}\n',
      );
      expect(await pullRows(gateway(), 'SELECT ID FROM S WHERE ID > 0;')).to.deep.equal(['[1]']);
    });

    it('refuses an over-long row as soon as it crosses the cap, even if its end never comes', async () => {
      const stream = openStream('h2', gateway().url, { path: '/inserts-stream', body: '{"target":"S"}\n{"ID":10}\n{"ID":11,"V":"', keepOpen: true });
      expect(await stream.status).to.equal(200);
      expect(await stream.nextLine()).to.equal('{"seq":0,"status":"ok"}');
      stream.write('z'.repeat(MAX_LINE));
      expect(JSON.parse(await stream.nextLine())).to.deep.include({ status: 'error', seq: 1, error_code: 40000 });
      await stream.ended;
      stream.cancel();
    });

    it('answers an arguments line over the cap, or a missing target, with 400 before any ack', async () => {
      const long = await request('h2', gateway().url, { path: '/inserts-stream', body: `{"target":"S","x":"${'a'.repeat(2 * MAX_LINE)}"}\n{"ID":1}\n` });
      expectError(long, badJson(/^Invalid JSON in request: the arguments line is longer than the limit of 1024 bytes$/));
      const missing = await request('h2', gateway().url, { path: '/inserts-stream', body: '{"properties":{}}\n{"ID":1}\n' });
      expectError(missing, badJson(/^Invalid JSON in request: Missing required creator property 'target'/));
      const wrongType = await request('h2', gateway().url, { path: '/inserts-stream', body: '{"target":["S"]}\n{"ID":1}\n' });
      expectError(wrongType, badJson(/^Invalid JSON in request: Cannot deserialize 'target'/));
      const notJson = await request('h2', gateway().url, { path: '/inserts-stream', body: '{"target":\n' });
      expectError(notJson, badJson(/^Invalid JSON in request: /));
    });

    it('answers a row that is not UTF-8 with the invalid-JSON ack', async () => {
      const body = Buffer.concat([Buffer.from('{"target":"S"}\n{"ID":20,"V":"'), Buffer.from([0xc3, 0x28]), Buffer.from('"}\n')]);
      const res = await request('h2', gateway().url, { path: '/inserts-stream', body });
      expect(res.body).to.equal('{"@type":"InsertError","status":"error","seq":0,"message":"Invalid JSON in inserts stream","error_code":40000}\n');
    });
  });
}

function atomicRequests(gateway: () => Gateway): void {
  describe('/ksql requests are all or nothing', () => {
    const names = async (): Promise<string[]> => {
      const [streams] = (await ksql(gateway(), 'SHOW STREAMS;')) as { streams: { name: string }[] }[];
      return streams!.streams.map((s) => s.name);
    };

    it('creates, inserts and drops nothing when a later statement fails', async () => {
      const before = await pullRows(gateway(), 'SELECT ID FROM S;');
      const sql = [
        "CREATE STREAM A1 (ID INT KEY) WITH (kafka_topic='a1', value_format='JSON', partitions=1);",
        "INSERT INTO S (ID, V) VALUES (99, 'never');",
        'DROP STREAM S;',
        "CREATE STREAM B1 (ID INT KEY, ID INT) WITH (kafka_topic='b1', value_format='JSON', partitions=1);",
      ].join('\n');
      const res = await request('h2', gateway().url, { path: '/ksql', body: JSON.stringify({ ksql: sql }) });
      const body = expectError(res, { status: 400, type: 'statement_error', code: 40001, message: /Duplicate column names/ });
      expect(body.statementText).to.match(/^CREATE STREAM B1/);
      expect(body.entities).to.deep.equal([]);
      expect(await names()).to.deep.equal(['S']);
      expect(gateway().engine.store.get('a1')).to.equal(undefined);
      expect(await pullRows(gateway(), 'SELECT ID FROM S;')).to.deep.equal(before);
    });

    it('runs nothing when a later statement does not parse', async () => {
      const sql = "CREATE STREAM A2 (ID INT KEY) WITH (kafka_topic='a2', value_format='JSON', partitions=1); SELEKT 1;";
      const res = await request('h1', gateway().url, { path: '/ksql', body: JSON.stringify({ ksql: sql }) });
      expectError(res, { status: 400, type: 'statement_error', code: 40001, message: /Syntax Error/ });
      expect(await names()).to.deep.equal(['S']);
    });
  });
}
