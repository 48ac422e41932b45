/**
 * Bearer tokens (RFC 6750): a file with one token per line; blank lines and lines starting with
 * `#` are skipped, surrounding white space is not part of a token.
 */
import { digest, sameDigest } from './secret-digest.js';

export function parseBearerTokens(text: string): Buffer[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((token) => digest(token));
}

/** Compares against every token, without stopping at a match, so timing says nothing either. */
export function checkToken(tokens: readonly Buffer[], presented: string): boolean {
  const candidate = digest(presented);
  let found = false;
  for (const token of tokens) found = sameDigest(candidate, token) || found;
  return found;
}
