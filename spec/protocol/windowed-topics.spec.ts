/**
 * Windowed sources end to end through a real gateway: CREATE ... WINDOW_TYPE / WINDOW_SIZE, the
 * topic API's `window` on produced and read records, and PRINT of windowed keys.
 */
import { expect } from 'chai';
import type { Gateway } from '../../src/gateway.js';
import { h2Request } from '../support/http-clients.js';
import { ksql, produce, startTestGateway } from '../support/gateway.js';

async function ksqlResponse(gw: Gateway, sql: string): Promise<{ status: number; body: any }> {
  const res = await h2Request(gw.url, { path: '/ksql', body: JSON.stringify({ ksql: sql }) });
  return { status: res.status, body: JSON.parse(res.body) };
}

async function readRecords(gw: Gateway, topic: string): Promise<any[]> {
  const res = await h2Request(gw.url, { method: 'GET', path: `/topics/${topic}/records` });
  expect(res.status).to.equal(200);
  return JSON.parse(res.body);
}

async function print(gw: Gateway, topic: string, limit: number): Promise<string[]> {
  const res = await h2Request(gw.url, {
    path: '/query-stream',
    body: JSON.stringify({ sql: `PRINT '${topic}' FROM BEGINNING LIMIT ${limit};` }),
  });
  expect(res.status).to.equal(200);
  return res.body.split('\n').filter((l) => l !== '');
}

describe('windowed sources', () => {
  let gw: Gateway;
  beforeEach(async () => {
    gw = await startTestGateway();
  });
  afterEach(() => gw.close());

  describe('CREATE STREAM/TABLE ... WINDOW_TYPE', () => {
    it('registers the window type, shown by DESCRIBE and SHOW STREAMS, and the window size', async () => {
      await ksql(
        gw,
        "CREATE STREAM TEST (K BIGINT KEY, ID BIGINT) WITH (kafka_topic='t', value_format='DELIMITED', WINDOW_TYPE='HoPping', WINDOW_SIZE='30 seconds', partitions=1);" +
          "CREATE TABLE SESS (K INT PRIMARY KEY, V INT) WITH (kafka_topic='s', value_format='JSON', window_type='Session', partitions=1);",
      );
      const { body } = await ksqlResponse(gw, 'DESCRIBE TEST; DESCRIBE SESS; SHOW STREAMS;');
      expect(body[0].sourceDescription.windowType).to.equal('HOPPING');
      expect(body[1].sourceDescription.windowType).to.equal('SESSION');
      expect(body[2].streams[0].isWindowed).to.equal(true);
      expect(gw.engine.catalog.getSource('TEST')).to.include({ windowType: 'HOPPING', windowSize: 30_000 });
      expect(gw.engine.catalog.getSource('SESS')!.windowSize).to.equal(undefined);
    });

    it('reads WINDOW_SIZE as ksqlDB does: a long and a TimeUnit, the trailing S optional', async () => {
      const sizes: [string, number][] = [
        ['1 SECOND', 1000],
        ['2 minutes', 120_000],
        ['1 HOUR', 3_600_000],
        ['7 days', 604_800_000],
        ['250 MILLISECONDS', 250],
        ['1500 microseconds', 1],
      ];
      for (const [i, [text, ms]] of sizes.entries()) {
        await ksql(gw, `CREATE STREAM S${i} (K INT KEY, V INT) WITH (kafka_topic='t${i}', value_format='JSON', partitions=1, WINDOW_TYPE='TUMBLING', WINDOW_SIZE='${text}');`);
        expect(gw.engine.catalog.getSource(`S${i}`)!.windowSize, text).to.equal(ms);
      }
    });

    const refusals: [string, string][] = [
      ["WINDOW_TYPE='Tumbling'", "TUMBLING windows require 'WINDOW_SIZE' to be provided in the WITH clause. For example: 'WINDOW_SIZE'='10 SECONDS'"],
      ["WINDOW_TYPE='Session', WINDOW_SIZE='30 seconds'", "'WINDOW_SIZE' should not be set for SESSION windows."],
      ["WINDOW_SIZE='30 seconds'", "'WINDOW_SIZE' should not be set for SESSION windows."],
      ["WINDOW_TYPE='Hopping', WINDOW_SIZE='30 bobs'", "Configuration WINDOW_SIZE is invalid: Invalid duration: '30 bobs'. Unknown time unit: 'BOBS'\nSupported time units are: NANOSECONDS, MICROSECONDS, MILLISECONDS, SECONDS, MINUTES, HOURS, DAYS"],
      ["WINDOW_TYPE='Hopping', WINDOW_SIZE='30  seconds'", "Configuration WINDOW_SIZE is invalid: Invalid duration: '30  seconds'. Expected 2 tokens, got: 3"],
      ["WINDOW_TYPE='Hopping', WINDOW_SIZE='x seconds'", "Configuration WINDOW_SIZE is invalid: Invalid duration: 'x seconds'. Not numeric: 'x'"],
      ["WINDOW_TYPE='sliding'", 'Invalid value sliding for property WINDOW_TYPE: String must be one of: SESSION, HOPPING, TUMBLING, null'],
    ];
    for (const [props, message] of refusals) {
      it(`refuses ${props}`, async () => {
        const sql = `CREATE TABLE T (K STRING PRIMARY KEY, V BIGINT) WITH (kafka_topic='t', value_format='JSON', partitions=1, ${props});`;
        const { status, body } = await ksqlResponse(gw, sql);
        expect(status).to.equal(400);
        expect(body).to.include({ '@type': 'statement_error', message });
        expect(gw.engine.catalog.getSource('T')).to.equal(undefined);
      });
    }

    it('refuses a windowed source without a key column, before creating its topic', async () => {
      const sql = "CREATE STREAM INPUT (F0 INT) WITH (kafka_topic='input', value_format='JSON', window_type='SESSION', partitions=1);";
      const { status, body } = await ksqlResponse(gw, sql);
      expect(status).to.equal(400);
      expect(body.message).to.equal('Windowed sources require a key column.');
      expect(gw.engine.store.get('input')).to.equal(undefined);
    });
  });

  describe('the topic API', () => {
    it('round-trips hopping windows: the key bytes end in the start, the end comes from WINDOW_SIZE', async () => {
      await ksql(gw, "CREATE STREAM TEST (K BIGINT KEY, ID BIGINT, VALUE BIGINT) WITH (kafka_topic='test_topic', value_format='DELIMITED', WINDOW_TYPE='HoPping', WINDOW_SIZE='30 seconds', partitions=1);");
      await produce(gw, 'test_topic', [
        { key: 0, value: '1,0', timestamp: 0, partition: 0, window: { start: 0, end: 30000, type: 'time' } },
        { key: 100, value: '6,100', timestamp: 30000, partition: 0, window: { start: 30000, end: 60000, type: 'time' } },
      ]);
      const stored = await gw.engine.store.get('test_topic')!.read(0, 1, 1);
      expect(Buffer.from(stored[0]!.key!).toString('hex')).to.equal('0000000000000064' + '0000000000007530');
      expect(await readRecords(gw, 'test_topic')).to.deep.equal([
        { key: 0, value: '1,0', timestamp: 0, partition: 0, offset: 0, headers: [], window: { start: 0, end: 30000, type: 'time' } },
        { key: 100, value: '6,100', timestamp: 30000, partition: 0, offset: 1, headers: [], window: { start: 30000, end: 60000, type: 'time' } },
      ]);
    });

    it('round-trips session windows: the key bytes end in the end, then the start', async () => {
      await ksql(gw, "CREATE STREAM S1 (ID INT KEY, V BIGINT) WITH (kafka_topic='left_topic', value_format='JSON', WINDOW_TYPE='SESSION', partitions=1);");
      await produce(gw, 'left_topic', [{ key: 1, value: { V: 1 }, timestamp: 765, window: { start: 234, end: 765, type: 'session' } }]);
      const stored = await gw.engine.store.get('left_topic')!.read(0, 0, 1);
      expect(Buffer.from(stored[0]!.key!).toString('hex')).to.equal('00000001' + '00000000000002fd' + '00000000000000ea');
      expect(await readRecords(gw, 'left_topic')).to.deep.equal([
        { key: 1, value: { V: 1 }, timestamp: 765, partition: 0, offset: 0, headers: [], window: { start: 234, end: 765, type: 'session' } },
      ]);
    });

    it('partitions a windowed record by its whole key bytes, window included', async () => {
      await ksql(gw, "CREATE STREAM W (K STRING KEY, V INT) WITH (kafka_topic='w', value_format='JSON', WINDOW_TYPE='TUMBLING', WINDOW_SIZE='1 SECOND', partitions=4);");
      const { murmur2, toPositive } = await import('../../src/store/partitioner.js');
      const { encodeWindowedKey } = await import('../../src/catalog/formats/windowed-key.js');
      const res = await h2Request(gw.url, {
        path: '/topics/w',
        body: JSON.stringify({ records: [{ key: 'a', value: { V: 1 }, window: { start: 12000, end: 13000, type: 'time' } }] }),
      });
      const expected = toPositive(murmur2(Buffer.from(encodeWindowedKey(Buffer.from('a'), { start: 12000, end: 13000 }, 'TUMBLING')))) % 4;
      expect(JSON.parse(res.body).offsets[0].partition).to.equal(expected);
    });

    it('refuses a record without a window for a windowed topic, and a malformed window', async () => {
      await ksql(gw, "CREATE TABLE T (K INT PRIMARY KEY, V INT) WITH (kafka_topic='t', value_format='JSON', WINDOW_TYPE='SESSION', partitions=1);");
      const none = await h2Request(gw.url, { path: '/topics/t', body: JSON.stringify({ records: [{ key: 1, value: { V: 1 } }] }) });
      expect(none.status).to.equal(400);
      expect(JSON.parse(none.body).message).to.equal('Records of topic t need a window: its keys are SESSION windowed');
      const bad = await h2Request(gw.url, {
        path: '/topics/t',
        body: JSON.stringify({ records: [{ key: 1, value: { V: 1 }, window: { start: 1, end: 2, type: 'hopping' } }] }),
      });
      expect(bad.status).to.equal(400);
      expect(JSON.parse(bad.body).message).to.contain('Invalid window in records[0]');
      expect(gw.engine.store.get('t')!.endOffsets()).to.deep.equal([0]);
    });

    it('lays out a window by its own type on a topic no windowed source reads, and reads it back once one does', async () => {
      await h2Request(gw.url, { method: 'PUT', path: '/topics/raw', body: '{"partitions":1}' });
      await produce(gw, 'raw', [{ key: 'k', value: 'v', window: { start: 5, end: 9, type: 'session' } }]);
      const stored = await gw.engine.store.get('raw')!.read(0, 0, 1);
      expect(stored[0]!.key!.length).to.equal(1 + 16);
      await ksql(gw, "CREATE STREAM RAW (K STRING KEY, V STRING) WITH (kafka_topic='raw', format='KAFKA', WINDOW_TYPE='SESSION');");
      const [record] = await readRecords(gw, 'raw');
      expect(record).to.include({ key: 'k', value: 'v' });
      expect(record.window).to.deep.equal({ start: 5, end: 9, type: 'session' });
    });
  });

  describe('PRINT', () => {
    it('shows session-windowed keys as [key@start/end]', async () => {
      await ksql(gw, "CREATE STREAM S (K INT KEY, V BIGINT) WITH (kafka_topic='s', value_format='JSON', WINDOW_TYPE='SESSION', partitions=1);");
      await produce(gw, 's', [
        { key: 5, value: { V: 1 }, timestamp: 0, window: { start: 0, end: 0, type: 'session' } },
        { key: 5, value: { V: 3 }, timestamp: 2000, window: { start: 0, end: 2000, type: 'session' } },
      ]);
      expect(await print(gw, 's', 2)).to.deep.equal([
        'rowtime: 1970/01/01 00:00:00.000 Z, key: [5@0/0], value: {"V":1}, partition: 0',
        'rowtime: 1970/01/01 00:00:02.000 Z, key: [5@0/2000], value: {"V":3}, partition: 0',
      ]);
    });

    it('shows time-windowed keys as [key@start/-], the end not being in the bytes', async () => {
      await ksql(gw, "CREATE TABLE T (K STRING PRIMARY KEY, V BIGINT) WITH (kafka_topic='t', value_format='JSON', WINDOW_TYPE='TUMBLING', WINDOW_SIZE='30 SECONDS', partitions=1);");
      await produce(gw, 't', [
        { key: '{"a":1}', value: { V: 1 }, timestamp: 1, window: { start: 0, end: 30000, type: 'time' } },
        { key: 'k', value: null, timestamp: 30001, window: { start: 30000, end: 60000, type: 'time' } },
      ]);
      expect(await print(gw, 't', 2)).to.deep.equal([
        'rowtime: 1970/01/01 00:00:00.001 Z, key: [{"a":1}@0/-], value: {"V":1}, partition: 0',
        'rowtime: 1970/01/01 00:00:30.001 Z, key: [k@30000/-], value: <null>, partition: 0',
      ]);
    });

    it('re-reads a whole poll batch when a later record rules out the key format in use, as ksqlDB does', async () => {
      // A long string key reads as HOPPING(KAFKA_STRING) (confluentinc/ksql#5514) until a short
      // key rules that out; both records come in one poll, so both print as plain strings.
      await ksql(gw, "CREATE STREAM P (K STRING KEY, V STRING) WITH (kafka_topic='p', value_format='JSON', partitions=1);");
      await produce(gw, 'p', [
        { key: 'key20200529', value: { V: 'a' }, timestamp: 0 },
        { key: 'k', value: { V: 'b' }, timestamp: 0 },
      ]);
      expect(await print(gw, 'p', 2)).to.deep.equal([
        'rowtime: 1970/01/01 00:00:00.000 Z, key: key20200529, value: {"V":"a"}, partition: 0',
        'rowtime: 1970/01/01 00:00:00.000 Z, key: k, value: {"V":"b"}, partition: 0',
      ]);
    });

    it('keeps ksqlDB\'s misreading of a long plain string key as hopping-windowed while nothing rules it out', async () => {
      await ksql(gw, "CREATE STREAM P (K STRING KEY, V STRING) WITH (kafka_topic='p', value_format='JSON', partitions=1);");
      await produce(gw, 'p', [{ key: 'key20200529', value: { V: 'a' }, timestamp: 0 }]);
      expect(await print(gw, 'p', 1)).to.deep.equal([
        'rowtime: 1970/01/01 00:00:00.000 Z, key: [key@3616445683327119929/-], value: {"V":"a"}, partition: 0',
      ]);
    });
  });
});
