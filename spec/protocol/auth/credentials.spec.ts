/**
 * The credential files and their checks, without a server: Jetty's property-file format for Basic
 * users, the bearer token list, the Authorization header, and the rule that secrets are only ever
 * compared with crypto.timingSafeEqual over digests of one length.
 */
import { expect } from 'chai';
import crypto, { createHash } from 'node:crypto';
import { syncBuiltinESMExports } from 'node:module';
import { parseAuthorization } from '../../../src/protocol/auth/authorization-header.js';
import { Authenticator } from '../../../src/protocol/auth/authenticator.js';
import { checkPassword, parseBasicUsers } from '../../../src/protocol/auth/basic-users.js';
import { checkToken, parseBearerTokens } from '../../../src/protocol/auth/bearer-tokens.js';

const md5 = (s: string): string => createHash('md5').update(s).digest('hex');
const USERS = `# users
alice: wonderland,ksql-user,admin
bob = MD5:${md5('builder')}, other
! a comment too
carol:  with spaces  ,ksql-user
`;

/** Calls of crypto.timingSafeEqual made while `run` runs, with the lengths compared. */
function timingSafeCalls(run: () => void): number[][] {
  const original = crypto.timingSafeEqual;
  const calls: number[][] = [];
  crypto.timingSafeEqual = (a, b) => {
    calls.push([a.byteLength, b.byteLength]);
    return original(a, b);
  };
  // Named imports of a builtin follow its exports object only after this call.
  syncBuiltinESMExports();
  try {
    run();
  } finally {
    crypto.timingSafeEqual = original;
    syncBuiltinESMExports();
  }
  return calls;
}

describe('auth credentials', () => {
  describe('users file', () => {
    const users = parseBasicUsers(USERS);

    it('reads users, plain and MD5 passwords and roles', () => {
      expect([...users.keys()]).to.deep.equal(['alice', 'bob', 'carol']);
      expect(users.get('alice')!.roles).to.deep.equal(['ksql-user', 'admin']);
      expect(users.get('bob')!.roles).to.deep.equal(['other']);
      expect(checkPassword(users, 'alice', 'wonderland')).to.equal(users.get('alice'));
      expect(checkPassword(users, 'bob', 'builder')).to.equal(users.get('bob'));
      expect(checkPassword(users, 'carol', 'with spaces')).to.equal(users.get('carol'));
    });

    it('turns away a wrong password and an unknown user alike', () => {
      expect(checkPassword(users, 'alice', 'Wonderland')).to.equal(undefined);
      expect(checkPassword(users, 'bob', `MD5:${md5('builder')}`)).to.equal(undefined);
      expect(checkPassword(users, 'mallory', 'wonderland')).to.equal(undefined);
      expect(checkPassword(users, '', '')).to.equal(undefined);
    });

    it('refuses lines it cannot read and password schemes it does not support', () => {
      expect(() => parseBasicUsers('justaname', 'u.txt')).to.throw('u.txt line 1: expected user: password[,role...]');
      expect(() => parseBasicUsers('a: OBF:1v2j1uum1xtv1zej1zer1xtn1uvk1v1v')).to.throw('OBF: passwords are not supported');
      expect(() => parseBasicUsers('a: CRYPT:abc')).to.throw('CRYPT: passwords are not supported');
      expect(() => parseBasicUsers('a: MD5:xyz')).to.throw('MD5: must be followed by 32 hex digits');
    });
  });

  describe('constant-time comparison', () => {
    const users = parseBasicUsers(USERS);

    it('compares passwords with timingSafeEqual over equal-length digests, known user or not', () => {
      for (const [user, password] of [['alice', 'wonderland'], ['alice', 'x'], ['mallory', 'wonderland'], ['bob', 'nope']] as const) {
        const calls = timingSafeCalls(() => checkPassword(users, user, password));
        expect(calls, `${user}/${password}`).to.have.length(1);
        expect(calls[0]![0]).to.equal(calls[0]![1]);
      }
    });

    it('compares a bearer token with every configured token, without stopping at a match', () => {
      const tokens = parseBearerTokens('first\nsecond-token\nthird');
      const calls = timingSafeCalls(() => expect(checkToken(tokens, 'first')).to.equal(true));
      expect(calls).to.deep.equal([[32, 32], [32, 32], [32, 32]]);
    });
  });

  it('reads one bearer token a line, skipping blanks and comments', () => {
    const tokens = parseBearerTokens('# tokens\n\n  tok-1  \ntok-2\r\n');
    expect(tokens).to.have.length(2);
    expect(checkToken(tokens, 'tok-1')).to.equal(true);
    expect(checkToken(tokens, 'tok-2')).to.equal(true);
    expect(checkToken(tokens, 'tok-3')).to.equal(false);
    expect(checkToken(tokens, ' tok-1')).to.equal(false);
  });

  it('reads Basic and Bearer headers, the scheme in any case', () => {
    const basic = (s: string): string => Buffer.from(s).toString('base64');
    expect(parseAuthorization(`Basic ${basic('alice:won:der')}`)).to.deep.equal({ scheme: 'basic', user: 'alice', password: 'won:der' });
    expect(parseAuthorization(`bAsIc ${basic(':')}`)).to.deep.equal({ scheme: 'basic', user: '', password: '' });
    expect(parseAuthorization('Bearer abc.def-ghi')).to.deep.equal({ scheme: 'bearer', token: 'abc.def-ghi' });
    expect(parseAuthorization(`Basic ${basic('no-colon')}`)).to.equal(undefined);
    expect(parseAuthorization('Basic !!!')).to.equal(undefined);
    expect(parseAuthorization('Digest username="a"')).to.equal(undefined);
    expect(parseAuthorization('Basic')).to.equal(undefined);
    expect(parseAuthorization(undefined)).to.equal(undefined);
  });

  describe('authenticator', () => {
    const users = parseBasicUsers(USERS);
    const basic = (s: string): string => `Basic ${Buffer.from(s).toString('base64')}`;

    it('names each accepted scheme in the challenge', () => {
      expect(new Authenticator({ users, realm: 'R' }).challenge).to.equal('Basic realm="R"');
      expect(new Authenticator({ tokens: [], realm: 'R' }).challenge).to.equal('Bearer realm="R"');
      expect(new Authenticator({ users, tokens: [], realm: 'a "b"' }).challenge).to.equal('Basic realm="a \\"b\\"", Bearer realm="a \\"b\\""');
    });

    it('leaves the health paths open and checks everything else', () => {
      const auth = new Authenticator({ users, realm: 'R' });
      for (const path of ['/healthcheck', '/chc/ready', '/chc/live', '/v1/metadata', '/v1/metadata/id']) expect(auth.check(path, undefined)).to.equal('allowed');
      for (const path of ['/info', '/ksql', '/query-stream', '/no-such-path', '/healthcheck/']) expect(auth.check(path, undefined)).to.equal('unauthorized');
    });

    it('accepts only the schemes it was given', () => {
      const onlyBasic = new Authenticator({ users, realm: 'R' });
      expect(onlyBasic.check('/info', 'Bearer wonderland')).to.equal('unauthorized');
      const onlyBearer = new Authenticator({ tokens: parseBearerTokens('t'), realm: 'R' });
      expect(onlyBearer.check('/info', basic('alice:wonderland'))).to.equal('unauthorized');
      expect(onlyBearer.check('/info', 'Bearer t')).to.equal('allowed');
    });

    it('forbids a user without one of the required roles', () => {
      const auth = new Authenticator({ users, realm: 'R', roles: ['ksql-user'] });
      expect(auth.check('/info', basic('alice:wonderland'))).to.equal('allowed');
      expect(auth.check('/info', basic('bob:builder'))).to.equal('forbidden');
      expect(auth.check('/info', basic('bob:wrong'))).to.equal('unauthorized');
    });
  });
});
