/**
 * Throughput and memory figures for the in-memory TopicLog (not a spec; mocha only picks *.spec.ts):
 *
 *   node --import tsx --expose-gc spec/store/memory-topic-log.bench.ts
 *
 * The figures are quoted at the top of src/store/memory/memory-topic-log.ts.
 */
import { MemoryTopicLog } from '../../src/store/memory/memory-topic-log.js';
import type { Cursor, ProducerRecord } from '../../src/store/topic-log.js';

const gc = (globalThis as { gc?: () => void }).gc;
if (gc === undefined) throw new Error('run with --expose-gc');

const RETENTION = { maxRecords: 1_000_000, maxBytes: 256 * 1024 * 1024 };
const key = (i: number): Uint8Array => new TextEncoder().encode(`key-${String(i).padStart(12, '0')}`); // 16 bytes
const VALUE = new Uint8Array(64).fill(0x61);

function records(n: number, keys: number): ProducerRecord[] {
  const ks = Array.from({ length: keys }, (_, i) => key(i));
  return Array.from({ length: n }, (_, i) => ({ key: ks[i % keys]!, value: VALUE }));
}

function perSecond(n: number, ms: number): string {
  return `${Math.round((n / ms) * 1000).toLocaleString('en-US')}/s`;
}

async function single(partitions: number, n: number): Promise<number> {
  const log = new MemoryTopicLog('bench', partitions, RETENTION);
  const input = records(n, 1000);
  const t0 = performance.now();
  for (let i = 0; i < n; i++) await log.append(input[i]!);
  return performance.now() - t0;
}

async function batched(partitions: number, n: number, size: number): Promise<number> {
  const log = new MemoryTopicLog('bench', partitions, RETENTION);
  const input = records(n, 1000);
  const t0 = performance.now();
  for (let i = 0; i < n; i += size) await log.appendBatch(input.slice(i, i + size));
  return performance.now() - t0;
}

async function drain(partitions: number, n: number): Promise<number> {
  const log = new MemoryTopicLog('bench', partitions, RETENTION);
  await log.appendBatch(records(n, 1000));
  const cursor = log.cursor({ from: 'earliest' });
  const t0 = performance.now();
  let got = 0;
  while (got < n) got += (await cursor.poll(500)).length;
  return performance.now() - t0;
}

async function best(runs: number, f: () => Promise<number>): Promise<number> {
  let min = Infinity;
  for (let i = 0; i < runs; i++) {
    heap();
    min = Math.min(min, await f());
  }
  return min;
}

function heap(): number {
  gc!();
  gc!();
  return process.memoryUsage().heapUsed;
}

async function cursorMemory(partitions: number, count: number): Promise<void> {
  const log = new MemoryTopicLog('bench', partitions, RETENTION);
  await log.appendBatch(records(100, 10));
  // Filled up front, so that growing these arrays is not counted against the cursors.
  const cursors: (Cursor | null)[] = new Array<Cursor | null>(count).fill(null);
  const waits: (Promise<void> | null)[] = new Array<Promise<void> | null>(count).fill(null);
  const h0 = heap();
  for (let i = 0; i < count; i++) cursors[i] = log.cursor({ from: 'latest' });
  const h1 = heap();
  for (let i = 0; i < count; i++) waits[i] = cursors[i]!.wait();
  const h2 = heap();
  let woken = 0;
  for (const w of waits) void w!.then(() => woken++);
  const t0 = performance.now();
  await log.append({ key: null, value: VALUE });
  while (woken < count) await new Promise((r) => setImmediate(r));
  const wakeMs = performance.now() - t0;
  console.log(
    `${count.toLocaleString('en-US')} cursors, ${partitions} partitions: idle ${Math.round((h1 - h0) / count)} B/cursor, ` +
      `waiting ${Math.round((h2 - h0) / count)} B/cursor; one append wakes all in ${wakeMs.toFixed(1)} ms`,
  );
  for (const c of cursors) c!.close();
}

const N = 500_000;
console.log(`node ${process.version}, ${N.toLocaleString('en-US')} records of 16 B key + 64 B value, best of 3`);
for (const partitions of [1, 4]) {
  console.log(`partitions ${partitions}:`);
  console.log(`  append (awaited one by one)   ${perSecond(N, await best(3, () => single(partitions, N)))}`);
  for (const size of [100, 1000]) {
    console.log(`  appendBatch(${size.toString().padEnd(4)})            ${perSecond(N, await best(3, () => batched(partitions, N, size)))}`);
  }
  console.log(`  cursor poll(500) from earliest ${perSecond(N, await best(3, () => drain(partitions, N)))}`);
}
await cursorMemory(1, 10_000);
await cursorMemory(4, 10_000);
await cursorMemory(16, 10_000);
await cursorMemory(4, 100_000);
