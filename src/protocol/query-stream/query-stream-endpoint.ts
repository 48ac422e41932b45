/**
 * POST /query-stream (protocol spec §2, §3): one SELECT (push or pull) or PRINT, answered in the
 * format the Accept header negotiated.
 */
import { badRequest, KsqlStatementError } from '../../errors.js';
import type { Engine, PreparedStream } from '../../engine/engine.js';
import type { LineSink } from '../../engine/print-topic.js';
import type { OutputColumn } from '../../planner/query-plan.js';
import { typeToString } from '../../sql/types.js';
import type { Exchange } from '../../transport/exchange.js';
import { MediaType } from '../negotiate.js';
import { decodeUtf8, parseJsonBody, readBody } from '../request-body.js';
import { sendBody, sendError } from '../responses.js';
import { validateBody } from '../schemas.js';
import { outputFormatFor, type QueryHeader } from './output-format.js';
import { DEFAULT_OUTPUT_OPTIONS, type OutputOptions } from './output-queue.js';
import { QueryResponse } from './query-response.js';

export async function handleQueryStream(
  exchange: Exchange,
  engine: Engine,
  mediaType: string | null,
  output: OutputOptions = DEFAULT_OUTPUT_OPTIONS,
): Promise<void> {
  if (exchange.httpVersion === '1.0') {
    throw badRequest('This endpoint is only available when using HTTP1.1 or HTTP2');
  }
  const args = validateBody('queryStream', parseJsonBody(decodeUtf8(await readBody(exchange))));
  let prepared: PreparedStream;
  try {
    prepared = engine.prepareStream(args.sql, args.sessionVariables, args.properties);
  } catch (err) {
    // Errors before the stream starts carry the statement, with ksqlDB's `\nStatement:` suffix.
    if (err instanceof KsqlStatementError) err.statementText ??= args.sql;
    return sendError(exchange, err, { messageSuffix: err instanceof KsqlStatementError ? `\nStatement: ${args.sql}` : '' });
  }
  if (prepared.kind === 'print') return startPrint(exchange, prepared, mediaType);
  const isPull = prepared.kind === 'pull';
  const kind = prepared.kind === 'push' && prepared.scalable ? 'scalable' : prepared.kind;
  const response = new QueryResponse(exchange, outputFormatFor(mediaType, kind), prepared.plan.columns, output, isPull);
  response.start(queryHeader(prepared.queryId, prepared.plan.columns, isPull));
  if (prepared.kind === 'push') prepared.start(response);
  else await prepared.run(response);
}

/** What a header says about the columns, kept per plan: a cached pull plan answers many requests. */
const columnHeaders = new WeakMap<readonly OutputColumn[], Omit<QueryHeader, 'queryId'>>();

export function queryHeader(queryId: string, columns: readonly OutputColumn[], isPull: boolean): QueryHeader {
  let described = columnHeaders.get(columns);
  if (!described) {
    const types = columns.map((c) => typeToString(c.type));
    const schema = columns.map((c, i) => `\`${c.name}\` ${types[i]}${isPull && c.isKey ? ' KEY' : ''}`).join(', ');
    described = { columnNames: columns.map((c) => c.name), columnTypes: types, schema };
    columnHeaders.set(columns, described);
  }
  return { queryId, ...described };
}

/** PRINT is served only in the delimited type (spec §3.3); the response has no Content-Type. */
function startPrint(exchange: Exchange, prepared: PreparedStream & { kind: 'print' }, mediaType: string | null): void {
  if (mediaType !== null && mediaType !== MediaType.DELIMITED) return sendBody(exchange, 406, '');
  exchange.respond({ status: 200 });
  exchange.flushHeaders();
  const sink: LineSink = {
    line: (text) => exchange.write(text),
    end: () => exchange.end(),
    get closed() {
      return exchange.closed;
    },
    onClose: (l) => exchange.onClose(l),
  };
  prepared.start(sink);
}
