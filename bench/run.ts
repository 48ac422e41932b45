/**
 * `npm run bench`: the gateway measured as ratios to the ceiling (bench/ceiling-server.ts) in
 * one run. Each round starts a fresh ceiling and a fresh gateway, in alternating order (ABBA) so
 * that drift on a shared machine hits both, runs the scenarios against each through its own
 * harness process, then the microbenchmarks. Prints the table and writes the JSON result.
 * Exit 1 when a correctness gate broke (or, with --strict, a target was missed).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HarnessOutput } from './harness.js';
import type { MicroOutput } from './micro.js';
import { FULL, QUICK } from './scenarios/sizes.js';
import { machine, describeMachine } from './runner/machine.js';
import { parseOptions, USAGE, type RunOptions } from './runner/options.js';
import { BUILT_SOURCES, buildServers, CEILING_ENTRY } from './runner/build.js';
import { sourceFingerprint } from './runner/fingerprint.js';
import { canPin, pinned, runJsonChild, startServer, stopServer, tail } from './runner/processes.js';
import { contextRows, targetRows, type Collected, type Side } from './runner/summary.js';
import { renderRounds, renderTable } from './runner/table.js';

interface GateFailure {
  readonly round: number | null;
  readonly side: Side;
  readonly label: string;
  readonly failures: readonly string[];
}

const log = (msg: string): void => void process.stderr.write(`[bench] ${msg}\n`);

class Runner {
  readonly collected: Collected = { runs: { ceiling: {}, gateway: {} }, micro: [], idle: null };
  readonly gates: GateFailure[] = [];
  readonly warnings: string[] = [];
  /** The gateway's source hash at each of its starts. */
  readonly sources: string[] = [];
  readonly logs = mkdtempSync(join(tmpdir(), 'streamgate-bench-'));
  readonly serverCpu: number | null;
  readonly harnessCpu: number | null;

  constructor(readonly o: RunOptions) {
    const pin = o.pin && canPin();
    if (o.pin && !pin) this.warnings.push('not pinned: taskset is missing or there is only one CPU');
    [this.serverCpu, this.harnessCpu] = pin ? [0, 1] : [null, null];
  }

  serverCmd(side: Side): { cmd: string; port: number } {
    const port = side === 'ceiling' ? this.o.ceilingPort : this.o.gatewayPort;
    const cmd = side === 'ceiling' ? `node ${CEILING_ENTRY} --port ${port} --host 127.0.0.1` : this.o.gatewayCmd.replaceAll('{port}', String(port));
    return { cmd: pinned(this.serverCpu, cmd), port };
  }

  /** A fresh server, the harness against it, the server stopped; failures recorded. */
  async side(side: Side, round: number | null, scenarios: readonly string[]): Promise<HarnessOutput | null> {
    const { cmd, port } = this.serverCmd(side);
    const logFile = join(this.logs, `${side}-${round ?? 'idle'}.log`);
    log(`${round === null ? 'idle check' : `round ${round}/${this.o.rounds}`}: ${side} (${scenarios.join(',')}) — ${cmd}`);
    if (side === 'gateway') this.sources.push(sourceFingerprint(BUILT_SOURCES));
    const server = await startServer(cmd, port, logFile);
    let out: HarnessOutput | null = null;
    try {
      const args = ['--import', 'tsx', 'bench/harness.ts', '--url', `http://127.0.0.1:${port}`, '--pid', String(server.pid), '--scenarios', scenarios.join(',')];
      if (this.o.quick) args.push('--quick');
      if (!this.o.warmup) args.push('--no-warmup');
      if (this.o.idleQueries) args.push('--idle-queries', String(this.o.idleQueries));
      out = await runJsonChild<HarnessOutput>(this.harnessCpu, args);
    } catch (e) {
      this.gates.push({ round, side, label: 'harness', failures: [(e as Error).message] });
    }
    const early = await stopServer(server);
    if (early) this.gates.push({ round, side, label: 'server', failures: [`the ${side} ${early} during the run; log ${logFile}:\n${tail(logFile)}`] });
    if (out) this.record(side, round, out);
    return out;
  }

  record(side: Side, round: number | null, out: HarnessOutput): void {
    this.warnings.push(...out.warnings.map((w) => `${side}${round === null ? '' : ` round ${round}`}: ${w}`));
    for (const [label, run] of Object.entries(out.results)) {
      if (label === 'IDLE') this.collected.idle = run;
      else (this.collected.runs[side][label] ??= []).push(run);
      if (run.failures.length) this.gates.push({ round, side, label, failures: run.failures });
    }
  }

  async rounds(): Promise<void> {
    for (let r = 1; r <= this.o.rounds; r++) {
      const order: Side[] = r % 2 ? ['ceiling', 'gateway'] : ['gateway', 'ceiling'];
      if (this.o.scenarios.length) for (const side of order) await this.side(side, r, this.o.scenarios);
      if (this.o.micro) await this.micro();
    }
    if (this.o.idleQueries > 0) await this.side('gateway', null, ['IDLE']);
    if (new Set(this.sources).size > 1) this.warnings.push(`the gateway's source changed between rounds (${this.sources.join(', ')}): rounds ran different code`);
  }

  async micro(): Promise<void> {
    log('microbenchmarks: parse + plan, expressions');
    try {
      this.collected.micro.push(await runJsonChild<MicroOutput>(this.harnessCpu, ['--import', 'tsx', 'bench/micro.ts', ...(this.o.quick ? ['--quick'] : [])]));
    } catch (e) {
      this.warnings.push(`microbenchmarks: ${(e as Error).message}`);
    }
  }
}

async function main(): Promise<number> {
  const o = parseOptions(process.argv.slice(2));
  if (o === 'help') {
    console.log(USAGE);
    return 0;
  }
  log('building the servers (tsc -p tsconfig.build.json)');
  buildServers();
  const m = machine();
  const runner = new Runner(o);
  const started = new Date();
  await runner.rounds();
  const sizes = o.quick ? QUICK : FULL;
  const targetTable = targetRows(runner.collected, sizes.s3Subs);
  const rows = [...targetTable, ...contextRows(runner.collected)];
  const missed = targetTable.filter((r) => r.pass === false);
  console.log(`\nstreamgate benchmark — ${o.rounds} round(s)${o.quick ? ', quick sizes' : ''}, ${started.toISOString()}`);
  console.log(`machine: ${describeMachine(m, runner.serverCpu !== null)}\n`);
  console.log(renderTable(rows));
  console.log(`\nper round (ceiling / gateway, in round order):\n${renderRounds(runner.collected)}`);
  if (runner.warnings.length) console.log(`\nwarnings:\n${runner.warnings.map((w) => `  ${w}`).join('\n')}`);
  report(runner.gates, missed.length);
  const result = { meta: { started: started.toISOString(), finished: new Date().toISOString(), machine: m, options: o, sizes, logs: runner.logs, gatewaySources: runner.sources },
    table: rows, correctnessFailures: runner.gates, warnings: runner.warnings, raw: runner.collected };
  writeFileSync(o.out, JSON.stringify(result, null, 1) + '\n');
  console.log(`\nresult: ${o.out}; server logs: ${runner.logs}`);
  return runner.gates.length ? 1 : o.strict && missed.length ? 1 : 0;
}

function report(gates: readonly GateFailure[], missed: number): void {
  if (gates.length === 0) console.log('\ncorrectness gates: all passed');
  else {
    console.log('\nCORRECTNESS GATES BROKEN:');
    for (const g of gates) console.log(`  ${g.side}${g.round === null ? '' : ` round ${g.round}`} ${g.label}: ${g.failures.join('\n    ')}`);
  }
  console.log(`targets missed: ${missed}`);
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    log(`fatal: ${(e as Error).stack ?? String(e)}`);
    process.exit(2);
  },
);
