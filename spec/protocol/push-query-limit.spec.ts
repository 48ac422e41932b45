/**
 * `--max-push-queries` (ksqlDB's ksql.max.push.queries): past the limit a push query gets 400 /
 * 40003 `Maximum number of push queries exceeded` before any row (protocol spec §2.9), over either
 * transport; pull queries do not count, and a slot is free again once a query ends.
 */
import { expect } from 'chai';
import type { Gateway } from '../../src/gateway.js';
import { ksql, sleep, startTestGateway } from '../support/gateway.js';
import { openStream, request, TRANSPORTS, type LineStream } from '../support/http-clients.js';

const PUSH = '{"sql":"SELECT * FROM S EMIT CHANGES;"}';
const EXCEEDED = '{"@type":"generic_error","error_code":40003,"message":"Maximum number of push queries exceeded"}';

describe('push query limit', () => {
  let gw: Gateway;
  let open: LineStream[] = [];
  before(async () => {
    gw = await startTestGateway({ maxPushQueries: 2 });
    await ksql(gw, "CREATE STREAM S (V INT) WITH (kafka_topic='s', value_format='JSON', partitions=1);");
  });
  afterEach(async () => {
    for (const s of open) s.cancel();
    open = [];
    for (let i = 0; i < 100 && gw.engine.queries.size > 0; i++) await sleep(10);
  });
  after(() => gw.close());

  async function fill(): Promise<void> {
    open = [openStream('h2', gw.url, { path: '/query-stream', body: PUSH }), openStream('h1', gw.url, { path: '/query-stream', body: PUSH })];
    expect(await Promise.all(open.map((s) => s.status))).to.deep.equal([200, 200]);
  }

  for (const transport of TRANSPORTS) {
    it(`answers a push query past the limit with 400 / 40003 (${transport})`, async () => {
      await fill();
      const res = await request(transport, gw.url, { path: '/query-stream', body: PUSH });
      expect(res.status).to.equal(400);
      expect(res.body).to.equal(EXCEEDED);
    });
  }

  it('still serves pull queries at the limit', async () => {
    await fill();
    const res = await request('h2', gw.url, { path: '/query-stream', body: '{"sql":"SELECT * FROM S;"}' });
    expect(res.status).to.equal(200);
  });

  it('takes a push query again once one of them ends', async () => {
    await fill();
    open.shift()!.cancel();
    let status = 0;
    for (let i = 0; i < 100 && status !== 200; i++) {
      const stream = openStream('h2', gw.url, { path: '/query-stream', body: PUSH });
      status = await stream.status;
      if (status === 200) open.push(stream);
      else await sleep(10);
    }
    expect(status).to.equal(200);
  });
});
