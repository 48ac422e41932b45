/** The command-line flags for query output: coalescing, queue bounds, slow clients, keep-alive. */
import { expect } from 'chai';
import { parseConfig, type Config } from '../src/config.js';

function parse(argv: string[]): Config {
  const config = parseConfig(argv, {});
  if (config === 'help') throw new Error('help');
  return config;
}

describe('config: query output', () => {
  it('coalesces, bounds each push query to 100 000 rows or 4 MiB, gives up after a minute, no keep-alive', () => {
    expect(parse([]).output).to.deep.equal({
      coalesce: true,
      maxQueuedRows: 100_000,
      maxQueuedBytes: 4 * 1024 * 1024,
      stallTimeoutMs: 60_000,
      http1KeepAliveMs: 0,
    });
  });

  it('reads every flag', () => {
    const config = parse([
      '--output-coalescing', 'off', '--push-queue-rows', '10', '--push-queue-bytes', '2048',
      '--slow-client-timeout-ms', '500', '--http1-keep-alive-ms', '15000',
    ]);
    expect(config.output).to.deep.equal({ coalesce: false, maxQueuedRows: 10, maxQueuedBytes: 2048, stallTimeoutMs: 500, http1KeepAliveMs: 15_000 });
  });

  it('refuses values that make no sense', () => {
    expect(() => parse(['--output-coalescing', 'maybe'])).to.throw('--output-coalescing must be on or off, not maybe');
    expect(() => parse(['--push-queue-rows', '0'])).to.throw(/--push-queue-rows/);
    expect(() => parse(['--slow-client-timeout-ms', '-1'])).to.throw(/--slow-client-timeout-ms/);
  });
});
