/**
 * Reads an `Authorization` header. The scheme name is case-insensitive (RFC 9110 §11.1); Basic
 * carries base64 of `user:password`, split at the first colon (RFC 7617 §2); Bearer carries the
 * token as it is (RFC 6750 §2.1).
 */
export type Credentials =
  | { readonly scheme: 'basic'; readonly user: string; readonly password: string }
  | { readonly scheme: 'bearer'; readonly token: string };

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Undefined for a missing, malformed or unknown-scheme header. */
export function parseAuthorization(header: string | undefined): Credentials | undefined {
  const match = /^([A-Za-z]+) +(\S+) *$/.exec(header ?? '');
  if (!match) return undefined;
  const scheme = match[1]!.toLowerCase();
  if (scheme === 'bearer') return { scheme, token: match[2]! };
  if (scheme !== 'basic' || !BASE64.test(match[2]!)) return undefined;
  const decoded = Buffer.from(match[2]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  return { scheme, user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}
