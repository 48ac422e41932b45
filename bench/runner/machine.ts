/** What the figures were measured on: they mean little without it. */
import { execSync } from 'node:child_process';
import os from 'node:os';

export interface Machine {
  readonly cpu: string;
  readonly cores: number;
  readonly memoryGb: number;
  readonly node: string;
  readonly kernel: string;
  readonly loadAverage: readonly number[];
  readonly h2load: string | null;
  readonly commit: string | null;
}

function quiet(cmd: string): string | null {
  try {
    return execSync(cmd, { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim() || null;
  } catch {
    return null;
  }
}

export function machine(): Machine {
  return {
    cpu: os.cpus()[0]?.model.trim() ?? 'unknown',
    cores: os.cpus().length,
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    kernel: `${os.type()} ${os.release()}`,
    loadAverage: os.loadavg().map((x) => Math.round(x * 100) / 100),
    h2load: quiet('h2load --version')?.split('\n')[0] ?? null,
    commit: quiet('git rev-parse --short HEAD'),
  };
}

export function describeMachine(m: Machine, pinned: boolean): string {
  return `${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB, ${m.kernel}, Node ${m.node}, ${m.h2load ?? 'no h2load'}, load ${m.loadAverage.join(' ')}, ` +
    (pinned ? 'servers on CPU 0, harness on CPU 1' : 'not pinned');
}
