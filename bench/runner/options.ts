/** The runner's command line. */
import { parseArgs } from 'node:util';
import { DEFAULT_SCENARIOS, KNOWN_SCENARIOS } from '../scenarios/registry.js';
import { GATEWAY_ENTRY } from './build.js';

export interface RunOptions {
  readonly rounds: number;
  /** Scenarios run in every round, S5 first. */
  readonly scenarios: readonly string[];
  /** Idle push queries held once on a fresh gateway after the rounds; 0: not run. */
  readonly idleQueries: number;
  readonly quick: boolean;
  readonly gatewayCmd: string;
  readonly gatewayPort: number;
  readonly ceilingPort: number;
  readonly pin: boolean;
  readonly micro: boolean;
  readonly warmup: boolean;
  readonly out: string;
  readonly strict: boolean;
}

export const USAGE = `usage: npm run bench -- [options]
  --rounds N            rounds, each with a fresh ceiling and a fresh gateway, order alternating (default 3)
  --scenarios LIST      of ${KNOWN_SCENARIOS.join(',')} (default all; S5 always runs first)
  --quick               small sizes: a smoke run of the whole harness
  --idle-queries N      hold N idle push queries on a fresh gateway once (default 10000, --quick 1000; 0: skip)
  --gateway-cmd CMD     how to start the gateway; {port} is replaced (it must exec the server: its PID is measured;
                        default: the compiled gateway, node dist/src/main.js)
  --gateway-port P      (default 18088)    --ceiling-port P   (default 18099)
  --no-pin              do not pin servers to CPU 0 and the harness to CPU 1
  --no-micro            skip the parse + plan and expression microbenchmarks
  --no-warmup           skip the unmeasured warm-up pass before each scenario
  --out FILE            JSON result (default bench/result.json)
  --strict              exit 1 when a target is missed (a broken correctness gate always exits 1)`;

export const DEFAULT_GATEWAY_CMD = `node ${GATEWAY_ENTRY} --port {port} --host 127.0.0.1`;

export function parseOptions(argv: readonly string[]): RunOptions | 'help' {
  const { values: v } = parseArgs({
    args: [...argv],
    options: {
      rounds: { type: 'string', default: '3' },
      scenarios: { type: 'string' },
      quick: { type: 'boolean', default: false },
      'idle-queries': { type: 'string' },
      'gateway-cmd': { type: 'string', default: DEFAULT_GATEWAY_CMD },
      'gateway-port': { type: 'string', default: '18088' },
      'ceiling-port': { type: 'string', default: '18099' },
      'no-pin': { type: 'boolean', default: false },
      'no-micro': { type: 'boolean', default: false },
      'no-warmup': { type: 'boolean', default: false },
      out: { type: 'string', default: 'bench/result.json' },
      strict: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (v.help) return 'help';
  const listed = (v.scenarios ?? [...DEFAULT_SCENARIOS, 'IDLE'].join(',')).toUpperCase().split(',').filter(Boolean);
  for (const s of listed) if (!KNOWN_SCENARIOS.includes(s)) throw new Error(`unknown scenario ${s}; known: ${KNOWN_SCENARIOS.join(', ')}`);
  const idleDefault = listed.includes('IDLE') ? (v.quick ? 1000 : 10_000) : 0;
  return {
    rounds: positive(v.rounds, '--rounds'),
    scenarios: [...listed.filter((s) => s === 'S5'), ...listed.filter((s) => s !== 'S5' && s !== 'IDLE')],
    idleQueries: v['idle-queries'] === undefined ? idleDefault : Number(v['idle-queries']),
    quick: v.quick,
    gatewayCmd: v['gateway-cmd'],
    gatewayPort: positive(v['gateway-port'], '--gateway-port'),
    ceilingPort: positive(v['ceiling-port'], '--ceiling-port'),
    pin: !v['no-pin'],
    micro: !v['no-micro'],
    warmup: !v['no-warmup'],
    out: v.out,
    strict: v.strict,
  };
}

function positive(text: string, what: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${what} must be a positive integer, not ${text}`);
  return n;
}
