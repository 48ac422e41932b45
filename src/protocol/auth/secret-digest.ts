/**
 * Secrets are compared as fixed-length digests with crypto.timingSafeEqual, so neither the time
 * taken nor an early exit tells a caller how much of a guess was right, or how long the secret is.
 */
import { createHash, timingSafeEqual } from 'node:crypto';

export type DigestAlgorithm = 'sha256' | 'md5';

export function digest(secret: string, algorithm: DigestAlgorithm = 'sha256'): Buffer {
  return createHash(algorithm).update(secret, 'utf8').digest();
}

/** Equal digests; both sides have the algorithm's length, as timingSafeEqual requires. */
export function sameDigest(a: Buffer, b: Buffer): boolean {
  if (a.length !== b.length) throw new Error('digests of different algorithms cannot be compared');
  return timingSafeEqual(a, b);
}
