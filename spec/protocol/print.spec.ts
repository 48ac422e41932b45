/** PRINT over /query-stream (protocol spec §3). */
import { expect } from 'chai';
import type { Gateway } from '../../src/gateway.js';
import { openStream, request, TRANSPORTS } from '../support/http-clients.js';
import { ksql, produce, startTestGateway } from '../support/gateway.js';

describe('PRINT', () => {
  let gw: Gateway;
  beforeEach(async () => {
    gw = await startTestGateway();
    await ksql(gw, "CREATE STREAM S (K INT KEY, V STRING) WITH (kafka_topic='Mixed_Case', value_format='JSON', partitions=1);");
    await produce(gw, 'Mixed_Case', [
      { key: 1, value: { V: 'a' }, timestamp: 1669999322556 },
      { key: 2, value: { V: 'b' }, timestamp: 1669999322557 },
      { key: 3, value: null, timestamp: 1669999322558 },
    ]);
  });
  afterEach(() => gw.close());

  for (const transport of TRANSPORTS) {
    it(`prints records from the beginning with INTERVAL and LIMIT over ${transport}`, async () => {
      const res = await request(transport, gw.url, {
        path: '/query-stream',
        body: JSON.stringify({ sql: "PRINT 'Mixed_Case' FROM BEGINNING INTERVAL 2 LIMIT 2;" }),
      });
      expect(res.status).to.equal(200);
      expect(res.headers['content-type']).to.equal(undefined);
      expect(res.body).to.equal(
        'rowtime: 2022/12/02 16:42:02.556 Z, key: 1, value: {"V":"a"}, partition: 0\n' +
          'rowtime: 2022/12/02 16:42:02.558 Z, key: 3, value: <null>, partition: 0\n',
      );
    });
  }

  it('refuses a non-delimited Accept with 406 and an empty body', async () => {
    const res = await request('h2', gw.url, {
      path: '/query-stream',
      headers: { accept: 'application/json' },
      body: JSON.stringify({ sql: 'PRINT Mixed_Case FROM BEGINNING;' }),
    });
    expect(res.status).to.equal(406);
    expect(res.body).to.equal('');
  });

  it('answers a missing topic with 400 / 40001', async () => {
    const res = await request('h2', gw.url, { path: '/query-stream', body: JSON.stringify({ sql: 'PRINT nope;' }) });
    expect(res.status).to.equal(400);
    expect(JSON.parse(res.body)).to.deep.equal({ '@type': 'generic_error', error_code: 40001, message: 'Topic does not exist: nope' });
  });

  it('starts at the end of the topic by default', async () => {
    const stream = openStream('h2', gw.url, { path: '/query-stream', body: JSON.stringify({ sql: "PRINT 'Mixed_Case' LIMIT 1;" }) });
    expect(await stream.status).to.equal(200);
    await new Promise((r) => setTimeout(r, 50));
    await produce(gw, 'Mixed_Case', [{ key: 4, value: { V: 'd' }, timestamp: 0 }]);
    expect(await stream.nextLine()).to.equal('rowtime: 1970/01/01 00:00:00.000 Z, key: 4, value: {"V":"d"}, partition: 0');
    await stream.ended;
  });
});
