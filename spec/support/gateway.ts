/** A real gateway on an ephemeral loopback port, for specs; helpers to run SQL against it. */
import { startGateway, type Gateway } from '../../src/gateway.js';
import type { EngineOptions } from '../../src/engine/engine.js';
import { expect } from 'chai';
import { h2Request } from './http-clients.js';

export async function startTestGateway(engine: Partial<EngineOptions> = {}): Promise<Gateway> {
  return startGateway({ host: '127.0.0.1', port: 0, engine: { defaultOffsetReset: 'earliest', ...engine } });
}

/** Runs statements through /ksql and fails loudly if they do not succeed. */
export async function ksql(gateway: Gateway, sql: string): Promise<unknown[]> {
  const res = await h2Request(gateway.url, { path: '/ksql', body: JSON.stringify({ ksql: sql }) });
  if (res.status !== 200) throw new Error(`/ksql ${res.status}: ${res.body}`);
  return JSON.parse(res.body) as unknown[];
}

/** Feeds rows through the topic API's produce call. */
export async function produce(gateway: Gateway, topic: string, records: object[]): Promise<void> {
  const res = await h2Request(gateway.url, { path: `/topics/${topic}`, body: JSON.stringify({ records }) });
  if (res.status !== 200) throw new Error(`produce ${res.status}: ${res.body}`);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** Runs a statement that must fail with 400 and gives its message. */
export async function ksqlError(gateway: Gateway, sql: string): Promise<string> {
  const res = await h2Request(gateway.url, { path: '/ksql', body: JSON.stringify({ ksql: sql }) });
  expect(res.status).to.equal(400);
  return (JSON.parse(res.body) as { message: string }).message;
}

/** Waits until `check` holds, or fails naming what it waited for. */
export async function until(check: () => boolean, what: string, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}
