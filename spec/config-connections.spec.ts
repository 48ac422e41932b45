/** The command-line flags for authentication and connection limits, and their defaults. */
import { expect } from 'chai';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig, type Config } from '../src/config.js';

function parse(argv: string[], env: NodeJS.ProcessEnv = {}): Config {
  const config = parseConfig(argv, env);
  if (config === 'help') throw new Error('help');
  return config;
}

describe('config: authentication and connections', () => {
  it('has authentication off and these connection defaults', () => {
    const config = parse([]);
    expect(config.auth).to.equal(undefined);
    expect(config.connections).to.deep.equal({
      maxConnections: 10_000,
      maxStreamsPerConnection: 1000,
      h2PingIntervalMs: 30_000,
      h2PingTimeoutMs: 10_000,
      idleTimeoutMs: 300_000,
    });
  });

  it('reads every flag, 0 turning a limit or timer off', () => {
    const config = parse([
      '--auth-basic-file', 'users', '--auth-bearer-file', 'tokens', '--auth-realm', 'R', '--auth-roles', 'a, b',
      '--max-connections', '0', '--max-streams-per-connection', '5', '--h2-ping-interval-ms', '0',
      '--h2-ping-timeout-ms', '7', '--idle-timeout-ms', '0',
    ]);
    expect(config.auth).to.deep.equal({ basicFile: 'users', bearerFile: 'tokens', realm: 'R', roles: ['a', 'b'] });
    expect(config.connections).to.deep.equal({ maxConnections: 0, maxStreamsPerConnection: 5, h2PingIntervalMs: 0, h2PingTimeoutMs: 7, idleTimeoutMs: 0 });
  });

  it('takes the credential files from the environment too', () => {
    const config = parse([], { STREAMGATE_AUTH_BASIC_FILE: 'u', STREAMGATE_AUTH_BEARER_FILE: 't' });
    expect(config.auth).to.deep.include({ basicFile: 'u', bearerFile: 't' });
  });

  it("takes the idle timeout from ksqlDB's ksql.idle.connection.timeout.seconds, the flag first", () => {
    const file = join(mkdtempSync(join(tmpdir(), 'streamgate-config-')), 'ksql.properties');
    writeFileSync(file, 'ksql.idle.connection.timeout.seconds=86400\n');
    expect(parse(['--config', file]).connections.idleTimeoutMs).to.equal(86_400_000);
    expect(parse(['--config', file, '--idle-timeout-ms', '5']).connections.idleTimeoutMs).to.equal(5);
  });

  it('refuses a stream limit of 0 and a negative or fractional number', () => {
    expect(() => parse(['--max-streams-per-connection', '0'])).to.throw('--max-streams-per-connection must be a positive integer');
    expect(() => parse(['--max-connections=-1'])).to.throw('--max-connections must be a non-negative integer');
    expect(() => parse(['--idle-timeout-ms', '1.5'])).to.throw('--idle-timeout-ms');
  });
});
