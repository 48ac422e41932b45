/**
 * A server's memory and CPU as Linux reports them (/proc/PID/status and /proc/PID/stat), read
 * from outside so the server needs no instrumentation and both servers are measured alike.
 */
import { readFileSync } from 'node:fs';
import { sleep } from './time.js';

export function rssKb(pid: number): number | null {
  try {
    const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

/** User + system CPU time in ms; /proc counts clock ticks, which are 10 ms on Linux. */
export function cpuMs(pid: number): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

/**
 * RSS once it stops moving: five samples 250 ms apart within max(256 KB, 0.3%). A garbage
 * collection or a lazily grown pool right after a step would otherwise land in the figure.
 */
export async function stableRssKb(pid: number, settleMs: number, maxMs = 15_000): Promise<number | null> {
  await sleep(settleMs);
  const samples: number[] = [];
  const start = performance.now();
  while (performance.now() - start < maxMs) {
    const v = rssKb(pid);
    if (v === null) return null;
    samples.push(v);
    const last = samples.slice(-5);
    if (last.length === 5 && Math.max(...last) - Math.min(...last) <= Math.max(256, 0.003 * v)) return v;
    await sleep(250);
  }
  return samples.at(-1) ?? null;
}

/** CPU the server spent between `start()` and the returned function's call. */
export function cpuMeter(pid: number): () => number | null {
  const before = cpuMs(pid);
  return () => {
    const after = cpuMs(pid);
    return before === null || after === null ? null : after - before;
  };
}

/**
 * This process's CPU as a share of one core between the call and the returned function's: near
 * 1.0 the client, not the server, may be what limits a figure.
 */
export function ownCpuShare(): () => number {
  const before = process.cpuUsage();
  const t0 = performance.now();
  return () => {
    const used = process.cpuUsage(before);
    return (used.user + used.system) / 1000 / (performance.now() - t0);
  };
}
