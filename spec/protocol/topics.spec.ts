/** The Kafka REST Proxy v2-style topic API used by the conformance runner. */
import { expect } from 'chai';
import type { Gateway } from '../../src/gateway.js';
import { murmur2, toPositive } from '../../src/store/partitioner.js';
import { h2Request, request } from '../support/http-clients.js';
import { ksql, startTestGateway } from '../support/gateway.js';

describe('/topics', () => {
  let gw: Gateway;
  beforeEach(async () => {
    gw = await startTestGateway();
  });
  afterEach(() => gw.close());

  it('creates a topic, refuses a second one with 409, and deletes it', async () => {
    expect((await request('h1', gw.url, { method: 'PUT', path: '/topics/t', body: '{"partitions":3,"replicas":1}' })).status).to.equal(201);
    expect((await request('h1', gw.url, { method: 'PUT', path: '/topics/t', body: '{"partitions":3}' })).status).to.equal(409);
    expect(gw.engine.store.get('t')!.partitions).to.equal(3);
    expect((await request('h2', gw.url, { method: 'DELETE', path: '/topics/t' })).status).to.equal(204);
    expect((await request('h2', gw.url, { method: 'DELETE', path: '/topics/t' })).status).to.equal(404);
  });

  it('produces with the source formats, partitions keys with murmur2, and reads records back', async () => {
    await ksql(gw, "CREATE STREAM S (K STRING KEY, D DOUBLE) WITH (kafka_topic='t', value_format='JSON', partitions=4);");
    const body = JSON.stringify({
      records: [
        { key: 'k1', value: { D: 1.5 }, timestamp: 10, headers: [{ key: 'h', value: 'AQI=' }] },
        { key: 'k2', value: null, timestamp: 11, partition: 2 },
      ],
    });
    const res = await h2Request(gw.url, { path: '/topics/t', headers: { 'content-type': 'application/vnd.kafka.json.v2+json' }, body });
    expect(res.status).to.equal(200);
    const expected = toPositive(murmur2(Buffer.from('k1'))) % 4;
    expect(JSON.parse(res.body)).to.deep.equal({ offsets: [{ partition: expected, offset: 0 }, { partition: 2, offset: 0 }] });
    const records = await h2Request(gw.url, { method: 'GET', path: '/topics/t/records' });
    expect(JSON.parse(records.body)).to.deep.equal([
      { key: 'k1', value: { D: 1.5 }, timestamp: 10, partition: expected, offset: 0, headers: [{ key: 'h', value: 'AQI=' }] },
      { key: 'k2', value: null, timestamp: 11, partition: 2, offset: 0, headers: [] },
    ]);
  });

  it('writes KAFKA-format keys in Kafka serializer bytes', async () => {
    await ksql(gw, "CREATE STREAM S (K INT KEY, V STRING) WITH (kafka_topic='t', value_format='JSON', partitions=1);");
    await h2Request(gw.url, { path: '/topics/t', body: JSON.stringify({ records: [{ key: 7, value: { V: 'x' } }] }) });
    const stored = await gw.engine.store.get('t')!.read(0, 0, 1);
    expect([...stored[0]!.key!]).to.deep.equal([0, 0, 0, 7]);
    const records = JSON.parse((await h2Request(gw.url, { method: 'GET', path: '/topics/t/records' })).body);
    expect(records[0].key).to.equal(7);
  });

  it('answers an unknown topic with 404', async () => {
    const res = await h2Request(gw.url, { path: '/topics/none', body: '{"records":[]}' });
    expect(res.status).to.equal(404);
  });
});
