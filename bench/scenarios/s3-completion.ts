/**
 * When every fan-out subscriber has its R rows. The moment is taken in the data callback that
 * brings the last row, not by polling, so the time is exact.
 */
import type { QueryReader } from '../lib/query-reader.js';
import { sleep } from '../lib/time.js';

export interface Completion {
  t0: number;
  t1: number;
  readonly all: Promise<void>;
  start(): void;
  onCount(q: QueryReader): void;
}

export function allDone(k: number, r: number): Completion {
  let remaining = k;
  let resolve!: () => void;
  const finished = new WeakSet<QueryReader>();
  const state: Completion = {
    t0: 0,
    t1: 0,
    all: new Promise<void>((res) => (resolve = res)),
    start: () => void (state.t0 = performance.now()),
    onCount: (q) => {
      if (q.rows < r || finished.has(q)) return;
      finished.add(q);
      if (--remaining === 0) ((state.t1 = performance.now()), resolve());
    },
  };
  return state;
}

/** True once all have R rows; false at the time limit or as soon as a short stream has ended. */
export async function waitAll(done: Completion, qs: readonly QueryReader[], r: number, ms: number): Promise<boolean> {
  const deadline = performance.now() + ms;
  let finished = false;
  void done.all.then(() => (finished = true));
  while (!finished && performance.now() < deadline) {
    if (qs.some((q) => q.call.ended && q.rows < r)) return false;
    await Promise.race([done.all, sleep(100)]);
  }
  return finished;
}
