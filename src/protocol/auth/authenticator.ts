/**
 * Who may use the API when authentication is on: Basic credentials checked against the users file,
 * Bearer tokens against the tokens file. As in ksqlDB (AuthHandlers), the scheme of the
 * `Authorization` header picks the check, a scheme nobody configured is unauthorized, and every
 * failure looks the same to the client, whatever went wrong.
 */
import { parseAuthorization } from './authorization-header.js';
import { checkPassword, type BasicUser } from './basic-users.js';
import { checkToken } from './bearer-tokens.js';

export interface AuthSettings {
  /** Basic users by name; absent: Basic is not accepted. */
  readonly users?: ReadonlyMap<string, BasicUser>;
  /** Digests of the accepted bearer tokens; absent: Bearer is not accepted. */
  readonly tokens?: readonly Buffer[];
  /** Named in the `WWW-Authenticate` challenge (RFC 7235 §2.2). */
  readonly realm: string;
  /** A Basic user needs one of these roles (ksqlDB's authentication.roles); empty: any user. */
  readonly roles?: readonly string[];
}

export type AuthOutcome = 'allowed' | 'unauthorized' | 'forbidden';

/**
 * Paths served without credentials: ksqlDB registers /chc/ready and /chc/live ahead of its auth
 * handlers and always skips authentication for /healthcheck, /v1/metadata and /v1/metadata/id.
 */
const OPEN_PATHS: ReadonlySet<string> = new Set(['/chc/ready', '/chc/live', '/healthcheck', '/v1/metadata', '/v1/metadata/id']);

export const DEFAULT_REALM = 'KsqlServer-Props';

export class Authenticator {
  /** The `WWW-Authenticate` value of a 401: one challenge per accepted scheme (RFC 7235 §4.1). */
  readonly challenge: string;

  constructor(private readonly settings: AuthSettings) {
    const realm = `realm="${settings.realm.replace(/["\\]/g, '\\$&')}"`;
    const schemes = [settings.users ? 'Basic' : undefined, settings.tokens ? 'Bearer' : undefined];
    this.challenge = schemes.filter((s) => s !== undefined).map((s) => `${s} ${realm}`).join(', ');
  }

  check(path: string, authorization: string | undefined): AuthOutcome {
    if (OPEN_PATHS.has(path)) return 'allowed';
    const credentials = parseAuthorization(authorization);
    const { users, tokens } = this.settings;
    if (credentials?.scheme === 'bearer' && tokens) return checkToken(tokens, credentials.token) ? 'allowed' : 'unauthorized';
    if (credentials?.scheme !== 'basic' || !users) return 'unauthorized';
    const user = checkPassword(users, credentials.user, credentials.password);
    if (!user) return 'unauthorized';
    return this.hasRole(user) ? 'allowed' : 'forbidden';
  }

  private hasRole(user: BasicUser): boolean {
    const wanted = this.settings.roles ?? [];
    return wanted.length === 0 || user.roles.some((r) => wanted.includes(r));
  }
}
