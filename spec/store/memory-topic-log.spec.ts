import { expect } from 'chai';
import { partitionForKey } from '../../src/store/partitioner.js';
import { CHUNK } from '../../src/store/memory/record-chunk.js';
import { MemoryTopicLog, recordBytes } from '../../src/store/memory/memory-topic-log.js';
import { DEFAULT_RETENTION, MemoryTopicStore } from '../../src/store/memory/memory-topic-store.js';
import type { StoredRecord } from '../../src/store/topic-log.js';
import { bytes, describeTopicLogContract } from './topic-log.contract.js';

describeTopicLogContract('memory', async () => new MemoryTopicStore());

const text = (b: Uint8Array | null): string | null => (b === null ? null : new TextDecoder().decode(b));

describe('store/memory: MemoryTopicStore', () => {
  it('defaults to 1,000,000 records and 256 MiB per partition', async () => {
    const store = new MemoryTopicStore();
    const log = await store.create('t', { partitions: 1 });
    expect(log.retention).to.deep.equal({ maxRecords: 1_000_000, maxBytes: 256 * 1024 * 1024 });
    expect(DEFAULT_RETENTION).to.deep.equal(log.retention);
  });

  it('takes default retention from its options, per field, overridden by the topic config', async () => {
    const store = new MemoryTopicStore({ defaultRetention: { maxRecords: 50 } });
    expect((await store.create('a', { partitions: 1 })).retention).to.deep.equal({
      maxRecords: 50,
      maxBytes: DEFAULT_RETENTION.maxBytes,
    });
    expect((await store.create('b', { partitions: 1, retention: { maxBytes: Infinity } })).retention).to.deep.equal({
      maxRecords: 50,
      maxBytes: Infinity,
    });
  });

  it('rejects invalid retention limits', async () => {
    expect(() => new MemoryTopicStore({ defaultRetention: { maxRecords: 0 } })).to.throw(RangeError);
    const store = new MemoryTopicStore();
    for (const retention of [{ maxRecords: -1 }, { maxRecords: 2.5 }, { maxBytes: -1 }, { maxBytes: NaN }]) {
      let failed = false;
      await store.create('t', { partitions: 1, retention }).catch(() => (failed = true));
      expect(failed, JSON.stringify(retention)).to.equal(true);
    }
  });

  it('rejects creates after close', async () => {
    const store = new MemoryTopicStore();
    await store.create('t', { partitions: 1 });
    await store.close();
    expect(store.list()).to.deep.equal([]);
    let failed = false;
    await store.create('u', { partitions: 1 }).catch(() => (failed = true));
    expect(failed).to.equal(true);
  });
});

describe('store/memory: MemoryTopicLog', () => {
  const unlimited = { maxRecords: Infinity, maxBytes: Infinity };

  it('deals keyless records round-robin per topic', async () => {
    const log = new MemoryTopicLog('t', 3, unlimited);
    const other = new MemoryTopicLog('u', 3, unlimited);
    const parts: number[] = [];
    for (let i = 0; i < 7; i++) {
      parts.push((await log.append({ key: null, value: null })).partition);
      await other.append({ key: null, value: null });
      await log.append({ key: bytes('21'), value: null });
    }
    expect(parts).to.deep.equal([0, 1, 2, 0, 1, 2, 0]);
    const batch = await log.appendBatch([1, 2, 3].map(() => ({ key: null, value: null })));
    expect(batch.map((p) => p.partition)).to.deep.equal([1, 2, 0]);
  });

  it('counts header keys as UTF-8 bytes', () => {
    expect(recordBytes(bytes('ab'), null, [{ key: 'é', value: bytes('x') }])).to.equal(2 + 2 + 1);
    expect(recordBytes(null, bytes('abc'), [])).to.equal(3);
  });

  it('rejects a non-finite timestamp', async () => {
    const log = new MemoryTopicLog('t', 1, unlimited);
    let failed = false;
    await log.append({ key: null, value: null, timestamp: NaN }).catch(() => (failed = true));
    expect(failed).to.equal(true);
    expect(log.size()).to.equal(0);
  });

  it('rejects cursor offsets for a missing partition or a negative offset, clamps past the end', async () => {
    const log = new MemoryTopicLog('t', 2, unlimited);
    await log.append({ key: null, value: bytes('a'), partition: 0 });
    expect(() => log.cursor({ from: 'offsets', offsets: new Map([[2, 0]]) })).to.throw(RangeError);
    expect(() => log.cursor({ from: 'offsets', offsets: new Map([[0, -1]]) })).to.throw(RangeError);
    const cursor = log.cursor({ from: 'offsets', offsets: new Map([[0, 99]]) });
    expect(cursor.positions()).to.deep.equal([
      { partition: 0, offset: 1 },
      { partition: 1, offset: 0 },
    ]);
    await log.append({ key: null, value: bytes('b'), partition: 0 });
    expect((await cursor.poll(10)).map((r) => text(r.value))).to.deep.equal(['b']);
  });

  it('reads and merges across chunk boundaries in several partitions', async () => {
    const log = new MemoryTopicLog('t', 3, { maxRecords: CHUNK + 7, maxBytes: Infinity });
    const n = CHUNK * 5 + 13;
    const batch = Array.from({ length: n }, (_, i) => ({ key: bytes(`k${i % 101}`), value: bytes(String(i)) }));
    await log.appendBatch(batch);
    const kept = log.size();
    expect(kept).to.be.at.most(3 * (CHUNK + 7));
    const cursor = log.cursor({ from: 'earliest' });
    const got: StoredRecord[] = [];
    for (;;) {
      const part = await cursor.poll(333);
      if (part.length === 0) break;
      got.push(...part);
    }
    expect(got).to.have.lengthOf(kept);
    // Append order: strictly increasing original index, and each record on its key's partition.
    let last = -1;
    for (const r of got) {
      const i = Number(text(r.value));
      expect(i).to.be.greaterThan(last);
      last = i;
      expect(r.partition).to.equal(partitionForKey(r.key!, 3));
    }
    for (let p = 0; p < 3; p++) {
      const records = await log.read(p, 0, Infinity);
      expect(records).to.have.lengthOf(log.endOffsets()[p]! - log.startOffsets()[p]!);
      expect(records[0]!.offset).to.equal(log.startOffsets()[p]);
    }
  });

  it('survives retention of one record at a time past several chunks', async () => {
    const log = new MemoryTopicLog('t', 1, { maxRecords: 1, maxBytes: Infinity });
    for (let i = 0; i < CHUNK * 3 + 5; i++) await log.append({ key: null, value: bytes(String(i)) });
    expect(log.size()).to.equal(1);
    expect(log.startOffsets()).to.deep.equal([CHUNK * 3 + 4]);
    const [r] = await log.read(0, 0, 10);
    expect(text(r!.value)).to.equal(String(CHUNK * 3 + 4));
  });

  it('unregisters a waiting cursor on close and after a wake-up', async () => {
    const log = new MemoryTopicLog('t', 1, unlimited);
    const waiters = (): number => (log as unknown as { waiters: unknown[] }).waiters.length;
    const cursors = Array.from({ length: 10 }, () => log.cursor({ from: 'latest' }));
    for (const c of cursors) void c.wait();
    expect(waiters()).to.equal(10);
    cursors[3]!.close();
    cursors[9]!.close();
    cursors[0]!.close();
    expect(waiters()).to.equal(7);
    await log.append({ key: null, value: null });
    expect(waiters()).to.equal(0);
    // Re-waiting after reading registers again, once.
    for (const c of cursors) if (!c.closed) await c.poll(10);
    void cursors[5]!.wait();
    void cursors[5]!.wait();
    expect(waiters()).to.equal(1);
  });

  it('frees records and closes cursors when deleted', async () => {
    const store = new MemoryTopicStore();
    const log = await store.create('t', { partitions: 2 });
    await log.appendBatch([{ key: null, value: bytes('a') }, { key: null, value: bytes('b') }]);
    const cursor = log.cursor({ from: 'earliest' });
    await store.delete('t');
    expect(log.size()).to.equal(0);
    expect(cursor.closed).to.equal(true);
    expect(log.cursor({ from: 'earliest' }).closed).to.equal(true);
  });
});
