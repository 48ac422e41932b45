/**
 * The dependency direction of DESIGN.md, checked on every import in src/:
 * transport → protocol → {sql, planner, engine, catalog} → store; codec and errors are leaves.
 * Nothing below protocol may import HTTP modules, and the store knows nothing above it.
 */
import { expect } from 'chai';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const SRC = resolve('src');

/** Which layers each layer may import (besides itself). */
const ALLOWED: Record<string, readonly string[]> = {
  store: [],
  codec: ['sql'],
  sql: ['codec'],
  catalog: ['sql', 'codec', 'store'],
  planner: ['sql', 'catalog', 'engine', 'codec'],
  engine: ['sql', 'catalog', 'planner', 'codec', 'store'],
  protocol: ['transport', 'engine', 'planner', 'sql', 'catalog', 'codec', 'store'],
  transport: [],
  demo: ['engine', 'catalog', 'sql', 'store'],
};
const LEAVES = new Set(['errors.ts']);
const HTTP_MODULES = /^node:(http|http2|https)$/;
const BELOW_PROTOCOL = new Set(['store', 'codec', 'sql', 'catalog', 'planner', 'engine']);

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

function layerOf(path: string): string {
  return relative(SRC, path).split('/')[0]!;
}

function imports(path: string): string[] {
  const text = readFileSync(path, 'utf8');
  return [...text.matchAll(/^\s*(?:import|export)[^'"]*from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]!);
}

describe('layers', () => {
  const sources = files(SRC);

  it('has sources to check', () => {
    expect(sources.length).to.be.above(50);
  });

  it('keeps every import pointing the way DESIGN.md says', () => {
    const violations: string[] = [];
    for (const file of sources) {
      const from = layerOf(file);
      const allowed = ALLOWED[from];
      if (!allowed) continue;
      for (const spec of imports(file)) {
        if (HTTP_MODULES.test(spec) && BELOW_PROTOCOL.has(from)) violations.push(`${relative(SRC, file)} imports ${spec}`);
        if (!spec.startsWith('.')) continue;
        const target = resolve(dirname(file), spec);
        const to = layerOf(target);
        if (to === from || LEAVES.has(relative(SRC, target).replace(/\.js$/, '.ts')) || allowed.includes(to)) continue;
        violations.push(`${relative(SRC, file)} (${from}) imports ${relative(SRC, target)} (${to})`);
      }
    }
    expect(violations).to.deep.equal([]);
  });
});
