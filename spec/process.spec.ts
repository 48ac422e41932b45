/**
 * The gateway as `npm start` runs it: one process started from the command line with the demo
 * queries file and generator; it prints its URL, serves live rows at once, and exits 0 on SIGTERM
 * with its push queries ended cleanly.
 */
import { expect } from 'chai';
import { spawn, type ChildProcess } from 'node:child_process';
import { openStream } from './support/http-clients.js';

function startProcess(args: string[]): { child: ChildProcess; url: Promise<string> } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const url = new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /listening on (\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`exited with ${code}: ${out}`)));
  });
  return { child, url };
}

describe('the gateway process', () => {
  it('starts with the demo data, streams generated rows, and shuts down on SIGTERM with exit 0', async () => {
    const { child, url } = startProcess(['--port', '0', '--host', '127.0.0.1', '--queries-file', 'examples/demo.sql', '--generate', 'PAGEVIEWS', '--generate-rate', '20']);
    try {
      const base = await url;
      const stream = openStream('h2', base, { path: '/query-stream', body: JSON.stringify({ sql: 'SELECT USERID, PAGEID FROM PAGEVIEWS EMIT CHANGES;' }) });
      const meta = JSON.parse(await stream.nextLine());
      expect(meta.columnNames).to.deep.equal(['USERID', 'PAGEID']);
      const row = JSON.parse(await stream.nextLine(5000)) as string[];
      expect(row[0]).to.match(/^User_\d$/);
      const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
      child.kill('SIGTERM');
      expect(await exited).to.equal(0);
      await stream.ended;
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });

  it('refuses unknown flags with a message and a non-zero exit', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', '--bogus'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    const code = await new Promise<number | null>((r) => child.once('exit', (c) => r(c)));
    expect(code).to.equal(1);
    expect(err).to.match(/bogus/);
  });
});
