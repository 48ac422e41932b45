/**
 * Reads a /query-stream answer in the delimited format: the header line, then rows. Rows are
 * counted from newlines unless the caller wants them parsed, because at millions of rows a
 * second the client must not be what limits a fan-out measurement.
 */
import { call, countLines, DELIMITED, type Call, type Connection } from './h2-client.js';

export interface QueryHeader {
  readonly queryId?: string;
  readonly columnNames?: readonly string[];
  readonly [k: string]: unknown;
}

export interface QueryReader {
  readonly call: Call;
  readonly headerP: Promise<QueryHeader>;
  header: QueryHeader | null;
  /** The first line when it was not a header: an error body. */
  error: string | null;
  rows: number;
}

export interface ReaderOptions {
  /** Called with each row's text (parsing costs; only the latency scenario wants it). */
  onRow?: (line: string, q: QueryReader) => void;
  /** Called after each chunk's rows were counted. */
  onCount?: (q: QueryReader) => void;
}

export function openQuery(conn: Connection, sql: string, properties: Record<string, unknown>, opts: ReaderOptions = {}): QueryReader {
  const c = call(conn, '/query-stream', DELIMITED);
  let gotHeader!: (h: QueryHeader) => void;
  let failHeader!: (e: Error) => void;
  const headerP = new Promise<QueryHeader>((res, rej) => ((gotHeader = res), (failHeader = rej)));
  headerP.catch(() => {});
  const q: QueryReader = { call: c, headerP, header: null, error: null, rows: 0 };
  let pending: Buffer | null = null;
  let partial = '';
  c.onData = (chunk) => {
    let b = chunk;
    if (!q.header) {
      pending = pending ? Buffer.concat([pending, b]) : b;
      const nl = pending.indexOf(10);
      if (nl < 0) return;
      q.header = parseHeader(pending.subarray(0, nl).toString(), q);
      gotHeader(q.header);
      b = pending.subarray(nl + 1);
      pending = null;
    }
    if (opts.onRow) {
      const lines = (partial + b.toString()).split('\n');
      partial = lines.pop()!;
      for (const line of lines) if (line) (q.rows++, opts.onRow(line, q));
    } else {
      q.rows += countLines(b);
      opts.onCount?.(q);
    }
  };
  c.onEnd = () => {
    if (!q.header) failHeader(new Error(`no header; body: ${pending?.toString().slice(0, 300) ?? '(empty)'}`));
  };
  c.end(JSON.stringify({ sql, properties }));
  return q;
}

function parseHeader(line: string, q: QueryReader): QueryHeader {
  try {
    const h = JSON.parse(line) as QueryHeader;
    if (typeof h.queryId !== 'string') q.error = line.slice(0, 300);
    return h;
  } catch {
    q.error = line.slice(0, 300);
    return {};
  }
}

/** Waits for every header; throws the first error answer, with the server's words. */
export async function awaitHeaders(qs: readonly QueryReader[]): Promise<void> {
  await Promise.all(qs.map((q) => q.headerP));
  const bad = qs.find((q) => q.error !== null);
  if (bad) throw new Error(`push query refused (HTTP ${await bad.call.status.catch(() => 0)}): ${bad.error}`);
}

export function cancelAll(qs: readonly QueryReader[]): void {
  for (const q of qs) q.call.cancel();
}
