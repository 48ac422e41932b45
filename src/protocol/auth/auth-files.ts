/** Builds the Authenticator from the files named on the command line; none named: auth is off. */
import { readFileSync } from 'node:fs';
import { Authenticator, DEFAULT_REALM } from './authenticator.js';
import { parseBasicUsers } from './basic-users.js';
import { parseBearerTokens } from './bearer-tokens.js';

export interface AuthFiles {
  /** `user: password[,role...]` lines (`--auth-basic-file`). */
  readonly basicFile?: string;
  /** One token per line (`--auth-bearer-file`). */
  readonly bearerFile?: string;
  readonly realm?: string;
  readonly roles?: readonly string[];
}

export function loadAuthenticator(files: AuthFiles): Authenticator | undefined {
  if (files.basicFile === undefined && files.bearerFile === undefined) return undefined;
  const users = files.basicFile === undefined ? undefined : parseBasicUsers(readFileSync(files.basicFile, 'utf8'), files.basicFile);
  const tokens = files.bearerFile === undefined ? undefined : parseBearerTokens(readFileSync(files.bearerFile, 'utf8'));
  // An empty file would lock every client out without saying why.
  if (users?.size === 0) throw new Error(`${files.basicFile}: no users`);
  if (tokens?.length === 0) throw new Error(`${files.bearerFile}: no tokens`);
  return new Authenticator({ users, tokens, realm: files.realm ?? DEFAULT_REALM, roles: files.roles });
}
