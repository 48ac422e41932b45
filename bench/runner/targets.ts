/**
 * What the gateway is held to: each figure as a ratio to the ceiling measured in the same run,
 * so that the machine's speed cancels out. `higher` targets are minimum ratios, `lower` ones
 * maximum ratios.
 */

export interface Target {
  readonly title: string;
  readonly label: string;
  readonly metric: string;
  readonly better: 'higher' | 'lower';
  readonly ratio: number;
}

const fanout = (k: number, conns: string): Target[] =>
  conns === '1'
    ? [{ title: `S3 fan-out K=${k}, 1 connection: rows/s`, label: `S3_K${k}_C1`, metric: 'deliveredRowsPerSec', better: 'higher', ratio: 0.25 }]
    : [{ title: `S3 fan-out K=${k}, ${k} connections: rows/s`, label: `S3_K${k}_C${k}`, metric: 'deliveredRowsPerSec', better: 'higher', ratio: 0.25 }];

export function targets(s3Subs: readonly number[]): Target[] {
  return [
    { title: 'S1 inserts acked/s', label: 'S1', metric: 'acksPerSec', better: 'higher', ratio: 0.4 },
    { title: 'S2 insert→push p50 (ms)', label: 'S2', metric: 'p50ms', better: 'lower', ratio: 3 },
    { title: 'S2 insert→push p99 (ms)', label: 'S2', metric: 'p99ms', better: 'lower', ratio: 4 },
    ...s3Subs.flatMap((k) => [...fanout(k, '1'), ...fanout(k, 'each')]),
    { title: 'S4 pull by key req/s', label: 'S4', metric: 'reqPerSec', better: 'higher', ratio: 0.4 },
    { title: 'S4 pull by key p99 (ms)', label: 'S4', metric: 'p99ms', better: 'lower', ratio: 2.5 },
    { title: 'S5 KB per idle push query', label: 'S5', metric: 'kbPerQuery', better: 'lower', ratio: 2 },
  ];
}

export function meets(t: Target, ratio: number): boolean {
  return t.better === 'higher' ? ratio >= t.ratio : ratio <= t.ratio;
}

export function describe(t: Target): string {
  return t.better === 'higher' ? `≥ ${t.ratio}` : `≤ ${t.ratio}`;
}

/** ksqlDB's published pull-query rate, quoted next to ours in absolute terms. */
export const KSQLDB_PULL_RATE = 3000;
