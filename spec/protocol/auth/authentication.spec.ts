/**
 * HTTP Basic and Bearer authentication through a real gateway, over HTTP/2, HTTP/1.1 and curl:
 * ksqlDB's 401 / 40100 `Unauthorized` with a challenge, the same answer for every failure, the
 * health paths left open, and `Authorization` ignored while authentication is off.
 */
import { expect } from 'chai';
import { execFile, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startGateway, type Gateway } from '../../../src/gateway.js';
import { sleep, startTestGateway } from '../../support/gateway.js';
import { openStream, request, TRANSPORTS } from '../../support/http-clients.js';

const UNAUTHORIZED = '{"@type":"generic_error","error_code":40100,"message":"Unauthorized"}';
const FORBIDDEN = '{"@type":"generic_error","error_code":40300,"message":"Forbidden"}';
const TOKEN = 'tok-7f3a9c1e5b';
const run = promisify(execFile);
const hasCurl = spawnSync('curl', ['--version']).status === 0;

function basic(user: string, password: string): Record<string, string> {
  return { authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` };
}

function credentialFiles(): { basicFile: string; bearerFile: string } {
  const dir = mkdtempSync(join(tmpdir(), 'streamgate-auth-'));
  const md5 = createHash('md5').update('builder').digest('hex');
  writeFileSync(join(dir, 'users.properties'), `# user: password[,role...]\nalice: wonderland,ksql-user\nbob: MD5:${md5},other\n`);
  writeFileSync(join(dir, 'tokens.txt'), `# one token a line\n${TOKEN}\n`);
  return { basicFile: join(dir, 'users.properties'), bearerFile: join(dir, 'tokens.txt') };
}

describe('authentication', () => {
  const files = credentialFiles();
  let gw: Gateway;
  before(async () => {
    gw = await startGateway({ host: '127.0.0.1', port: 0, auth: { ...files, realm: 'streamgate-spec' } });
  });
  after(() => gw.close());

  for (const transport of TRANSPORTS) {
    describe(transport, () => {
      it('serves a request with the right Basic credentials, plain or MD5', async () => {
        for (const [user, password] of [['alice', 'wonderland'], ['bob', 'builder']] as const) {
          const res = await request(transport, gw.url, { method: 'GET', path: '/info', headers: basic(user, password) });
          expect(res.status, user).to.equal(200);
        }
        const ksql = await request(transport, gw.url, { path: '/ksql', headers: basic('alice', 'wonderland'), body: '{"ksql":"SHOW STREAMS;"}' });
        expect(JSON.parse(ksql.body)[0]['@type']).to.equal('streams');
      });

      it('answers a wrong password, an unknown user, no credentials and a malformed header alike', async () => {
        const cases: Record<string, string>[] = [
          basic('alice', 'wrong'),
          basic('mallory', 'wonderland'),
          {},
          { authorization: 'Basic not-base64!' },
          { authorization: 'Digest username="alice"' },
        ];
        for (const headers of cases) {
          const res = await request(transport, gw.url, { path: '/ksql', headers, body: '{"ksql":"SHOW STREAMS;"}' });
          expect(res.status, JSON.stringify(headers)).to.equal(401);
          expect(res.body).to.equal(UNAUTHORIZED);
          expect(res.headers['www-authenticate']).to.equal('Basic realm="streamgate-spec", Bearer realm="streamgate-spec"');
          expect(res.headers['content-type']).to.equal(undefined);
        }
      });

      it('checks before routing: an unknown path without credentials is 401, with them 404', async () => {
        expect((await request(transport, gw.url, { method: 'GET', path: '/nowhere' })).status).to.equal(401);
        expect((await request(transport, gw.url, { method: 'GET', path: '/nowhere', headers: basic('alice', 'wonderland') })).status).to.equal(404);
      });

      it('accepts the bearer token and refuses any other', async () => {
        const ok = await request(transport, gw.url, { method: 'GET', path: '/info', headers: { authorization: `Bearer ${TOKEN}` } });
        expect(ok.status).to.equal(200);
        for (const token of [`${TOKEN}x`, TOKEN.slice(1), 'wonderland']) {
          const res = await request(transport, gw.url, { method: 'GET', path: '/info', headers: { authorization: `Bearer ${token}` } });
          expect(res.status).to.equal(401);
          expect(res.body).to.equal(UNAUTHORIZED);
        }
      });

      it('leaves /healthcheck and /chc/* open', async () => {
        const health = await request(transport, gw.url, { method: 'GET', path: '/healthcheck' });
        expect(health.status).to.equal(200);
        expect(JSON.parse(health.body).isHealthy).to.equal(true);
        for (const path of ['/chc/ready', '/chc/live']) expect((await request(transport, gw.url, { method: 'GET', path })).body).to.equal('{}');
      });

      it('runs a push query for an authenticated client', async () => {
        const headers = basic('alice', 'wonderland');
        await request(transport, gw.url, {
          path: '/ksql',
          headers,
          body: JSON.stringify({ ksql: `CREATE STREAM IF NOT EXISTS AUTH_S (V INT) WITH (kafka_topic='auth_s', value_format='JSON', partitions=1);` }),
        });
        const stream = openStream(transport, gw.url, { path: '/query-stream', headers, body: '{"sql":"SELECT * FROM AUTH_S EMIT CHANGES;"}' });
        expect(await stream.status).to.equal(200);
        expect(JSON.parse(await stream.nextLine()).columnNames).to.deep.equal(['V']);
        stream.cancel();
      });
    });
  }

  it('keeps an HTTP/1.1 connection usable after a 401 to a request with a body', async () => {
    const socket = net.connect(gw.port, '127.0.0.1');
    let received = '';
    socket.setEncoding('latin1');
    socket.on('data', (c: string) => (received += c));
    const body = 'x'.repeat(100_000);
    const auth = basic('alice', 'wonderland').authorization;
    socket.write(`POST /ksql HTTP/1.1\r\nHost: x\r\nContent-Length: ${body.length}\r\n\r\n${body}`);
    socket.write(`GET /info HTTP/1.1\r\nHost: x\r\nAuthorization: ${auth}\r\n\r\n`);
    for (let i = 0; i < 100 && !received.includes('KsqlServerInfo'); i++) await sleep(20);
    socket.destroy();
    expect(received.match(/HTTP\/1\.1 \d+/g)).to.deep.equal(['HTTP/1.1 401', 'HTTP/1.1 200']);
  });

  describe('with required roles', () => {
    let gwRoles: Gateway;
    before(async () => {
      gwRoles = await startGateway({ host: '127.0.0.1', port: 0, auth: { basicFile: files.basicFile, roles: ['ksql-user'] } });
    });
    after(() => gwRoles.close());

    it('forbids a user with none of them (403 / 40300) and names only Basic in the challenge', async () => {
      const ok = await request('h2', gwRoles.url, { method: 'GET', path: '/info', headers: basic('alice', 'wonderland') });
      expect(ok.status).to.equal(200);
      const forbidden = await request('h2', gwRoles.url, { method: 'GET', path: '/info', headers: basic('bob', 'builder') });
      expect(forbidden.status).to.equal(403);
      expect(forbidden.body).to.equal(FORBIDDEN);
      const bearer = await request('h2', gwRoles.url, { method: 'GET', path: '/info', headers: { authorization: `Bearer ${TOKEN}` } });
      expect(bearer.status).to.equal(401);
      expect(bearer.headers['www-authenticate']).to.equal('Basic realm="KsqlServer-Props"');
    });
  });

  it('refuses to start with an empty users file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'streamgate-auth-'));
    writeFileSync(join(dir, 'empty'), '# nobody\n');
    let error: Error | undefined;
    await startGateway({ host: '127.0.0.1', port: 0, auth: { basicFile: join(dir, 'empty') } }).catch((e: Error) => (error = e));
    expect(error?.message).to.match(/empty: no users$/);
  });

  describe('when off', () => {
    let open: Gateway;
    before(async () => {
      open = await startTestGateway();
    });
    after(() => open.close());

    it("ignores Authorization headers, such as the Cube driver's Basic Og==", async () => {
      for (const transport of TRANSPORTS) {
        for (const authorization of ['Basic Og==', 'Basic bm9ib2R5OndoYXRldmVy', 'Bearer anything', 'garbage']) {
          const res = await request(transport, open.url, { path: '/ksql', headers: { authorization }, body: '{"ksql":"SHOW STREAMS;"}' });
          expect(res.status, `${transport} ${authorization}`).to.equal(200);
        }
      }
    });
  });

  (hasCurl ? describe : describe.skip)('curl', () => {
    async function curl(args: string[]): Promise<{ status: number; body: string }> {
      const marker = '\n--curl--';
      const { stdout } = await run('curl', ['-sS', '--max-time', '10', '-w', `${marker}%{http_code}`, ...args], { encoding: 'utf8' });
      const at = stdout.lastIndexOf(marker);
      return { status: Number(stdout.slice(at + marker.length)), body: stdout.slice(0, at) };
    }

    for (const mode of ['--http1.1', '--http2-prior-knowledge']) {
      it(`${mode}: -u with the right password, a wrong one, none; -H for a bearer token`, async () => {
        const ksql = ['-X', 'POST', `${gw.url}/ksql`, '-d', '{"ksql":"SHOW STREAMS;"}'];
        expect((await curl([mode, '-u', 'alice:wonderland', ...ksql])).status).to.equal(200);
        expect(await curl([mode, '-u', 'alice:wrong', ...ksql])).to.deep.equal({ status: 401, body: UNAUTHORIZED });
        expect(await curl([mode, ...ksql])).to.deep.equal({ status: 401, body: UNAUTHORIZED });
        expect((await curl([mode, '-H', `Authorization: Bearer ${TOKEN}`, ...ksql])).status).to.equal(200);
        expect((await curl([mode, `${gw.url}/healthcheck`])).status).to.equal(200);
      });
    }
  });
});
