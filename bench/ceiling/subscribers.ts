/**
 * The ceiling's push subscribers: per target, the open response streams. A chunk of rows is
 * written to each subscriber with one write, and the producer waits only for subscribers that
 * have fallen more than BACKLOG_BYTES behind — the least any real server must do to bound its
 * memory.
 */
import type { ServerHttp2Stream } from 'node:http2';
import { drained } from '../lib/drained.js';

export interface Subscriber {
  readonly id: string;
  readonly stream: ServerHttp2Stream;
}

/**
 * Waiting whenever a write returns false (past the stream's 16 KiB high-water mark) turns fan-out
 * into stop-and-go: input pauses until every socket is flushed, and the CPU idles in between.
 */
const BACKLOG_BYTES = 1 << 20;

const byTarget = new Map<string, Set<Subscriber>>();
const byId = new Map<string, Subscriber>();

export function subscribe(target: string, sub: Subscriber): void {
  let set = byTarget.get(target);
  if (!set) byTarget.set(target, (set = new Set()));
  set.add(sub);
  byId.set(sub.id, sub);
  sub.stream.once('close', () => {
    set.delete(sub);
    byId.delete(sub.id);
  });
}

export function subscribersOf(target: string): ReadonlySet<Subscriber> {
  return byTarget.get(target) ?? new Set();
}

export function findQuery(id: string): Subscriber | undefined {
  return byId.get(id);
}

export function isDead(stream: ServerHttp2Stream): boolean {
  return stream.destroyed || stream.writableEnded;
}

/** One write per live subscriber; resolves once those too far behind have drained (null: none was). */
export function fanOut(subs: ReadonlySet<Subscriber>, chunk: string): Promise<unknown> | null {
  let waits: Promise<void>[] | null = null;
  for (const s of subs) {
    if (isDead(s.stream)) continue;
    if (!s.stream.write(chunk) && s.stream.writableLength > BACKLOG_BYTES) (waits ??= []).push(drained(s.stream));
  }
  return waits && Promise.all(waits);
}
