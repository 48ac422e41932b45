/**
 * Runs h2load (nghttp2) for the pull scenario: a client in C, so the request rate measured is
 * the server's and not a Node client's (which tops out near 5k req/s per core). h2load posts one
 * fixed body, so one run reads one key; latencies come from its --log-file.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DELIMITED, JSON_TYPE } from '../lib/h2-client.js';
import { percentile } from '../lib/stats.js';

export interface H2loadRun {
  readonly done: number;
  readonly succeeded: number;
  readonly failed: number;
  readonly status2xx: number;
  /** Response body bytes, summed over all requests. */
  readonly dataBytes: number;
  readonly reqPerSec: number | null;
  readonly p50ms: number | null;
  readonly p99ms: number | null;
  readonly non2xxLogged: number;
  readonly summary: string;
}

export function h2loadPath(): string | null {
  for (const dir of (process.env.PATH ?? '').split(':')) if (dir && existsSync(join(dir, 'h2load'))) return join(dir, 'h2load');
  return null;
}

export interface H2loadArgs {
  readonly url: string;
  readonly body: string;
  readonly conns: number;
  readonly streamsPerConn: number;
  readonly requests: number;
  readonly timeoutS: number;
}

export async function runH2load(a: H2loadArgs): Promise<H2loadRun> {
  const dir = mkdtempSync(join(tmpdir(), 'streamgate-h2load-'));
  try {
    writeFileSync(join(dir, 'body.json'), a.body);
    const args = ['-t', '1', '-c', String(a.conns), '-m', String(a.streamsPerConn), '-n', String(a.requests), '-d', join(dir, 'body.json'),
      '--log-file', join(dir, 'log.tsv'), '-H', `content-type: ${JSON_TYPE}`, '-H', `accept: ${DELIMITED}`, new URL('/query-stream', a.url).href];
    const out = await run(h2loadPath() ?? 'h2load', args, a.timeoutS * 1000);
    return parse(out, readLog(join(dir, 'log.tsv')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function run(cmd: string, args: string[], ms: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const p = spawn(cmd, args);
    let out = '';
    p.stdout.on('data', (b: Buffer) => (out += b.toString()));
    p.stderr.on('data', (b: Buffer) => (out += b.toString()));
    const timer = setTimeout(() => p.kill('SIGINT'), ms);
    p.on('error', reject);
    p.on('close', () => (clearTimeout(timer), resolve(out)));
  });
}

interface LogLines {
  readonly latenciesMs: number[];
  readonly non2xx: number;
}

/** Columns: start µs, status (-1 for a failed stream), µs until the end of the response. */
function readLog(path: string): LogLines {
  const latenciesMs: number[] = [];
  let non2xx = 0;
  const text = existsSync(path) ? readFileSync(path, 'utf8') : '';
  for (const line of text.split('\n')) {
    const f = line.split('\t');
    if (f.length < 3) continue;
    const status = Number(f[1]);
    if (status < 200 || status > 299) non2xx++;
    latenciesMs.push(Number(f[2]) / 1000);
  }
  return { latenciesMs, non2xx };
}

function parse(out: string, log: LogLines): H2loadRun {
  const num = (re: RegExp): number => Number(re.exec(out)?.[1] ?? NaN);
  const failed = ['failed', 'errored', 'timeout'].reduce((a, w) => a + (num(new RegExp(`(\\d+) ${w}`)) || 0), 0);
  return {
    done: num(/requests: \d+ total, \d+ started, (\d+) done/),
    succeeded: num(/(\d+) succeeded/),
    failed,
    status2xx: num(/status codes: (\d+) 2xx/),
    dataBytes: dataBytes(out),
    reqPerSec: Number(/finished in [\d.]+m?s, ([\d.]+) req\/s/.exec(out)?.[1] ?? NaN) || null,
    p50ms: percentile(log.latenciesMs, 50),
    p99ms: percentile(log.latenciesMs, 99),
    non2xxLogged: log.non2xx,
    summary: (/finished in .*/.exec(out)?.[0] ?? out.slice(-400)).trim(),
  };
}

/** "traffic: 4.70MB (4929800) total, 1.14MB (1200400) headers (space savings 95.12%), 2.86MB (3000000) data" */
function dataBytes(out: string): number {
  const line = /traffic: .*/.exec(out)?.[0] ?? '';
  const m = /\((\d+)\) data/.exec(line);
  return m ? Number(m[1]) : NaN;
}
