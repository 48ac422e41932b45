/**
 * The three `/query-stream` body formats (protocol spec §2.3–2.5), as pure text producers; the
 * response sink (query-response.ts) queues the pieces for writing (output-queue.ts).
 *   A delimited: metadata line, one JSON array per row, `\n` after each; tombstones dropped.
 *   B JSON: `[` metadata `,` row ... `]`, no newlines at all.
 *   C StreamedRow: `[{"header":...},\n{"row":...},\n...{"finalMessage":"..."}]` (push) or
 *     `[{"header":...},\n{"row":...}]` (pull).
 */
import { writeJsonValue } from '../../codec/json-write.js';
import type { ErrorEntity } from '../responses.js';
import type { EndReason } from '../../engine/sink.js';
import { MediaType } from '../negotiate.js';

export interface QueryHeader {
  readonly queryId: string;
  readonly columnNames: readonly string[];
  readonly columnTypes: readonly string[];
  /** ksqlDB's schema text for format C (key columns marked only for pull queries). */
  readonly schema: string;
}

export interface OutputFormat {
  /** Tells formats apart whose rows are written differently (responses may share encodings). */
  readonly name: string;
  readonly contentType: string;
  header(h: QueryHeader): string;
  /** The text for one row (its JSON array already written), or undefined to send nothing. */
  row(rowJson: string, tombstone: boolean): string | undefined;
  end(reason: EndReason): string | undefined;
  error(e: ErrorEntity): string;
}

/** The column part of the metadata, written once per plan (headers reuse their column arrays). */
const columnsJson = new WeakMap<readonly string[], string>();

function metadata(h: QueryHeader): string {
  let columns = columnsJson.get(h.columnNames);
  if (columns === undefined) {
    columns = writeJsonValue({ columnNames: h.columnNames, columnTypes: h.columnTypes }).slice(1);
    columnsJson.set(h.columnNames, columns);
  }
  return `{"queryId":${writeJsonValue(h.queryId)},${columns}`;
}

export const delimitedFormat: OutputFormat = {
  name: 'delimited',
  contentType: MediaType.DELIMITED,
  header: (h) => `${metadata(h)}\n`,
  row: (json, tombstone) => (tombstone ? undefined : `${json}\n`),
  end: () => undefined,
  error: (e) => `${writeJsonValue(e)}\n`,
};

export const jsonArrayFormat: OutputFormat = {
  name: 'json',
  contentType: MediaType.JSON,
  header: (h) => `[${metadata(h)}`,
  row: (json, tombstone) => (tombstone ? undefined : `,${json}`),
  end: () => ']',
  error: (e) => `,${writeJsonValue(e)}]`,
};

/**
 * Push queries end every element with `,\n` so that a line-splitting client (the Java client)
 * sees the header at once; pull queries put `,\n` before each later element and close with `]`,
 * which gives the same bytes as ksqlDB's one-element buffer.
 */
const streamedRow = (e: object): string => writeJsonValue(e);
const rowElement = (json: string, tombstone: boolean): string =>
  `{"row":{"columns":${json}${tombstone ? ',"tombstone":true' : ''}}}`;

export const streamedRowPushFormat: OutputFormat = {
  name: 'streamed-push',
  contentType: MediaType.KSQL_V1_JSON,
  header: (h) => `[${streamedRow({ header: { queryId: h.queryId, schema: h.schema } })},\n`,
  row: (json, tombstone) => `${rowElement(json, tombstone)},\n`,
  end: (reason) => `{"finalMessage":"${reason === 'limit' ? 'Limit Reached' : 'Query Completed'}"}]`,
  error: (e) => `${streamedRow({ errorMessage: e })},\n]`,
};

export const streamedRowPullFormat: OutputFormat = {
  name: 'streamed-pull',
  contentType: MediaType.KSQL_V1_JSON,
  header: (h) => `[${streamedRow({ header: { queryId: h.queryId, schema: h.schema } })}`,
  row: (json, tombstone) => `,\n${rowElement(json, tombstone)}`,
  end: () => ']',
  error: (e) => `,\n${streamedRow({ errorMessage: e })},\n]`,
};

/** A scalable push query ends with a bare `]` unless its LIMIT was reached (spec §2.5). */
export const streamedRowScalableFormat: OutputFormat = {
  ...streamedRowPushFormat,
  end: (reason) => (reason === 'limit' ? '{"finalMessage":"Limit Reached"}]' : ']'),
};

export type QueryKind = 'push' | 'scalable' | 'pull';

export function outputFormatFor(mediaType: string | null, kind: QueryKind): OutputFormat {
  if (mediaType === MediaType.JSON) return jsonArrayFormat;
  if (mediaType === MediaType.KSQL_V1_JSON) {
    return kind === 'pull' ? streamedRowPullFormat : kind === 'scalable' ? streamedRowScalableFormat : streamedRowPushFormat;
  }
  return delimitedFormat;
}
