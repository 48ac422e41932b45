/**
 * The one listener: HTTP/2 prior knowledge and HTTP/1.1 on one cleartext port, a preface that
 * arrives in pieces, TLS with ALPN h2 and http/1.1 (certificate made by openssl where installed),
 * and a graceful close that ends HTTP/2 sessions.
 */
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import https from 'node:https';
import http2 from 'node:http2';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startGateway, type Gateway } from '../../src/gateway.js';
import { h2Request } from '../support/http-clients.js';

function selfSignedCertificate(): { cert: Buffer; key: Buffer } | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'streamgate-tls-'));
  const res = spawnSync('openssl', [
    'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=localhost',
    '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'),
  ]);
  if (res.status !== 0) return undefined;
  return { cert: readFileSync(join(dir, 'cert.pem')), key: readFileSync(join(dir, 'key.pem')) };
}

describe('listener', () => {
  it('serves HTTP/2 even when the connection preface arrives one byte at a time', async () => {
    const gw = await startGateway({ host: '127.0.0.1', port: 0 });
    // A proxy that forwards the client's first bytes to the gateway one at a time.
    const proxy = net.createServer((client) => {
      const upstream = net.connect(gw.port, '127.0.0.1');
      upstream.pipe(client);
      let trickled = 0;
      client.on('data', async (chunk: Buffer) => {
        client.pause();
        for (const byte of chunk) {
          upstream.write(Buffer.from([byte]));
          if (trickled++ < 30) await new Promise((r) => setTimeout(r, 1));
        }
        client.resume();
      });
      client.on('error', () => upstream.destroy());
      upstream.on('error', () => client.destroy());
    });
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
    try {
      const res = await h2Request(`http://127.0.0.1:${(proxy.address() as net.AddressInfo).port}`, { method: 'GET', path: '/info' });
      expect(res.status).to.equal(200);
    } finally {
      proxy.close();
      await gw.close();
    }
  });

  it('closes open HTTP/2 sessions and push queries on close', async () => {
    const gw = await startGateway({ host: '127.0.0.1', port: 0 });
    await h2Request(gw.url, {
      path: '/ksql',
      body: JSON.stringify({ ksql: "CREATE STREAM S (V INT) WITH (kafka_topic='s', value_format='JSON', partitions=1);" }),
    });
    const session = http2.connect(gw.url);
    const req = session.request({ ':method': 'POST', ':path': '/query-stream' });
    req.end(JSON.stringify({ sql: 'SELECT * FROM S EMIT CHANGES;' }));
    req.resume();
    await new Promise((r) => req.once('response', r));
    const sessionClosed = new Promise((r) => session.once('close', r));
    const started = Date.now();
    await gw.close();
    await sessionClosed;
    expect(Date.now() - started).to.be.below(3000);
    expect(gw.engine.queries.size).to.equal(0);
  });

  const creds = spawnSync('openssl', ['version']).status === 0 ? selfSignedCertificate() : undefined;
  (creds ? describe : describe.skip)('with TLS', () => {
    let gw: Gateway;
    before(async () => {
      gw = await startGateway({ host: '127.0.0.1', port: 0, tls: creds! });
    });
    after(() => gw.close());

    it('negotiates h2 by ALPN', async () => {
      const session = http2.connect(gw.url, { rejectUnauthorized: false });
      const body = await new Promise<string>((resolve, reject) => {
        const req = session.request({ ':path': '/info' });
        let data = '';
        req.setEncoding('utf8');
        req.on('data', (c: string) => (data += c));
        req.on('end', () => resolve(data));
        req.on('error', reject);
        req.end();
      });
      expect((session.socket as unknown as { alpnProtocol: string }).alpnProtocol).to.equal('h2');
      session.close();
      expect(JSON.parse(body).KsqlServerInfo.serverStatus).to.equal('RUNNING');
    });

    it('serves HTTP/1.1 over TLS', async () => {
      const body = await new Promise<string>((resolve, reject) => {
        https
          .get(`${gw.url}/healthcheck`, { rejectUnauthorized: false }, (res) => {
            let data = '';
            res.setEncoding('utf8');
            res.on('data', (c: string) => (data += c));
            res.on('end', () => resolve(data));
          })
          .on('error', reject);
      });
      expect(JSON.parse(body).serverState).to.equal('READY');
    });
  });
});
