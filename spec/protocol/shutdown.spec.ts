/**
 * Graceful shutdown: an insert stream still open gets the acks of every row it sent and a clean
 * end of its response, a push query ends cleanly, and closing takes well under five seconds.
 */
import { expect } from 'chai';
import { startGateway, type Gateway } from '../../src/gateway.js';
import { openStream } from '../support/http-clients.js';
import { ksql } from '../support/gateway.js';

describe('graceful shutdown', () => {
  let gw: Gateway;
  beforeEach(async () => {
    gw = await startGateway({ host: '127.0.0.1', port: 0 });
    await ksql(gw, "CREATE STREAM S (ID INT KEY, V STRING) WITH (kafka_topic='s', value_format='JSON', partitions=1);");
  });

  for (const transport of ['h2', 'h1'] as const) {
    it(`acks what an open insert stream sent and ends it and the push queries cleanly (${transport})`, async () => {
      const push = openStream('h2', gw.url, { path: '/query-stream', body: JSON.stringify({ sql: 'SELECT ID FROM S EMIT CHANGES;' }) });
      await push.nextLine();
      const inserts = openStream(transport, gw.url, {
        path: '/inserts-stream',
        headers: { accept: 'application/json' },
        body: '{"target":"S"}\n',
        keepOpen: true,
      });
      inserts.write(Array.from({ length: 20 }, (_, i) => `{"ID":${i},"V":"v"}\n`).join(''));
      for (let i = 0; i < 200 && !inserts.chunks.join('').includes('"seq":19'); i++) await new Promise((r) => setTimeout(r, 10));
      const started = Date.now();
      await gw.close();
      expect(Date.now() - started).to.be.below(5000);
      await inserts.ended;
      const acks = JSON.parse(inserts.chunks.join('')) as { seq: number; status: string }[];
      expect(acks.map((a) => a.seq)).to.deep.equal(Array.from({ length: 20 }, (_, i) => i));
      expect(acks.every((a) => a.status === 'ok')).to.equal(true);
      await push.ended;
      expect(push.chunks.join('').split('\n').filter((l) => l !== '')).to.have.length(21);
    });
  }
});
