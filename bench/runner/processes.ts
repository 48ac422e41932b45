/**
 * Starting and stopping the servers and the harness. Servers run on CPU 0 and the harness (and
 * the h2load it starts) on CPU 1 when `taskset` exists and there are two CPUs, so that a
 * client never competes with the server it measures.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { openSync, closeSync, readFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import { sleep } from '../lib/time.js';

export function canPin(): boolean {
  return os.cpus().length >= 2 && spawnSync('taskset', ['-c', '0', 'true']).status === 0;
}

export function pinned(cpu: number | null, cmd: string): string {
  return cpu === null ? cmd : `taskset -c ${cpu} ${cmd}`;
}

export interface Server {
  readonly proc: ChildProcess;
  readonly pid: number;
  readonly log: string;
  /** Set when the process ended before it was asked to. */
  exited: string | null;
}

/** `exec` keeps the PID: the process measured is the server itself, not a shell. */
export async function startServer(cmd: string, port: number, log: string): Promise<Server> {
  const fd = openSync(log, 'w');
  const proc = spawn('bash', ['-c', `exec ${cmd}`], { stdio: ['ignore', fd, fd] });
  closeSync(fd);
  const server: Server = { proc, pid: proc.pid!, log, exited: null };
  proc.once('exit', (code, signal) => (server.exited = `exited (${signal ?? code})`));
  await waitForPort(port, server);
  await sleep(300);
  return server;
}

async function waitForPort(port: number, server: Server, ms = 60_000): Promise<void> {
  const t0 = Date.now();
  while (Date.now() - t0 < ms) {
    if (server.exited) throw new Error(`server ${server.exited} before listening:\n${tail(server.log)}`);
    const open = await new Promise<boolean>((resolve) => {
      const s = net.connect(port, '127.0.0.1', () => (s.destroy(), resolve(true)));
      s.on('error', () => resolve(false));
    });
    if (open) return;
    await sleep(200);
  }
  throw new Error(`nothing listened on port ${port} within ${ms / 1000} s:\n${tail(server.log)}`);
}

/** SIGTERM, then SIGKILL after 5 s. Returns how the process had ended if it ended on its own. */
export async function stopServer(server: Server): Promise<string | null> {
  const early = server.exited;
  if (!early) {
    const gone = new Promise((resolve) => server.proc.once('exit', resolve));
    server.proc.kill('SIGTERM');
    await Promise.race([gone, sleep(5000)]);
    if (server.proc.exitCode === null && server.proc.signalCode === null) server.proc.kill('SIGKILL');
  }
  return early;
}

export function tail(path: string, lines = 20): string {
  try {
    return readFileSync(path, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/** Runs a node child (pinned when asked) and parses the JSON document it prints last. */
export function runJsonChild<T>(cpu: number | null, args: readonly string[]): Promise<T> {
  const cmd = cpu === null ? [process.execPath, ...args] : ['taskset', '-c', String(cpu), process.execPath, ...args];
  return new Promise((resolve, reject) => {
    const p = spawn(cmd[0]!, cmd.slice(1), { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    p.stdout.on('data', (b: Buffer) => (out += b.toString()));
    p.on('error', reject);
    p.on('exit', (code) => {
      const last = out.trim().split('\n').at(-1) ?? '';
      try {
        resolve(JSON.parse(last) as T);
      } catch {
        reject(new Error(`${args.join(' ')} exited ${code} without a result`));
      }
    });
  });
}
