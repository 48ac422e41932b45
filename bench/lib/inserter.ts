/**
 * Streams rows into one /inserts-stream and counts the acks. Batches are serialized before the
 * clock starts so the figure is the server's, not the client's JSON.stringify.
 */
import { call, countLines, DELIMITED, type Call, type Connection } from './h2-client.js';
import { sleep } from './time.js';

export interface InsertResult {
  readonly acks: number;
  readonly errors: number;
  readonly firstError: string | null;
  readonly status: number;
  /** From the first row written to the n-th ack. */
  readonly ms: number;
  readonly complete: boolean;
}

export interface InsertOptions {
  /** Pre-serialized NDJSON batches; or a writer that paces its own rows. */
  readonly batches?: readonly Buffer[];
  readonly paced?: (c: Call) => Promise<void>;
  /** Called with each ack's seq (acks may arrive out of order). */
  readonly onAck?: (seq: number) => void;
}

/** NDJSON batches of `size` rows made by make(i), for i in 0..n-1. */
export function serializeRows(n: number, make: (i: number) => unknown, size = 500): Buffer[] {
  const out: Buffer[] = [];
  for (let i = 0; i < n; ) {
    let s = '';
    for (const end = Math.min(n, i + size); i < end; i++) s += JSON.stringify(make(i)) + '\n';
    out.push(Buffer.from(s));
  }
  return out;
}

export async function insertRows(conn: Connection, target: string, n: number, opts: InsertOptions): Promise<InsertResult> {
  const c = call(conn, '/inserts-stream', DELIMITED);
  const acks = countAcks(c, n, opts.onAck);
  c.write(JSON.stringify({ target }) + '\n');
  // Some servers send their headers only with the first ack; do not wait for them forever.
  await Promise.race([c.status.catch(() => {}), sleep(200)]);
  const t0 = performance.now();
  await (opts.paced ? opts.paced(c) : writeAll(c, opts.batches ?? []));
  await acks.all;
  const t1 = acks.lastAt || performance.now();
  c.end();
  await Promise.race([c.done, sleep(1000)]);
  if (!c.ended) c.cancel();
  const s = acks.state;
  return { acks: s.acks, errors: s.errors, firstError: s.firstError, status: await c.status.catch(() => 0), ms: t1 - t0, complete: s.acks >= n && s.errors === 0 };
}

/** Writes the batches, waiting whenever the stream pushes back; stops if the server ended it. */
async function writeAll(c: Call, batches: readonly Buffer[]): Promise<void> {
  for (const b of batches) {
    if (c.ended) return;
    if (!c.write(b)) await c.drain();
  }
}

interface AckState {
  acks: number;
  errors: number;
  firstError: string | null;
}

/** Ack lines are few bytes each; splitting them is cheap next to what the server does per row. */
function countAcks(c: Call, n: number, onAck?: (seq: number) => void) {
  const state: AckState = { acks: 0, errors: 0, firstError: null };
  const out = { state, lastAt: 0, all: Promise.resolve() };
  let partial = '';
  let resolve!: () => void;
  out.all = new Promise<void>((r) => (resolve = r));
  c.onData = (b) => {
    state.acks += countLines(b);
    const lines = (partial + b.toString()).split('\n');
    partial = lines.pop()!;
    for (const line of lines) {
      if (line.includes('"error"')) (state.errors++, (state.firstError ??= line.slice(0, 300)));
      else if (onAck) onAck(Number(/"seq":(\d+)/.exec(line)?.[1] ?? -1));
    }
    if (state.acks >= n) ((out.lastAt = performance.now()), resolve());
  };
  c.onEnd = () => {
    if (partial) (state.errors++, (state.firstError ??= `unterminated: ${partial.slice(0, 300)}`));
    resolve();
  };
  return out;
}
