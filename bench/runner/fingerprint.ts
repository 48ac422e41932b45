/**
 * A hash of the gateway's source at each start. Rounds are only comparable if they ran the same
 * code; in a working tree that others edit, a warning says when they did not.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export function sourceFingerprint(dir = 'src'): string {
  const hash = createHash('sha256');
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) hash.update(p).update(readFileSync(p));
    }
  };
  try {
    walk(dir);
  } catch {
    return 'unreadable';
  }
  return hash.digest('hex').slice(0, 12);
}
