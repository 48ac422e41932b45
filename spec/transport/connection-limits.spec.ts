/**
 * Limits on what clients may hold open: connections (the one past the limit is told so in its own
 * protocol and closed) and HTTP/2 streams per connection (SETTINGS_MAX_CONCURRENT_STREAMS).
 */
import { expect } from 'chai';
import http2 from 'node:http2';
import net from 'node:net';
import { startGateway, type Gateway } from '../../src/gateway.js';
import { ksql, sleep } from '../support/gateway.js';
import { h1Request, h2Request, openStream } from '../support/http-clients.js';
import { errorCodeOf, FrameType, RawH2 } from '../support/raw-h2.js';

const REFUSED_STREAM = 0x7;
const NO_ERROR = 0x0;

function openSocket(port: number): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => resolve(socket));
    socket.once('error', reject);
  });
}

describe('connection limits', () => {
  describe('--max-connections', () => {
    let gw: Gateway;
    let held: net.Socket[];
    before(async () => {
      gw = await startGateway({ host: '127.0.0.1', port: 0, maxConnections: 2 });
      held = [await openSocket(gw.port), await openSocket(gw.port)];
      await sleep(50);
    });
    after(async () => {
      for (const s of held) s.destroy();
      await gw.close();
    });

    it('answers an HTTP/1.1 connection past the limit with 503, Retry-After and a ksqlDB error body', async () => {
      const res = await h1Request(gw.url, { method: 'GET', path: '/info' });
      expect(res.status).to.equal(503);
      expect(res.headers['retry-after']).to.equal('1');
      expect(res.headers.connection).to.equal('close');
      expect(JSON.parse(res.body)).to.deep.equal({ '@type': 'generic_error', error_code: 50300, message: 'Too many connections; try again later' });
    });

    it('answers an HTTP/2 connection past the limit with GOAWAY (NO_ERROR, last stream 0): its request is refused, safe to retry', async () => {
      const session = http2.connect(gw.url);
      session.on('error', () => undefined);
      const goaway = new Promise<[number, number]>((resolve) => session.once('goaway', (code, last) => resolve([code, last])));
      const error = await h2RequestError(session);
      expect(await goaway).to.deep.equal([NO_ERROR, 0]);
      expect(error).to.include('NGHTTP2_REFUSED_STREAM');
      session.destroy();
    });

    it('takes connections again once one closes', async () => {
      held.pop()!.destroy();
      let status = 0;
      for (let i = 0; i < 50 && status !== 200; i++) {
        status = (await h1Request(gw.url, { method: 'GET', path: '/info' })).status;
        if (status !== 200) await sleep(20);
      }
      expect(status).to.equal(200);
    });
  });

  describe('--max-streams-per-connection', () => {
    let gw: Gateway;
    before(async () => {
      gw = await startGateway({ host: '127.0.0.1', port: 0, maxConcurrentStreams: 2, engine: { defaultOffsetReset: 'earliest' } });
      await ksql(gw, "CREATE STREAM S (V INT) WITH (kafka_topic='s', value_format='JSON', partitions=1);");
    });
    after(() => gw.close());

    it('advertises the limit, and a client that keeps to it waits for a free stream', async () => {
      const session = http2.connect(gw.url);
      const settings = await new Promise<http2.Settings>((resolve) => session.once('remoteSettings', resolve));
      expect(settings.maxConcurrentStreams).to.equal(2);
      const push = (): http2.ClientHttp2Stream => {
        const req = session.request({ ':method': 'POST', ':path': '/query-stream' });
        req.end('{"sql":"SELECT * FROM S EMIT CHANGES;"}');
        return req;
      };
      const [a, b] = [push(), push()];
      await Promise.all([a, b].map((r) => new Promise((resolve) => r.once('response', resolve))));
      const third = session.request({ ':method': 'GET', ':path': '/info' });
      third.end();
      let answered = false;
      third.once('response', () => (answered = true));
      await sleep(200);
      expect(answered).to.equal(false);
      a.close(http2.constants.NGHTTP2_CANCEL);
      for (let i = 0; i < 100 && !answered; i++) await sleep(10);
      expect(answered).to.equal(true);
      session.destroy();
    });

    it('refuses streams past the limit in the first flight (RST_STREAM REFUSED_STREAM) and serves the others', async () => {
      // Settings not acknowledged yet: the streams past the limit are refused one by one.
      const client = await RawH2.connect(gw.port, { ackSettings: false });
      for (const id of [1, 3, 5]) client.request(id, 'POST', '/ksql', undefined, false);
      const rst = await client.waitFor((f) => f.type === FrameType.RST_STREAM);
      expect([rst.streamId, errorCodeOf(rst)]).to.deep.equal([5, REFUSED_STREAM]);
      client.request(7, 'GET', '/info');
      await client.waitFor((f) => f.type === FrameType.RST_STREAM && f.streamId === 7);
      client.send(FrameType.DATA, 0x1, 1, Buffer.from('{"ksql":"SHOW STREAMS;"}'));
      const answer = await client.waitFor((f) => f.type === FrameType.HEADERS && f.streamId === 1);
      expect(answer.streamId).to.equal(1);
      expect(client.frames.some((f) => f.type === FrameType.GOAWAY)).to.equal(false);
      client.destroy();
    });

    it('closes the connection of a client that opens more streams than the limit it acknowledged', async () => {
      // RFC 9113 §5.4: an endpoint may treat this stream error as a connection error, as nghttp2 does.
      const client = await RawH2.connect(gw.port);
      await client.waitFor((f) => f.type === FrameType.SETTINGS && (f.flags & 0x1) === 0x1);
      for (const id of [1, 3, 5]) client.request(id, 'POST', '/ksql', undefined, false);
      await client.waitFor((f) => f.type === FrameType.GOAWAY);
      await client.closed;
      const res = await h2Request(gw.url, { method: 'GET', path: '/info' });
      expect(res.status).to.equal(200);
    });
  });

  it('counts streams per connection, not across connections', async () => {
    const gw = await startGateway({ host: '127.0.0.1', port: 0, maxConcurrentStreams: 1 });
    try {
      await ksql(gw, "CREATE STREAM S (V INT) WITH (kafka_topic='s', value_format='JSON', partitions=1);");
      const streams = [0, 1, 2].map(() => openStream('h2', gw.url, { path: '/query-stream', body: '{"sql":"SELECT * FROM S EMIT CHANGES;"}' }));
      expect(await Promise.all(streams.map((s) => s.status))).to.deep.equal([200, 200, 200]);
      for (const s of streams) s.cancel();
    } finally {
      await gw.close();
    }
  });
});

function h2RequestError(session: http2.ClientHttp2Session): Promise<string> {
  return new Promise((resolve) => {
    const req = session.request({ ':method': 'GET', ':path': '/info' });
    req.on('response', () => resolve('answered'));
    req.on('error', (err: Error) => resolve(err.message));
    req.end();
  });
}
