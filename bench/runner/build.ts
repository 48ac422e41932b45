/**
 * Both servers are measured as they are deployed: compiled by tsc (`npm run build`, into dist/),
 * not through tsx's on-the-fly transform, which wraps every function created at run time in a
 * naming helper (about 20% more CPU per pull request on the gateway; bench/README.md, "Compiled
 * servers").
 */
import { spawnSync } from 'node:child_process';

export const GATEWAY_ENTRY = 'dist/src/main.js';
export const CEILING_ENTRY = 'dist/bench/ceiling-server.js';
export const BUILT_SOURCES = 'dist/src';

/** Runs `tsc -p tsconfig.build.json`; throws with tsc's output when it fails. */
export function buildServers(): void {
  const r = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`tsc -p tsconfig.build.json failed:\n${r.stdout}${r.stderr}`);
}
