/**
 * The output queue of a query response, against an exchange whose writes complete when the spec
 * says so: one write in flight, whole lines within a frame, coalescing of what is ready, and the
 * high-water mark that holds a query back.
 */
import { expect } from 'chai';
import { DEFAULT_OUTPUT_OPTIONS, OutputQueue, type EncodedRows, type OutputOptions } from '../../src/protocol/query-stream/output-queue.js';
import type { Exchange } from '../../src/transport/exchange.js';

class ManualExchange {
  readonly writes: string[] = [];
  private pending: (() => void)[] = [];
  closed = false;
  constructor(readonly maxChunkBytes: number) {}

  write(chunk: string | Uint8Array): Promise<void> {
    this.writes.push(Buffer.from(chunk).toString());
    return new Promise((resolve) => this.pending.push(resolve));
  }

  get inFlight(): number {
    return this.pending.length;
  }

  /** Completes the write in flight and lets the queue go on. */
  async complete(): Promise<void> {
    this.pending.shift()?.();
    await new Promise((r) => setImmediate(r));
  }

  close(): void {
    this.closed = true;
    for (const p of this.pending.splice(0)) p();
  }
}

const lines = (...texts: string[]): EncodedRows => ({ chunks: texts.map((t) => Buffer.from(t)), rows: texts.map(() => 1) });
const options = (o: Partial<OutputOptions>): OutputOptions => ({ ...DEFAULT_OUTPUT_OPTIONS, ...o });
const asExchange = (e: ManualExchange): Exchange => e as unknown as Exchange;

describe('output queue', () => {
  it('writes at once when idle, keeps one write in flight, and joins what became ready meanwhile', async () => {
    const ex = new ManualExchange(16);
    const q = new OutputQueue(asExchange(ex), options({ coalesce: true, maxQueuedBytes: 1000 }));
    q.push(lines('[1]\n'));
    expect(ex.writes).to.deep.equal(['[1]\n']);
    q.push(lines('[2]\n'));
    q.push(lines('[3]\n', '[4]\n'));
    expect(ex.inFlight).to.equal(1);
    await ex.complete();
    expect(ex.writes).to.deep.equal(['[1]\n', '[2]\n[3]\n[4]\n']);
  });

  it('never joins chunks past one frame, so no line is split across frames', async () => {
    const ex = new ManualExchange(10);
    const q = new OutputQueue(asExchange(ex), options({ coalesce: true, maxQueuedBytes: 1000 }));
    q.push(lines('[0]\n'));
    q.push(lines('[11]\n', '[22]\n', '[33]\n', '[4444444444]\n', '[5]\n'));
    for (let i = 0; i < 5; i++) await ex.complete();
    expect(ex.writes).to.deep.equal(['[0]\n', '[11]\n[22]\n', '[33]\n', '[4444444444]\n', '[5]\n']);
    for (const w of ex.writes) expect(w.endsWith('\n')).to.equal(true);
  });

  it('writes every chunk on its own when coalescing is off', async () => {
    const ex = new ManualExchange(1000);
    const q = new OutputQueue(asExchange(ex), options({ coalesce: false, maxQueuedBytes: 1000 }));
    q.push(lines('[1]\n', '[2]\n'));
    q.push(lines('[3]\n'));
    for (let i = 0; i < 3; i++) await ex.complete();
    expect(ex.writes).to.deep.equal(['[1]\n', '[2]\n', '[3]\n']);
  });

  it('holds the writer back past the high-water mark until half of it is written', async () => {
    const ex = new ManualExchange(4);
    const q = new OutputQueue(asExchange(ex), options({ coalesce: true, maxQueuedBytes: 8 }));
    expect(q.push(lines('[1]\n', '[2]\n'))).to.equal(undefined);
    expect(q.push(lines('[3]\n'))).to.equal(undefined);
    const full = q.push(lines('[4]\n'));
    expect(full).to.be.instanceOf(Promise);
    let released = false;
    void full!.then(() => (released = true));
    await ex.complete();
    await ex.complete();
    expect(released).to.equal(false);
    await ex.complete();
    expect(released).to.equal(true);
  });

  it('releases a held writer and drops what is queued when the client goes away', async () => {
    const ex = new ManualExchange(4);
    const q = new OutputQueue(asExchange(ex), options({ coalesce: true, maxQueuedBytes: 4 }));
    q.push(lines('[1]\n', '[2]\n', '[3]\n'));
    const full = q.push(lines('[4]\n'));
    ex.close();
    await full;
    expect(ex.writes).to.deep.equal(['[1]\n']);
  });

  it('ends the response only after everything queued before it', async () => {
    const ex = new ManualExchange(4);
    const ended: string[] = [];
    (ex as unknown as { end: (c?: Uint8Array) => void }).end = (c) => ended.push(`${ex.writes.length} writes, then ${c ? Buffer.from(c).toString() : 'nothing'}`);
    const q = new OutputQueue(asExchange(ex), options({ coalesce: true, maxQueuedBytes: 100 }));
    q.push(lines('[1]\n', '[2]\n'));
    q.finish(']');
    expect(ended).to.deep.equal([]);
    await ex.complete();
    await ex.complete();
    expect(ended).to.deep.equal(['2 writes, then ]']);
  });

  it('holds the writer back past the row limit too', async () => {
    const ex = new ManualExchange(100);
    const q = new OutputQueue(asExchange(ex), options({ maxQueuedRows: 2 }));
    q.push(lines('[1]\n', '[2]\n', '[3]\n'));
    expect(q.push(lines('[4]\n'))).to.be.instanceOf(Promise);
  });

  it('gives up on a client that reads nothing while the queue stays full, and releases the query', async () => {
    const ex = new ManualExchange(4);
    const q = new OutputQueue(asExchange(ex), options({ maxQueuedRows: 1, stallTimeoutMs: 20 }));
    const stalls: { rows: number; bytes: number }[] = [];
    q.onStall = (queued) => {
      stalls.push(queued);
      q.discard();
    };
    q.push(lines('[1]\n', '[2]\n', '[3]\n'));
    await q.push(lines('[4]\n'));
    expect(stalls).to.deep.equal([{ rows: 4, bytes: 16 }]);
  });

  it('does not give up on a client that keeps reading', async () => {
    const ex = new ManualExchange(4);
    const q = new OutputQueue(asExchange(ex), options({ maxQueuedRows: 1, stallTimeoutMs: 50 }));
    let stalled = false;
    q.onStall = () => (stalled = true);
    q.push(lines('[1]\n', '[2]\n'));
    const full = q.push(lines('[3]\n'));
    for (let i = 0; i < 3; i++) await ex.complete();
    await full;
    await new Promise((r) => setTimeout(r, 80));
    expect(stalled).to.equal(false);
  });
});
