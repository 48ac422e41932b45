/**
 * The error catalog: every failure a client can see carries ksqlDB's HTTP status, `error_code`
 * and message (protocol spec §0.2; codes are status × 100 + n as in ksqlDB's Errors class).
 * Layers below protocol throw these; the protocol layer turns them into bodies.
 */

export const ErrorCode = {
  BAD_REQUEST: 40000,
  BAD_STATEMENT: 40001,
  QUERY_ENDPOINT: 40002,
  MAX_PUSH_QUERIES_EXCEEDED: 40003,
  HTTP2_ONLY: 40004,
  UNAUTHORIZED: 40100,
  FORBIDDEN: 40300,
  NOT_FOUND: 40400,
  TOO_MANY_REQUESTS: 42900,
  SERVER_ERROR: 50000,
  /** Not in ksqlDB's catalog: a connection past --max-connections (status × 100, as the others). */
  SERVICE_UNAVAILABLE: 50300,
  SERVER_SHUTTING_DOWN: 50303,
} as const;

/** A failure with a ksqlDB error code. `status` defaults to the code's hundreds. */
export class KsqlError extends Error {
  readonly errorCode: number;
  readonly status: number;

  constructor(errorCode: number, message: string, status?: number) {
    super(message);
    this.name = 'KsqlError';
    this.errorCode = errorCode;
    this.status = status ?? Math.floor(errorCode / 100);
  }
}

/**
 * A failure tied to one statement (`statement_error` on the wire). `statementText` is filled in
 * by whoever knows the statement, usually the endpoint.
 */
export class KsqlStatementError extends KsqlError {
  statementText: string | undefined;

  constructor(message: string, statementText?: string, errorCode: number = ErrorCode.BAD_STATEMENT, status?: number) {
    super(errorCode, message, status);
    this.name = 'KsqlStatementError';
    this.statementText = statementText;
  }
}

/** A SQL syntax or semantic error located in the text: ksqlDB's `line L:C: <message>`. */
export class SqlError extends KsqlStatementError {
  readonly line: number;
  readonly column: number;
  readonly detail: string;

  constructor(line: number, column: number, detail: string, statementText?: string) {
    super(`line ${line}:${column}: ${detail}`, statementText);
    this.name = 'SqlError';
    this.line = line;
    this.column = column;
    this.detail = detail;
  }
}

export function badRequest(message: string): KsqlError {
  return new KsqlError(ErrorCode.BAD_REQUEST, message);
}

/** `A`, `A and B`, `A, B and C`: how ksqlDB's messages list names (`or` for alternatives). */
export function wordList(items: readonly string[], conjunction: 'and' | 'or' = 'and'): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}
