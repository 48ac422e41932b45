/**
 * The conformance suite every TopicStore / TopicLog implementation must pass (one shared suite,
 * run against each implementation, as Hono does for its routers). Call it from a `*.spec.ts`:
 *
 *   describeTopicLogContract('memory', async () => new MemoryTopicStore());
 *
 * Every case gets a fresh store from `makeStore` and closes it afterwards. Nothing here depends on
 * timing beyond "a wait that should resolve does so within WAIT_MS".
 */
import { expect } from 'chai';
import { partitionForKey } from '../../src/store/partitioner.js';
import {
  TopicExistsError,
  type Cursor,
  type ProducerRecord,
  type StoredRecord,
  type TopicLog,
  type TopicStore,
} from '../../src/store/topic-log.js';

const WAIT_MS = 2000;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

export const bytes = (s: string): Uint8Array => encoder.encode(s);
const text = (b: Uint8Array | null): string | null => (b === null ? null : decoder.decode(b));

/** A record with string key and value; `partition` and `timestamp` optional. */
function rec(key: string | null, value: string | null, extra: Partial<ProducerRecord> = {}): ProducerRecord {
  return { key: key === null ? null : bytes(key), value: value === null ? null : bytes(value), ...extra };
}

/** "partition:value" of each record: compact to compare orders. */
const pv = (records: readonly StoredRecord[]): string[] => records.map((r) => `${r.partition}:${text(r.value)}`);
const values = (records: readonly StoredRecord[]): (string | null)[] => records.map((r) => text(r.value));

const macrotask = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Whether `p` has settled after the current microtasks and one macrotask. */
async function hasSettled(p: Promise<unknown>): Promise<boolean> {
  let settled = false;
  p.then(
    () => (settled = true),
    () => (settled = true),
  );
  await macrotask();
  return settled;
}

/** Resolves with `p`'s value, or fails the test if it takes longer than WAIT_MS. */
async function within<T>(p: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: not settled within ${WAIT_MS} ms`)), WAIT_MS);
  });
  try {
    return await Promise.race([p, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function rejection(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (err) {
    expect(err).to.be.instanceOf(Error);
    return err as Error;
  }
  expect.fail('expected the promise to reject');
}

/** Polls until a poll returns nothing. */
async function drain(cursor: Cursor, batch = 1000): Promise<StoredRecord[]> {
  const out: StoredRecord[] = [];
  for (;;) {
    const got = await cursor.poll(batch);
    if (got.length === 0) return out;
    out.push(...got);
  }
}

/** Polls (waiting as needed) until `count` records have arrived. */
async function collect(cursor: Cursor, count: number): Promise<StoredRecord[]> {
  const out: StoredRecord[] = [];
  while (out.length < count) {
    const got = await cursor.poll(count - out.length);
    out.push(...got);
    if (got.length === 0) {
      if (cursor.closed) break;
      await within(cursor.wait(), 'cursor.wait()');
    }
  }
  return out;
}

export function describeTopicLogContract(name: string, makeStore: () => Promise<TopicStore>): void {
  describe(`TopicLog contract: ${name}`, () => {
    let store: TopicStore;

    beforeEach(async () => {
      store = await makeStore();
    });

    afterEach(async () => {
      await store.close();
    });

    const topic = (partitions = 1, retention?: { maxRecords?: number; maxBytes?: number }): Promise<TopicLog> =>
      store.create(`t${Math.random().toString(36).slice(2, 10)}`, retention ? { partitions, retention } : { partitions });

    describe('store', () => {
      it('creates a topic with its name, partition count and retention', async () => {
        const log = await store.create('orders', { partitions: 3, retention: { maxRecords: 10, maxBytes: 1000 } });
        expect(log.name).to.equal('orders');
        expect(log.partitions).to.equal(3);
        expect(log.retention).to.deep.equal({ maxRecords: 10, maxBytes: 1000 });
        expect(log.startOffsets()).to.deep.equal([0, 0, 0]);
        expect(log.endOffsets()).to.deep.equal([0, 0, 0]);
        expect(log.size()).to.equal(0);
      });

      it('fills retention limits the config leaves out with positive defaults', async () => {
        const log = await store.create('a', { partitions: 1, retention: { maxRecords: 5 } });
        expect(log.retention.maxRecords).to.equal(5);
        expect(log.retention.maxBytes).to.be.greaterThan(0);
        const plain = await store.create('b', { partitions: 1 });
        expect(plain.retention.maxRecords).to.be.greaterThan(0);
        expect(plain.retention.maxBytes).to.be.greaterThan(0);
      });

      it('rejects a second topic with the exact same name with TopicExistsError', async () => {
        await store.create('orders', { partitions: 1 });
        const err = await rejection(store.create('orders', { partitions: 2 }));
        expect(err).to.be.instanceOf(TopicExistsError);
        expect((err as TopicExistsError).topic).to.equal('orders');
        expect(store.get('orders')!.partitions).to.equal(1);
      });

      it('treats names differing only in case as different topics', async () => {
        const lower = await store.create('orders', { partitions: 1 });
        const upper = await store.create('ORDERS', { partitions: 2 });
        expect(store.get('orders')).to.equal(lower);
        expect(store.get('ORDERS')).to.equal(upper);
      });

      it('rejects a partition count that is not a positive integer', async () => {
        await rejection(store.create('zero', { partitions: 0 }));
        await rejection(store.create('half', { partitions: 1.5 }));
        expect(store.get('zero')).to.equal(undefined);
        expect(store.get('half')).to.equal(undefined);
      });

      it('gets a topic by exact name, undefined for an unknown one', async () => {
        const log = await store.create('orders', { partitions: 1 });
        expect(store.get('orders')).to.equal(log);
        expect(store.get('missing')).to.equal(undefined);
      });

      it('lists topics in creation order', async () => {
        for (const n of ['c', 'a', 'b']) await store.create(n, { partitions: 1 });
        expect(store.list().map((t) => t.name)).to.deep.equal(['c', 'a', 'b']);
      });

      it('deletes a topic: true once, then false; gone from get and list', async () => {
        await store.create('a', { partitions: 1 });
        await store.create('b', { partitions: 1 });
        expect(await store.delete('a')).to.equal(true);
        expect(await store.delete('a')).to.equal(false);
        expect(await store.delete('never')).to.equal(false);
        expect(store.get('a')).to.equal(undefined);
        expect(store.list().map((t) => t.name)).to.deep.equal(['b']);
      });

      it('starts a re-created topic empty, from offset 0', async () => {
        const old = await store.create('a', { partitions: 2 });
        await old.appendBatch([rec('k', '1', { partition: 0 }), rec('k', '2', { partition: 1 })]);
        await store.delete('a');
        const fresh = await store.create('a', { partitions: 2 });
        expect(fresh.endOffsets()).to.deep.equal([0, 0]);
        expect(fresh.size()).to.equal(0);
        expect(await fresh.append(rec('k', 'v', { partition: 1 }))).to.deep.equal({ partition: 1, offset: 0 });
      });

      it('closes the open cursors of a deleted topic and wakes their waits', async () => {
        const log = await store.create('a', { partitions: 2 });
        const idle = log.cursor({ from: 'earliest' });
        const waiting = log.cursor({ from: 'latest' });
        const w = waiting.wait();
        expect(await hasSettled(w)).to.equal(false);
        await store.delete('a');
        await within(w, 'wait() after delete');
        expect(idle.closed).to.equal(true);
        expect(waiting.closed).to.equal(true);
        expect(await idle.poll(10)).to.deep.equal([]);
        await within(idle.wait(), 'wait() on a closed cursor');
      });

      it('rejects appends through the log object of a deleted topic', async () => {
        const log = await store.create('a', { partitions: 1 });
        await store.delete('a');
        await rejection(log.append(rec('k', 'v')));
        await rejection(log.appendBatch([rec('k', 'v')]));
        expect(store.get('a')).to.equal(undefined);
      });

      it('closes every cursor when the store closes', async () => {
        const a = await store.create('a', { partitions: 1 });
        const b = await store.create('b', { partitions: 3 });
        const ca = a.cursor({ from: 'earliest' });
        const cb = b.cursor({ from: 'latest' });
        const w = cb.wait();
        await store.close();
        await within(w, 'wait() after store close');
        expect(ca.closed).to.equal(true);
        expect(cb.closed).to.equal(true);
      });
    });

    describe('append', () => {
      it('numbers offsets per partition from 0', async () => {
        const log = await topic(3);
        const got = [];
        for (const p of [0, 1, 0, 2, 0, 1]) got.push(await log.append(rec('k', 'v', { partition: p })));
        expect(got).to.deep.equal([
          { partition: 0, offset: 0 },
          { partition: 1, offset: 0 },
          { partition: 0, offset: 1 },
          { partition: 2, offset: 0 },
          { partition: 0, offset: 2 },
          { partition: 1, offset: 1 },
        ]);
        expect(log.startOffsets()).to.deep.equal([0, 0, 0]);
        expect(log.endOffsets()).to.deep.equal([3, 2, 1]);
        expect(log.size()).to.equal(6);
      });

      it('stores key and value bytes and returns them from read', async () => {
        const log = await topic(1);
        const pos = await log.append(rec('key-1', '{"a":1}', { timestamp: 42 }));
        const [r] = await log.read(0, 0, 10);
        expect(r).to.deep.include({ partition: 0, offset: pos.offset, timestamp: 42 });
        expect(text(r!.key)).to.equal('key-1');
        expect(text(r!.value)).to.equal('{"a":1}');
        expect(r!.headers).to.deep.equal([]);
      });

      it('keeps null and empty keys and values apart', async () => {
        const log = await topic(1);
        await log.append({ key: null, value: null, partition: 0 });
        await log.append({ key: new Uint8Array(0), value: new Uint8Array(0), partition: 0 });
        const [a, b] = await log.read(0, 0, 10);
        expect(a!.key).to.equal(null);
        expect(a!.value).to.equal(null);
        expect(b!.key).to.be.instanceOf(Uint8Array).with.lengthOf(0);
        expect(b!.value).to.be.instanceOf(Uint8Array).with.lengthOf(0);
      });

      it('puts a keyed record on the partition Kafka murmur2 chooses', async () => {
        for (const partitions of [1, 2, 4, 6, 12]) {
          const log = await topic(partitions);
          for (const key of ['21', 'foobar', 'abc', '', 'user-1002', 'a-little-bit-long-string']) {
            const pos = await log.append(rec(key, 'v'));
            expect(pos.partition, `key "${key}" over ${partitions}`).to.equal(partitionForKey(bytes(key), partitions));
          }
        }
      });

      it('puts the same key on the same partition every time', async () => {
        const log = await topic(8);
        const first = await log.append(rec('stable', '0'));
        for (let i = 1; i < 20; i++) expect((await log.append(rec('stable', String(i)))).partition).to.equal(first.partition);
        const stored = await log.read(first.partition, 0, 100);
        expect(values(stored)).to.deep.equal(Array.from({ length: 20 }, (_, i) => String(i)));
      });

      it('puts a keyless record on some valid partition', async () => {
        const log = await topic(4);
        for (let i = 0; i < 20; i++) {
          const pos = await log.append(rec(null, String(i)));
          expect(pos.partition).to.be.within(0, 3);
        }
        expect(log.size()).to.equal(20);
      });

      it('honours an explicit partition over the key', async () => {
        const log = await topic(4);
        const natural = partitionForKey(bytes('21'), 4);
        const other = (natural + 1) % 4;
        expect((await log.append(rec('21', 'v', { partition: other }))).partition).to.equal(other);
        expect((await log.append(rec(null, 'v', { partition: 3 }))).partition).to.equal(3);
      });

      it('rejects a partition out of range, stores nothing', async () => {
        const log = await topic(2);
        for (const partition of [2, -1, 1.5, 99]) {
          const err = await rejection(log.append(rec('k', 'v', { partition })));
          expect(err.message).to.match(/partition/i);
        }
        expect(log.size()).to.equal(0);
        expect(log.endOffsets()).to.deep.equal([0, 0]);
      });

      it('keeps a given timestamp, including 0', async () => {
        const log = await topic(1);
        await log.append(rec('k', 'a', { timestamp: 1_700_000_000_123 }));
        await log.append(rec('k', 'b', { timestamp: 0 }));
        const records = await log.read(0, 0, 10);
        expect(records.map((r) => r.timestamp)).to.deep.equal([1_700_000_000_123, 0]);
      });

      it('stamps a record without timestamp with the append time', async () => {
        const log = await topic(1);
        const before = Date.now();
        await log.append(rec('k', 'v'));
        const after = Date.now();
        const [r] = await log.read(0, 0, 1);
        expect(r!.timestamp).to.be.within(before, after);
      });

      it('keeps headers in order, with null values and repeated keys', async () => {
        const log = await topic(1);
        const headers = [
          { key: 'trace', value: bytes('abc') },
          { key: 'empty', value: null },
          { key: 'trace', value: bytes('def') },
        ];
        await log.append(rec('k', 'v', { headers }));
        const [r] = await log.read(0, 0, 1);
        expect(r!.headers.map((h) => [h.key, text(h.value)])).to.deep.equal([
          ['trace', 'abc'],
          ['empty', null],
          ['trace', 'def'],
        ]);
      });

      it('is not affected by later changes to the producer headers array', async () => {
        const log = await topic(1);
        const headers = [{ key: 'a', value: bytes('1') }];
        await log.append(rec('k', 'v', { headers }));
        headers.push({ key: 'b', value: bytes('2') });
        headers.length = 0;
        const [r] = await log.read(0, 0, 1);
        expect(r!.headers.map((h) => h.key)).to.deep.equal(['a']);
      });

      it('assigns distinct contiguous offsets to concurrent appends', async () => {
        const log = await topic(3);
        const positions = await Promise.all(
          Array.from({ length: 300 }, (_, i) => log.append(rec(null, String(i), { partition: i % 3 }))),
        );
        for (let p = 0; p < 3; p++) {
          const offsets = positions.filter((x) => x.partition === p).map((x) => x.offset);
          expect(offsets).to.deep.equal(Array.from({ length: 100 }, (_, i) => i));
        }
        // Each record is where its position says it is.
        for (const [i, pos] of positions.entries()) {
          if (i % 37 !== 0) continue;
          const [r] = await log.read(pos.partition, pos.offset, 1);
          expect(text(r!.value)).to.equal(String(i));
        }
      });
    });

    describe('appendBatch', () => {
      it('appends in order and resolves with one position per record', async () => {
        const log = await topic(2);
        const positions = await log.appendBatch([
          rec('k', 'a', { partition: 1 }),
          rec('k', 'b', { partition: 0 }),
          rec('k', 'c', { partition: 1 }),
          rec('k', 'd', { partition: 1 }),
        ]);
        expect(positions).to.deep.equal([
          { partition: 1, offset: 0 },
          { partition: 0, offset: 0 },
          { partition: 1, offset: 1 },
          { partition: 1, offset: 2 },
        ]);
        expect(pv(await drain(log.cursor({ from: 'earliest' })))).to.deep.equal(['1:a', '0:b', '1:c', '1:d']);
      });

      it('continues the offsets of single appends, and is followed by them', async () => {
        const log = await topic(1);
        await log.append(rec('k', '0'));
        const positions = await log.appendBatch([rec('k', '1'), rec('k', '2')]);
        await log.append(rec('k', '3'));
        expect(positions.map((p) => p.offset)).to.deep.equal([1, 2]);
        expect(values(await log.read(0, 0, 10))).to.deep.equal(['0', '1', '2', '3']);
      });

      it('resolves an empty batch with no positions', async () => {
        const log = await topic(2);
        expect(await log.appendBatch([])).to.deep.equal([]);
        expect(log.size()).to.equal(0);
      });

      it('chooses partitions by key inside a batch too', async () => {
        const log = await topic(6);
        const keys = ['21', 'foobar', 'abc', 'x', 'y', 'z'];
        const positions = await log.appendBatch(keys.map((k) => rec(k, k)));
        expect(positions.map((p) => p.partition)).to.deep.equal(keys.map((k) => partitionForKey(bytes(k), 6)));
      });

      it('rejects a batch with an out-of-range partition and stores none of it', async () => {
        const log = await topic(2);
        await rejection(log.appendBatch([rec('k', 'a', { partition: 0 }), rec('k', 'b', { partition: 5 })]));
        expect(log.size()).to.equal(0);
        expect(log.endOffsets()).to.deep.equal([0, 0]);
      });

      it('stamps records without timestamp and keeps the given ones', async () => {
        const log = await topic(1);
        const before = Date.now();
        await log.appendBatch([rec('k', 'a'), rec('k', 'b', { timestamp: 7 })]);
        const after = Date.now();
        const [a, b] = await log.read(0, 0, 2);
        expect(a!.timestamp).to.be.within(before, after);
        expect(b!.timestamp).to.equal(7);
      });
    });

    describe('read', () => {
      it('reads one partition from an offset, at most maxRecords', async () => {
        const log = await topic(2);
        for (let i = 0; i < 10; i++) await log.append(rec('k', String(i), { partition: i % 2 }));
        expect(values(await log.read(0, 1, 3))).to.deep.equal(['2', '4', '6']);
        expect(values(await log.read(1, 0, 100))).to.deep.equal(['1', '3', '5', '7', '9']);
        expect((await log.read(1, 2, 100)).map((r) => r.offset)).to.deep.equal([2, 3, 4]);
      });

      it('returns nothing at or past the end, or for maxRecords 0', async () => {
        const log = await topic(1);
        await log.append(rec('k', 'v'));
        expect(await log.read(0, 1, 10)).to.deep.equal([]);
        expect(await log.read(0, 50, 10)).to.deep.equal([]);
        expect(await log.read(0, 0, 0)).to.deep.equal([]);
      });

      it('clamps an offset below the start to the start', async () => {
        const log = await topic(1, { maxRecords: 3 });
        for (let i = 0; i < 8; i++) await log.append(rec('k', String(i)));
        expect(log.startOffsets()).to.deep.equal([5]);
        const got = await log.read(0, 0, 10);
        expect(got.map((r) => r.offset)).to.deep.equal([5, 6, 7]);
        expect(values(got)).to.deep.equal(['5', '6', '7']);
      });

      it('rejects a partition out of range', async () => {
        const log = await topic(2);
        await rejection(log.read(2, 0, 10));
        await rejection(log.read(-1, 0, 10));
      });
    });

    describe('cursors', () => {
      it('reads every partition in append order from earliest', async () => {
        const log = await topic(3);
        const order = [2, 0, 1, 0, 2, 2, 1, 0, 0, 1, 2, 0];
        for (const [i, p] of order.entries()) await log.append(rec('k', String(i), { partition: p }));
        const got = await drain(log.cursor({ from: 'earliest' }));
        expect(pv(got)).to.deep.equal(order.map((p, i) => `${p}:${i}`));
      });

      it('keeps append order across partitions when polling one record at a time', async () => {
        const log = await topic(4);
        const order = [3, 3, 0, 1, 1, 1, 2, 0, 3, 2];
        for (const [i, p] of order.entries()) await log.append(rec('k', String(i), { partition: p }));
        const cursor = log.cursor({ from: 'earliest' });
        const got: StoredRecord[] = [];
        for (let i = 0; i < order.length; i++) {
          const one = await cursor.poll(1);
          expect(one).to.have.lengthOf(1);
          got.push(...one);
        }
        expect(await cursor.poll(1)).to.deep.equal([]);
        expect(pv(got)).to.deep.equal(order.map((p, i) => `${p}:${i}`));
      });

      it('keeps append order for keyed records spread by the partitioner', async () => {
        const log = await topic(4);
        const keys = Array.from({ length: 50 }, (_, i) => `user-${i % 7}`);
        for (const [i, k] of keys.entries()) await log.append(rec(k, String(i)));
        const got = await drain(log.cursor({ from: 'earliest' }), 7);
        expect(values(got)).to.deep.equal(keys.map((_, i) => String(i)));
        for (const r of got) expect(r.partition).to.equal(partitionForKey(r.key!, 4));
      });

      it('returns what is there and caps a poll at maxRecords; poll(0) returns nothing', async () => {
        const log = await topic(2);
        for (let i = 0; i < 5; i++) await log.append(rec('k', String(i), { partition: i % 2 }));
        const cursor = log.cursor({ from: 'earliest' });
        expect(await cursor.poll(0)).to.deep.equal([]);
        expect(values(await cursor.poll(2))).to.deep.equal(['0', '1']);
        expect(values(await cursor.poll(10))).to.deep.equal(['2', '3', '4']);
        expect(await cursor.poll(10)).to.deep.equal([]);
      });

      it('starts from latest: skips what exists, reads what comes', async () => {
        const log = await topic(2);
        await log.appendBatch([rec('k', 'old0', { partition: 0 }), rec('k', 'old1', { partition: 1 })]);
        const cursor = log.cursor({ from: 'latest' });
        expect(cursor.positions()).to.deep.equal([
          { partition: 0, offset: 1 },
          { partition: 1, offset: 1 },
        ]);
        expect(await cursor.poll(10)).to.deep.equal([]);
        await log.append(rec('k', 'new1', { partition: 1 }));
        await log.append(rec('k', 'new0', { partition: 0 }));
        expect(pv(await cursor.poll(10))).to.deep.equal(['1:new1', '0:new0']);
      });

      it('starts from explicit offsets; partitions not named start at the earliest', async () => {
        const log = await topic(3);
        for (let i = 0; i < 9; i++) await log.append(rec('k', String(i), { partition: i % 3 }));
        const cursor = log.cursor({ from: 'offsets', offsets: new Map([[0, 2], [2, 1]]) });
        expect(cursor.positions()).to.deep.equal([
          { partition: 0, offset: 2 },
          { partition: 1, offset: 0 },
          { partition: 2, offset: 1 },
        ]);
        // p0 has 0,3,6 at offsets 0..2; p1 has 1,4,7; p2 has 2,5,8.
        expect(pv(await drain(cursor))).to.deep.equal(['1:1', '1:4', '2:5', '0:6', '1:7', '2:8']);
      });

      it('moves an explicit offset below the start up to the start', async () => {
        const log = await topic(1, { maxRecords: 2 });
        for (let i = 0; i < 5; i++) await log.append(rec('k', String(i)));
        const cursor = log.cursor({ from: 'offsets', offsets: new Map([[0, 1]]) });
        expect(cursor.positions()).to.deep.equal([{ partition: 0, offset: 3 }]);
        expect(values(await cursor.poll(10))).to.deep.equal(['3', '4']);
      });

      it('advances positions() per partition as it polls', async () => {
        const log = await topic(2);
        await log.appendBatch([
          rec('k', 'a', { partition: 0 }),
          rec('k', 'b', { partition: 1 }),
          rec('k', 'c', { partition: 0 }),
        ]);
        const cursor = log.cursor({ from: 'earliest' });
        expect(cursor.positions()).to.deep.equal([
          { partition: 0, offset: 0 },
          { partition: 1, offset: 0 },
        ]);
        await cursor.poll(2);
        expect(cursor.positions()).to.deep.equal([
          { partition: 0, offset: 1 },
          { partition: 1, offset: 1 },
        ]);
        await cursor.poll(2);
        expect(cursor.positions()).to.deep.equal([
          { partition: 0, offset: 2 },
          { partition: 1, offset: 1 },
        ]);
      });

      it('sees records appended after it was created on an empty topic', async () => {
        const log = await topic(2);
        const cursor = log.cursor({ from: 'earliest' });
        expect(await cursor.poll(10)).to.deep.equal([]);
        await log.append(rec('k', 'x', { partition: 1 }));
        expect(pv(await cursor.poll(10))).to.deep.equal(['1:x']);
      });

      it('gives independent cursors independent positions', async () => {
        const log = await topic(1);
        await log.appendBatch([rec('k', 'a'), rec('k', 'b'), rec('k', 'c')]);
        const one = log.cursor({ from: 'earliest' });
        const two = log.cursor({ from: 'earliest' });
        expect(values(await one.poll(2))).to.deep.equal(['a', 'b']);
        expect(values(await two.poll(1))).to.deep.equal(['a']);
        expect(values(await one.poll(5))).to.deep.equal(['c']);
        expect(values(await two.poll(5))).to.deep.equal(['b', 'c']);
      });

      it('returns the stored records themselves: partition, offset, timestamp, headers', async () => {
        const log = await topic(2);
        await log.append(rec('k', 'v', { partition: 1, timestamp: 99, headers: [{ key: 'h', value: bytes('x') }] }));
        const [r] = await log.cursor({ from: 'earliest' }).poll(1);
        expect(r).to.deep.include({ partition: 1, offset: 0, timestamp: 99 });
        expect(r!.headers.map((h) => [h.key, text(h.value)])).to.deep.equal([['h', 'x']]);
      });

      it('stops returning records once closed', async () => {
        const log = await topic(1);
        await log.append(rec('k', 'v'));
        const cursor = log.cursor({ from: 'earliest' });
        expect(cursor.closed).to.equal(false);
        cursor.close();
        cursor.close();
        expect(cursor.closed).to.equal(true);
        expect(await cursor.poll(10)).to.deep.equal([]);
      });
    });

    describe('wait', () => {
      it('resolves at once when a poll would return records', async () => {
        const log = await topic(1);
        await log.append(rec('k', 'v'));
        const cursor = log.cursor({ from: 'earliest' });
        expect(await hasSettled(cursor.wait())).to.equal(true);
      });

      it('stays pending until an append, then resolves', async () => {
        const log = await topic(3);
        const cursor = log.cursor({ from: 'earliest' });
        const w = cursor.wait();
        expect(await hasSettled(w)).to.equal(false);
        await log.append(rec('k', 'v', { partition: 2 }));
        await within(w, 'wait() after append');
        expect(pv(await cursor.poll(10))).to.deep.equal(['2:v']);
      });

      it('resolves on appendBatch', async () => {
        const log = await topic(2);
        const cursor = log.cursor({ from: 'latest' });
        const w = cursor.wait();
        await log.appendBatch([rec('k', 'a', { partition: 0 }), rec('k', 'b', { partition: 1 })]);
        await within(w, 'wait() after appendBatch');
        expect(pv(await cursor.poll(10))).to.deep.equal(['0:a', '1:b']);
      });

      it('stays pending for a cursor that has read everything', async () => {
        const log = await topic(1);
        await log.append(rec('k', 'v'));
        const cursor = log.cursor({ from: 'earliest' });
        await cursor.poll(10);
        expect(await hasSettled(cursor.wait())).to.equal(false);
        cursor.close();
      });

      it('resolves when the cursor is closed', async () => {
        const log = await topic(1);
        const cursor = log.cursor({ from: 'latest' });
        const w = cursor.wait();
        expect(await hasSettled(w)).to.equal(false);
        cursor.close();
        await within(w, 'wait() after close');
        expect(cursor.closed).to.equal(true);
        await within(cursor.wait(), 'wait() on a closed cursor');
      });

      it('is not woken by appends to another topic', async () => {
        const a = await topic(1);
        const b = await topic(1);
        const cursor = a.cursor({ from: 'latest' });
        const w = cursor.wait();
        await b.append(rec('k', 'v'));
        expect(await hasSettled(w)).to.equal(false);
        await a.append(rec('k', 'v'));
        await within(w, 'wait() after append');
      });

      it('resolves every pending wait() of one cursor', async () => {
        const log = await topic(1);
        const cursor = log.cursor({ from: 'latest' });
        const w1 = cursor.wait();
        const w2 = cursor.wait();
        await log.append(rec('k', 'v'));
        await within(Promise.all([w1, w2]), 'both waits');
      });

      it('keeps the other cursors waiting when one of them closes', async () => {
        const log = await topic(1);
        const closing = log.cursor({ from: 'latest' });
        const staying = log.cursor({ from: 'latest' });
        const w = staying.wait();
        closing.wait();
        closing.close();
        await macrotask();
        // A spurious wake-up is allowed by the contract; a record that does not exist is not.
        expect(await staying.poll(10)).to.deep.equal([]);
        expect(staying.closed).to.equal(false);
        await log.append(rec('k', 'v'));
        await within(w, 'wait() after append');
        expect(values(await staying.poll(10))).to.deep.equal(['v']);
      });
    });

    describe('retention', () => {
      it('keeps at most maxRecords per partition: the start offset moves, the end does not reset', async () => {
        const log = await topic(2, { maxRecords: 3 });
        for (let i = 0; i < 10; i++) await log.append(rec('k', String(i), { partition: 0 }));
        await log.append(rec('k', 'p1', { partition: 1 }));
        expect(log.startOffsets()).to.deep.equal([7, 0]);
        expect(log.endOffsets()).to.deep.equal([10, 1]);
        expect(log.size()).to.equal(4);
        expect(values(await log.read(0, 0, 100))).to.deep.equal(['7', '8', '9']);
        expect(await log.append(rec('k', '10', { partition: 0 }))).to.deep.equal({ partition: 0, offset: 10 });
      });

      it('applies the limits to each partition on its own', async () => {
        const log = await topic(2, { maxRecords: 2 });
        await log.append(rec('k', 'keep', { partition: 1 }));
        for (let i = 0; i < 20; i++) await log.append(rec('k', String(i), { partition: 0 }));
        expect(values(await log.read(1, 0, 10))).to.deep.equal(['keep']);
        expect(log.startOffsets()).to.deep.equal([18, 0]);
      });

      it('keeps at most maxBytes of key + value + headers per partition', async () => {
        // Each record: key 2 + value 8 = 10 bytes.
        const log = await topic(1, { maxBytes: 35 });
        for (let i = 0; i < 6; i++) await log.append(rec('k' + i, 'value-0' + i));
        expect(log.startOffsets()).to.deep.equal([3]);
        expect(log.size()).to.equal(3);
        // 10 + header key 'h' (1) + header value (4) = 15 bytes: drops one, 10 + 10 + 15 = 35 fits...
        await log.append(rec('k6', 'value-06', { headers: [{ key: 'h', value: bytes('1234') }] }));
        expect(log.startOffsets()).to.deep.equal([4]);
        // ...and a record of 2 + 18 = 20 bytes drops two more (15 + 20 = 35).
        await log.append(rec('k7', 'value-07-012345678'));
        expect(log.startOffsets()).to.deep.equal([6]);
        expect(values(await log.read(0, 0, 10))).to.deep.equal(['value-06', 'value-07-012345678']);
      });

      it('counts null keys, values and header values as 0 bytes', async () => {
        const log = await topic(1, { maxBytes: 4 });
        for (let i = 0; i < 5; i++) await log.append({ key: null, value: null, headers: [{ key: 'ab', value: null }] });
        expect(log.size()).to.equal(2);
      });

      it('always keeps the newest record, even one larger than maxBytes', async () => {
        const log = await topic(1, { maxBytes: 4 });
        await log.append(rec('k', 'a'));
        await log.append(rec('key', 'a much longer value'));
        expect(log.size()).to.equal(1);
        expect(values(await log.read(0, 0, 10))).to.deep.equal(['a much longer value']);
        expect(log.startOffsets()).to.deep.equal([1]);
      });

      it('moves a cursor that fell behind to the start offset', async () => {
        const log = await topic(2, { maxRecords: 4 });
        await log.append(rec('k', 'p1', { partition: 1 }));
        for (let i = 0; i < 3; i++) await log.append(rec('k', String(i), { partition: 0 }));
        const cursor = log.cursor({ from: 'earliest' });
        expect(pv(await cursor.poll(2))).to.deep.equal(['1:p1', '0:0']);
        for (let i = 3; i < 12; i++) await log.append(rec('k', String(i), { partition: 0 }));
        expect(log.startOffsets()).to.deep.equal([8, 0]);
        expect(cursor.positions()).to.deep.equal([
          { partition: 0, offset: 8 },
          { partition: 1, offset: 1 },
        ]);
        expect(values(await cursor.poll(100))).to.deep.equal(['8', '9', '10', '11']);
      });

      it('keeps the right records over many appends (far past one in-memory block)', async () => {
        const log = await topic(1, { maxRecords: 100 });
        const cursor = log.cursor({ from: 'earliest' });
        let seen = 0;
        for (let i = 0; i < 5000; i++) {
          await log.append(rec(null, String(i)));
          if (i % 1000 === 10) {
            const got = await cursor.poll(5);
            expect(got[0]!.offset).to.equal(Math.max(seen, i - 99));
            seen = got[got.length - 1]!.offset + 1;
          }
        }
        expect(log.startOffsets()).to.deep.equal([4900]);
        expect(log.endOffsets()).to.deep.equal([5000]);
        const kept = await log.read(0, 0, 1000);
        expect(kept).to.have.lengthOf(100);
        expect(kept[0]!.offset).to.equal(4900);
        expect(text(kept[99]!.value)).to.equal('4999');
        expect((await cursor.poll(1000))[0]!.offset).to.equal(4900);
      });
    });

    describe('many cursors', () => {
      it('wakes every waiting cursor on one append', async () => {
        const log = await topic(4);
        const cursors = Array.from({ length: 1000 }, () => log.cursor({ from: 'latest' }));
        const waits = cursors.map((c) => c.wait());
        expect(await hasSettled(waits[0]!)).to.equal(false);
        await log.append(rec('21', 'hello'));
        await within(Promise.all(waits), '1000 waits');
        for (const c of cursors) expect(values(await c.poll(10))).to.deep.equal(['hello']);
        for (const c of cursors) c.close();
      });

      it('delivers everything, in order, to consumers that poll and wait while producers append', async () => {
        const log = await topic(3);
        const total = 600;
        const consumers = Array.from({ length: 20 }, () => collect(log.cursor({ from: 'earliest' }), total));
        for (let i = 0; i < total; i += 30) {
          await log.appendBatch(Array.from({ length: 30 }, (_, j) => rec(`k${(i + j) % 11}`, String(i + j))));
          await macrotask();
        }
        const expected = Array.from({ length: total }, (_, i) => String(i));
        for (const got of await within(Promise.all(consumers), 'consumers')) expect(values(got)).to.deep.equal(expected);
      });

      it('leaves the remaining cursors working when some close while waiting', async () => {
        const log = await topic(2);
        const cursors = Array.from({ length: 100 }, () => log.cursor({ from: 'latest' }));
        const waits = cursors.map((c) => c.wait());
        for (let i = 0; i < 100; i += 2) cursors[i]!.close();
        await log.append(rec(null, 'x'));
        await within(Promise.all(waits), 'all waits');
        for (const [i, c] of cursors.entries()) {
          expect(c.closed).to.equal(i % 2 === 0);
          expect(values(await c.poll(10))).to.deep.equal(i % 2 === 0 ? [] : ['x']);
        }
      });
    });
  });
}
