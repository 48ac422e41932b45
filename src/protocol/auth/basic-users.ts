/**
 * The users file for HTTP Basic authentication, in the format of Jetty's PropertyUserStore, which
 * ksqlDB's JAAS PropertyFileLoginModule reads: one `user: password[,role...]` per line (`=` works
 * as the separator too), `#` and `!` start comments. The password is plain text or `MD5:` followed
 * by the hex MD5 of the password (Jetty's Credential.MD5). Jetty's `OBF:` is reversible and its
 * `CRYPT:` needs crypt(3); both are refused when the file is read rather than half supported.
 */
import { digest, sameDigest, type DigestAlgorithm } from './secret-digest.js';

export interface BasicUser {
  readonly roles: readonly string[];
  /** The stored password as a digest of `algorithm`. */
  readonly algorithm: DigestAlgorithm;
  readonly passwordDigest: Buffer;
}

/** Parses the file's text; `source` names it in errors. */
export function parseBasicUsers(text: string, source = 'users file'): Map<string, BasicUser> {
  const users = new Map<string, BasicUser>();
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith('!')) return;
    const sep = line.search(/[:=]/);
    if (sep <= 0) throw new Error(`${source} line ${index + 1}: expected user: password[,role...]`);
    const [password = '', ...roles] = line.slice(sep + 1).split(',').map((s) => s.trim());
    users.set(line.slice(0, sep).trim(), { roles: roles.filter((r) => r !== ''), ...storedPassword(password, `${source} line ${index + 1}`) });
  });
  return users;
}

function storedPassword(credential: string, where: string): Pick<BasicUser, 'algorithm' | 'passwordDigest'> {
  const prefix = /^([A-Z0-9]+):/.exec(credential)?.[1];
  if (prefix === 'MD5') {
    const hex = credential.slice(4).trim();
    if (!/^[0-9a-fA-F]{32}$/.test(hex)) throw new Error(`${where}: MD5: must be followed by 32 hex digits`);
    return { algorithm: 'md5', passwordDigest: Buffer.from(hex, 'hex') };
  }
  if (prefix === 'OBF' || prefix === 'CRYPT') throw new Error(`${where}: ${prefix}: passwords are not supported; use plain text or MD5:`);
  return { algorithm: 'sha256', passwordDigest: digest(credential) };
}

/** Stands in for an unknown user, so that answer takes as long as a wrong password. */
const NOBODY: BasicUser = { roles: [], algorithm: 'sha256', passwordDigest: digest('\u0000no such user') };

/** The user when the password matches; undefined for a wrong password and an unknown user alike. */
export function checkPassword(users: ReadonlyMap<string, BasicUser>, user: string, password: string): BasicUser | undefined {
  const known = users.get(user);
  const stored = known ?? NOBODY;
  const match = sameDigest(digest(password, stored.algorithm), stored.passwordDigest);
  return match && known ? known : undefined;
}
