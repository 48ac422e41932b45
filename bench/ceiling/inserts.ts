/**
 * The ceiling's /inserts-stream: the first line names the target, every later line is a row.
 * Per input chunk, the rows are turned into one block of delimited lines (serialized once),
 * fanned out, and acked; input pauses while any subscriber or the acks push back.
 */
import type { ServerHttp2Stream } from 'node:http2';
import { drained } from '../lib/drained.js';
import { fanOut, isDead, subscribersOf } from './subscribers.js';

export function handleInserts(stream: ServerHttp2Stream): void {
  stream.respond({ ':status': 200 });
  let rest = '';
  let target: string | null = null;
  let seq = 0;
  let paused = 0;
  stream.on('data', (b: Buffer) => {
    const lines = (rest + b.toString()).split('\n');
    rest = lines.pop()!;
    let rows = '';
    let acks = '';
    for (const line of lines) {
      if (!line) continue;
      if (target === null) {
        target = targetOf(line);
        continue;
      }
      const row = rowOf(line);
      if (row === null) acks += `{"status":"error","seq":${seq++},"message":"Invalid JSON in inserts stream"}\n`;
      else ((rows += row), (acks += `{"status":"ok","seq":${seq++}}\n`));
    }
    const waits: Promise<unknown>[] = [];
    const fan = rows && target !== null ? fanOut(subscribersOf(target), rows) : null;
    if (fan) waits.push(fan);
    if (acks && !isDead(stream) && !stream.write(acks)) waits.push(drained(stream));
    if (waits.length === 0) return;
    paused++;
    stream.pause();
    void Promise.all(waits).then(() => {
      if (--paused === 0) stream.resume();
    });
  });
  stream.on('end', () => {
    if (!isDead(stream)) stream.end();
  });
}

function targetOf(line: string): string {
  try {
    return String((JSON.parse(line) as { target?: unknown }).target ?? '').toUpperCase();
  } catch {
    return '';
  }
}

/** The row's values in the order the client sent them, as a delimited line. */
function rowOf(line: string): string | null {
  try {
    const o = JSON.parse(line) as unknown;
    if (o === null || typeof o !== 'object' || Array.isArray(o)) return null;
    return JSON.stringify(Object.values(o)) + '\n';
  } catch {
    return null;
  }
}
