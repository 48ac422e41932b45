/**
 * The TIMESTAMP='col' source property: ROWTIME comes from a column instead of the record
 * (ksqlDB's TimestampExtractionPolicy). A BIGINT is epoch milliseconds, a TIMESTAMP is itself, a
 * STRING is parsed with TIMESTAMP_FORMAT (through PARSE_TIMESTAMP) or, without one, as ISO-8601.
 * Undefined means the record has no valid time.
 */
import type { DataSource } from '../catalog/source.js';
import { parseTimestamp } from '../catalog/time-parse.js';
import { builtinFunctions } from './functions/builtins/index.js';
import { compileFunctionCall } from './expressions/compile-function.js';
import { compileExpression } from './expressions/compile.js';
import type { RowScope } from './expressions/compiled.js';

export type TimestampExtractor = (row: readonly unknown[]) => number | undefined;

export function timestampExtractor(source: DataSource): TimestampExtractor | undefined {
  const name = source.timestampColumn;
  if (name === undefined) return undefined;
  const at = source.schema.indexOf(name);
  const column = source.schema.columns[at]!;
  switch (column.type.kind) {
    case 'BIGINT':
    case 'TIMESTAMP':
    case 'INTEGER':
      return (row) => {
        const v = row[at];
        return v === null || v === undefined ? undefined : Number(v);
      };
    case 'STRING':
      return source.timestampFormat ? formatted(at, source.timestampFormat) : (row) => (typeof row[at] === 'string' ? parseTimestamp(row[at] as string) : undefined);
    default:
      return undefined;
  }
}

/** PARSE_TIMESTAMP(col, format), compiled once through the function registry. */
function formatted(at: number, format: string): TimestampExtractor {
  try {
    return parseTimestampCall(at, format);
  } catch {
    // Without PARSE_TIMESTAMP, ISO-8601 text is the best reading there is.
    return (row) => (typeof row[at] === 'string' ? parseTimestamp(row[at] as string) : undefined);
  }
}

function parseTimestampCall(at: number, format: string): TimestampExtractor {
  const scope: RowScope = {
    resolve: (_s, n) => (n === 'TS' ? { type: { kind: 'STRING' }, read: (row) => row[at] } : undefined),
    describe: () => 'TS',
  };
  const call = compileFunctionCall(
    {
      kind: 'FunctionCall',
      name: 'PARSE_TIMESTAMP',
      args: [
        { kind: 'ColumnRef', name: 'TS' },
        { kind: 'Literal', value: { type: 'STRING', value: format } },
      ],
      star: false,
      distinct: false,
    },
    { scope, lookup: (n) => builtinFunctions().get(n), compile: (e, s) => compileExpression(e, { scope: s, clause: 'SELECT' }) },
  );
  return (row) => {
    const v = call.eval(row);
    return v === null || v === undefined ? undefined : Number(v);
  };
}
