/**
 * The opt-in keep-alive of HTTP/1.1 push queries: a quiet response gets a bare newline after
 * each quiet interval, which line readers skip and JSON readers take as whitespace; rows still
 * arrive as usual, and HTTP/2 responses (kept alive by PING) get none.
 */
import { expect } from 'chai';
import { startGateway, type Gateway } from '../../src/gateway.js';
import { DEFAULT_OUTPUT_OPTIONS } from '../../src/protocol/query-stream/output-queue.js';
import { openStream } from '../support/http-clients.js';
import { ksql, produce, sleep } from '../support/gateway.js';

describe('HTTP/1.1 keep-alive of quiet push queries', () => {
  let gw: Gateway;
  beforeEach(async () => {
    gw = await startGateway({ host: '127.0.0.1', port: 0, output: { ...DEFAULT_OUTPUT_OPTIONS, http1KeepAliveMs: 100 } });
    await ksql(gw, "CREATE STREAM S (ID INT KEY, V STRING) WITH (kafka_topic='s', value_format='JSON', partitions=1);");
  });
  afterEach(() => gw.close());

  const body = JSON.stringify({ sql: 'SELECT ID, V FROM S EMIT CHANGES;', properties: { 'auto.offset.reset': 'latest' } });

  it('sends a newline after each quiet interval over HTTP/1.1, and rows as usual', async () => {
    const stream = openStream('h1', gw.url, { path: '/query-stream', body });
    await stream.nextLine();
    await sleep(450);
    const quiet = stream.chunks.slice(1).join('');
    expect(quiet).to.match(/^\n{2,5}$/);
    await produce(gw, 's', [{ key: '1', value: { V: 'a' } }]);
    for (let i = 0; i < 100 && !stream.chunks.join('').includes('[1,"a"]'); i++) await sleep(10);
    const lines = stream.chunks.join('').split('\n').slice(1).filter((l) => l !== '');
    expect(lines).to.deep.equal(['[1,"a"]']);
    stream.cancel();
  });

  it('keeps the JSON array format valid', async () => {
    const stream = openStream('h1', gw.url, { path: '/query-stream', body, headers: { accept: 'application/json' } });
    await sleep(250);
    await produce(gw, 's', [{ key: '2', value: { V: 'b' } }]);
    await sleep(250);
    const { queryId } = JSON.parse(stream.chunks[0]!.trim().slice(1)) as { queryId: string };
    const closed = await fetch(`${gw.url}/close-query`, { method: 'POST', body: JSON.stringify({ queryId }) });
    expect(closed.status).to.equal(200);
    await stream.ended;
    const text = stream.chunks.join('');
    expect(text).to.include('\n');
    expect((JSON.parse(text) as unknown[]).slice(1)).to.deep.equal([[2, 'b']]);
  });

  it('sends nothing extra over HTTP/2', async () => {
    const stream = openStream('h2', gw.url, { path: '/query-stream', body });
    await stream.nextLine();
    await sleep(350);
    expect(stream.chunks.slice(1)).to.deep.equal([]);
    stream.cancel();
  });
});
