/**
 * A pull query's response gathers its answer while it fits in one frame and sends it with the
 * end of the stream in one write; an answer that outgrows the frame goes through the output
 * queue, still in whole lines. Against an exchange that records what it is asked to do.
 */
import { expect } from 'chai';
import { RowBatch } from '../../src/engine/row-batch.js';
import type { OutputRow } from '../../src/engine/sink.js';
import type { OutputColumn } from '../../src/planner/query-plan.js';
import { delimitedFormat, streamedRowPullFormat } from '../../src/protocol/query-stream/output-format.js';
import { DEFAULT_OUTPUT_OPTIONS } from '../../src/protocol/query-stream/output-queue.js';
import { QueryResponse } from '../../src/protocol/query-stream/query-response.js';
import { BIGINT, STRING } from '../../src/sql/types.js';
import type { Exchange } from '../../src/transport/exchange.js';

class RecordingExchange {
  readonly calls: string[] = [];
  readonly httpVersion = '2';
  closed = false;
  headersSent = false;
  constructor(readonly maxChunkBytes: number) {}
  respond(head: { status: number }): void {
    this.calls.push(`respond ${head.status}`);
  }
  flushHeaders(): void {}
  write(chunk: string | Uint8Array): Promise<void> {
    this.calls.push(`write ${Buffer.from(chunk).toString()}`);
    return Promise.resolve();
  }
  end(chunk?: string | Uint8Array): void {
    this.calls.push(`end ${chunk === undefined ? '' : Buffer.from(chunk).toString()}`);
    this.closed = true;
  }
  onClose(): void {}
}

const columns: OutputColumn[] = [
  { name: 'ID', type: BIGINT, isKey: true },
  { name: 'V', type: STRING, isKey: false },
];
const header = { queryId: 'q1', columnNames: ['ID', 'V'], columnTypes: ['BIGINT', 'STRING'], schema: '`ID` BIGINT KEY, `V` STRING' };
const HEADER_LINE = '{"queryId":"q1","columnNames":["ID","V"],"columnTypes":["BIGINT","STRING"]}\n';
const batch = (...ids: number[]): RowBatch =>
  new RowBatch(ids.map((id): OutputRow => ({ values: [id, `v${id}`], tombstone: false, origin: { timestamp: 0, headers: [] } })));
const flush = (): Promise<void> => new Promise((r) => setImmediate(r));

describe('query response (pull answers)', () => {
  it('sends a small answer, header and rows, with the end of the stream in one call', () => {
    const ex = new RecordingExchange(16_384);
    const r = new QueryResponse(ex as unknown as Exchange, delimitedFormat, columns, DEFAULT_OUTPUT_OPTIONS, true);
    r.start(header);
    expect(r.write(batch(1, 2))).to.equal(undefined);
    r.end('completed');
    expect(ex.calls).to.deep.equal(['respond 200', `end ${HEADER_LINE}[1,"v1"]\n[2,"v2"]\n`]);
  });

  it('closes a StreamedRow pull answer in the same single call', () => {
    const ex = new RecordingExchange(16_384);
    const r = new QueryResponse(ex as unknown as Exchange, streamedRowPullFormat, columns, DEFAULT_OUTPUT_OPTIONS, true);
    r.start(header);
    r.write(batch(7));
    r.end('completed');
    expect(ex.calls).to.have.length(2);
    expect(JSON.parse(ex.calls[1]!.slice('end '.length))).to.deep.equal([
      { header: { queryId: 'q1', schema: '`ID` BIGINT KEY, `V` STRING' } },
      { row: { columns: [7, 'v7'] } },
    ]);
  });

  it('starts writing whole lines once the answer outgrows one frame', async () => {
    const ex = new RecordingExchange(HEADER_LINE.length + 20);
    const r = new QueryResponse(ex as unknown as Exchange, delimitedFormat, columns, DEFAULT_OUTPUT_OPTIONS, true);
    r.start(header);
    r.write(batch(1));
    expect(ex.calls).to.deep.equal(['respond 200']);
    r.write(batch(2, 3));
    r.end('completed');
    for (let i = 0; i < 4; i++) await flush();
    expect(ex.calls).to.deep.equal(['respond 200', `write ${HEADER_LINE}[1,"v1"]\n`, 'write [2,"v2"]\n[3,"v3"]\n', 'end ']);
  });

  it('ends a gathered answer that fails with its error element in the same call', () => {
    const ex = new RecordingExchange(16_384);
    const r = new QueryResponse(ex as unknown as Exchange, delimitedFormat, columns, DEFAULT_OUTPUT_OPTIONS, true);
    r.start(header);
    r.write(batch(1));
    r.fail(new Error('boom'));
    expect(ex.calls).to.have.length(2);
    const [head, row, error] = ex.calls[1]!.slice('end '.length).split('\n');
    expect([head, row]).to.deep.equal([HEADER_LINE.trimEnd(), '[1,"v1"]']);
    expect(JSON.parse(error!)).to.include({ '@type': 'generic_error', message: 'java.lang.RuntimeException: boom' });
  });
});
