/**
 * How big each scenario is: the full run, the smoke run (`--quick`) and the unmeasured warm-up
 * pass that precedes every measured one (it warms the JIT on both sides alike).
 */

export interface Sizes {
  readonly s1Rows: number;
  readonly s2Rate: number;
  readonly s2Seconds: number;
  /** Latencies of the first seconds are dropped: the push path is still being compiled. */
  readonly s2WarmupS: number;
  /** K·R: each fan-out layout delivers this many rows in all. */
  readonly s3Deliveries: number;
  readonly s3Subs: readonly number[];
  readonly s4Keys: number;
  readonly s4Requests: number;
  readonly s4Conns: number;
  readonly s4StreamsPerConn: number;
  /** Pulls of random keys checked row by row before the timed h2load run. */
  readonly s4Verify: number;
  readonly s5Queries: number;
  readonly s5Steps: number;
  readonly s5Conns: number;
  readonly s5SettleMs: number;
  readonly idleQueries: number;
  readonly idleConns: number;
  readonly timeoutS: number;
}

export const FULL: Sizes = {
  s1Rows: 200_000,
  s2Rate: 5000,
  s2Seconds: 10,
  s2WarmupS: 1,
  s3Deliveries: 10_000_000,
  s3Subs: [100, 1000],
  s4Keys: 10_000,
  s4Requests: 100_000,
  s4Conns: 4,
  s4StreamsPerConn: 16,
  s4Verify: 1000,
  s5Queries: 4000,
  s5Steps: 4,
  s5Conns: 20,
  s5SettleMs: 1500,
  idleQueries: 10_000,
  idleConns: 20,
  timeoutS: 120,
};

export const QUICK: Sizes = {
  ...FULL,
  s1Rows: 20_000,
  s2Seconds: 3,
  s3Deliveries: 200_000,
  s4Keys: 1000,
  s4Requests: 5000,
  s4Verify: 200,
  // S5 keeps its full size: with fewer queries the collection of start-up garbage outweighs them.
  s5SettleMs: 500,
  idleQueries: 1000,
  timeoutS: 60,
};

/**
 * The warm-up pass: small enough to cost seconds, big enough to reach the optimizing compiler.
 * S4 is the exception: a server's request path keeps getting faster for the first hundred
 * thousand or so requests (measured: 6–8k req/s over the first 100 000 pulls, 9–10k after), so
 * its warm-up is as long as the measured run, for the ceiling and the gateway alike, and S4
 * reports the sustained rate as ksqlDB's published figure is.
 */
export function warmUp(s: Sizes): Sizes {
  return { ...s, s1Rows: 20_000, s2Seconds: 1, s2WarmupS: 0, s3Deliveries: 200_000, s4Keys: 1000, s4Verify: 100, s5Queries: 40, s5Steps: 1, s5SettleMs: 0 };
}
