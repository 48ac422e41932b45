/**
 * HTTP/2 PING heartbeats and idle connections, with short timers: a quiet session is pinged and
 * kept while it answers, one that never answers is closed with its queries; a connection with no
 * open request is closed after the idle timeout, and a quiet push query or insert stream is not.
 */
import { expect } from 'chai';
import http2 from 'node:http2';
import net from 'node:net';
import { startGateway, type Gateway } from '../../src/gateway.js';
import { ksql, produce, sleep } from '../support/gateway.js';
import { h2Request, openStream, TRANSPORTS } from '../support/http-clients.js';
import { FrameType, RawH2 } from '../support/raw-h2.js';

const PUSH = JSON.stringify({ sql: 'SELECT V FROM S EMIT CHANGES;', properties: { 'auto.offset.reset': 'latest' } });

async function gatewayWith(options: { h2PingIntervalMs?: number; h2PingTimeoutMs?: number; idleTimeoutMs?: number }): Promise<Gateway> {
  const gw = await startGateway({ host: '127.0.0.1', port: 0, ...options });
  await ksql(gw, "CREATE STREAM S (V INT) WITH (kafka_topic='s', value_format='JSON', partitions=1);");
  return gw;
}

/** Milliseconds until the event fires. */
function timeUntil(emitter: NodeJS.EventEmitter, event: string): Promise<number> {
  const start = Date.now();
  return new Promise((resolve) => emitter.once(event, () => resolve(Date.now() - start)));
}

describe('heartbeats and idle connections', () => {
  describe('HTTP/2 PING', () => {
    let gw: Gateway;
    before(async () => {
      gw = await gatewayWith({ h2PingIntervalMs: 100, h2PingTimeoutMs: 300 });
    });
    after(() => gw.close());

    it("answers a client's PING", async () => {
      const session = http2.connect(gw.url);
      const rtt = await new Promise<number>((resolve, reject) => {
        session.once('connect', () => session.ping((err, ms) => (err ? reject(err) : resolve(ms))));
      });
      expect(rtt).to.be.a('number');
      session.close();
    });

    it('pings a quiet session and keeps it, and its push query, while the PINGs are answered', async () => {
      const stream = openStream('h2', gw.url, { path: '/query-stream', body: PUSH });
      await stream.nextLine();
      const session = http2.connect(gw.url);
      let pings = 0;
      session.on('ping', () => pings++);
      await sleep(650);
      expect(pings).to.be.within(2, 7);
      expect(session.closed || session.destroyed).to.equal(false);
      await produce(gw, 's', [{ value: { V: 7 } }]);
      expect(await stream.nextLine()).to.equal('[7]');
      stream.cancel();
      session.close();
    });

    it('closes a session that never acknowledges a PING, and ends its push query', async () => {
      const client = await RawH2.connect(gw.port);
      client.request(1, 'POST', '/query-stream', PUSH);
      await client.waitFor((f) => f.type === FrameType.HEADERS && f.streamId === 1);
      expect(gw.engine.queries.size).to.equal(1);
      const started = Date.now();
      await client.waitFor((f) => f.type === FrameType.PING && (f.flags & 0x1) === 0);
      await client.closed;
      expect(Date.now() - started).to.be.within(200, 3000);
      for (let i = 0; i < 50 && gw.engine.queries.size > 0; i++) await sleep(10);
      expect(gw.engine.queries.size).to.equal(0);
    });
  });

  describe('idle timeout', () => {
    let gw: Gateway;
    before(async () => {
      gw = await gatewayWith({ idleTimeoutMs: 300, h2PingIntervalMs: 100 });
    });
    after(() => gw.close());

    for (const transport of TRANSPORTS) {
      it(`keeps a quiet ${transport} push query open well past the idle timeout`, async () => {
        const stream = openStream(transport, gw.url, { path: '/query-stream', body: PUSH });
        await stream.nextLine();
        await sleep(1200);
        await produce(gw, 's', [{ value: { V: 1 } }]);
        expect(await stream.nextLine()).to.equal('[1]');
        stream.cancel();
      });

      it(`keeps a quiet ${transport} insert stream open well past the idle timeout`, async () => {
        const stream = openStream(transport, gw.url, { path: '/inserts-stream', body: '{"target":"S"}\n', keepOpen: true });
        expect(await stream.status).to.equal(200);
        await sleep(1200);
        stream.write('{"V":2}\n');
        expect(await stream.nextLine()).to.equal('{"seq":0,"status":"ok"}');
        stream.end();
      });
    }

    it('closes an HTTP/2 session with no open stream after the idle timeout', async () => {
      const session = http2.connect(gw.url);
      const closed = timeUntil(session, 'close');
      const goaway = new Promise<number>((resolve) => session.once('goaway', resolve));
      await new Promise<void>((resolve) => {
        const req = session.request({ ':path': '/info' });
        req.resume();
        req.on('end', resolve);
        req.end();
      });
      expect(await closed).to.be.within(250, 1500);
      expect(await goaway).to.equal(http2.constants.NGHTTP2_NO_ERROR);
    });

    it('closes an HTTP/1.1 connection left open between requests after the idle timeout', async () => {
      const socket = net.connect(gw.port, '127.0.0.1');
      let received = '';
      socket.setEncoding('latin1');
      socket.on('data', (c: string) => (received += c));
      socket.write('GET /info HTTP/1.1\r\nHost: x\r\n\r\n');
      const closedAfter = await timeUntil(socket, 'close');
      expect(received).to.match(/^HTTP\/1\.1 200 OK\r\n/);
      // Node waits a second past the timeout it announces, so a client never reuses a closing socket.
      expect(closedAfter).to.be.within(250, 3000);
    });

    it('closes a connection that never sends a byte after the idle timeout', async () => {
      const socket = net.connect(gw.port, '127.0.0.1');
      expect(await timeUntil(socket, 'close')).to.be.within(250, 1500);
    });

    it('serves new connections as usual', async () => {
      expect((await h2Request(gw.url, { method: 'GET', path: '/info' })).status).to.equal(200);
    });
  });
});
