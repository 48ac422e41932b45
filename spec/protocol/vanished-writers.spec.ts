/**
 * Clients that vanish mid-way: an insert stream cut in the middle of a row keeps exactly the rows
 * it had acked, and a client process killed outright leaves no push query behind.
 */
import { expect } from 'chai';
import { spawn } from 'node:child_process';
import type { Gateway } from '../../src/gateway.js';
import { openStream, request } from '../support/http-clients.js';
import { ksql, sleep, startTestGateway } from '../support/gateway.js';

async function storedIds(gw: Gateway): Promise<number[]> {
  const res = await request('h2', gw.url, { path: '/query-stream', body: JSON.stringify({ sql: 'SELECT ID FROM S;' }) });
  return res.body
    .split('\n')
    .slice(1)
    .filter((l) => l !== '')
    .map((l) => (JSON.parse(l) as number[])[0]!)
    .sort((a, b) => a - b);
}

describe('vanishing writers and readers', () => {
  let gw: Gateway;
  beforeEach(async () => {
    gw = await startTestGateway();
    await ksql(gw, "CREATE STREAM S (K STRING KEY, ID INT) WITH (kafka_topic='s', value_format='JSON', partitions=2);");
  });
  afterEach(() => gw.close());

  for (const transport of ['h2', 'h1'] as const) {
    it(`keeps exactly the acked rows of an insert stream cut in the middle of a row (${transport})`, async () => {
      const inserts = openStream(transport, gw.url, { path: '/inserts-stream', body: '{"target":"S"}\n', keepOpen: true });
      inserts.write(Array.from({ length: 50 }, (_, i) => `{"K":"k${i}","ID":${i}}\n`).join(''));
      for (let i = 0; i < 300 && !inserts.chunks.join('').includes('"seq":49'); i++) await sleep(10);
      inserts.write('{"K":"half","ID":');
      await sleep(50);
      inserts.cancel();
      await sleep(100);
      const acked = inserts.chunks.join('').split('\n').filter((l) => l.includes('"ok"')).length;
      expect(acked).to.equal(50);
      expect(await storedIds(gw)).to.deep.equal(Array.from({ length: 50 }, (_, i) => i));
    });
  }

  it('ends the push query of a client process that is killed', async () => {
    const script = `
      const http2 = require('node:http2');
      const s = http2.connect(${JSON.stringify(gw.url)});
      const r = s.request({ ':method': 'POST', ':path': '/query-stream' });
      r.end(JSON.stringify({ sql: 'SELECT * FROM S EMIT CHANGES;' }));
      r.once('data', () => process.stdout.write('ready\\n'));`;
    const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve) => child.stdout!.once('data', () => resolve()));
    expect(gw.engine.queries.pushCount).to.equal(1);
    child.kill('SIGKILL');
    for (let i = 0; i < 300 && gw.engine.queries.pushCount > 0; i++) await sleep(10);
    expect(gw.engine.queries.pushCount).to.equal(0);
  });
});
