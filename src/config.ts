/**
 * Command-line and environment configuration. Flags win over environment variables
 * (STREAMGATE_PORT, STREAMGATE_HOST, ...); `--config` reads a ksqlDB-style properties file for the
 * server defaults that ksqlDB reads from its own (e.g. ksql.streams.auto.offset.reset).
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { OffsetReset } from './engine/engine.js';
import { DEFAULT_PULL_SETTINGS, pullSettings, type PullSettings } from './planner/pull-settings.js';
import { DEFAULT_MAX_LINE_BYTES } from './protocol/inserts-stream-endpoint.js';
import { DEFAULT_MAX_BODY_BYTES } from './protocol/request-body.js';

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly queriesFile?: string;
  readonly tlsCert?: string;
  readonly tlsKey?: string;
  readonly defaultOffsetReset: OffsetReset;
  readonly maxPushQueries: number;
  readonly scalablePushQueries: boolean;
  /** ksql.query.pull.table.scan.enabled, ksql.query.pull.range.scan.enabled, ksql.query.pull.limit.clause.enabled */
  readonly pullQueries: PullSettings;
  readonly retentionRecords?: number;
  readonly retentionBytes?: number;
  readonly generate?: string;
  readonly generateRate: number;
  /** The largest request body read whole; past it 400 / 40000. */
  readonly maxBodyBytes: number;
  /** The longest line of an /inserts-stream body; a longer row gets an error ack. */
  readonly maxInsertLineBytes: number;
}

export const USAGE = `usage: node --import tsx src/main.ts [options]
  --port N              port to listen on (STREAMGATE_PORT, default 8088; 0 picks a free one)
  --host H              address to bind (STREAMGATE_HOST, default 0.0.0.0)
  --queries-file F      SQL statements run at start, like ksqlDB's ksql.queries.file (STREAMGATE_QUERIES_FILE)
  --config F            ksqlDB-style properties file (STREAMGATE_CONFIG): ksql.streams.auto.offset.reset,
                        ksql.max.push.queries, ksql.query.push.v2.enabled, ksql.queries.file,
                        ksql.query.pull.table.scan.enabled, ksql.query.pull.range.scan.enabled,
                        ksql.query.pull.limit.clause.enabled
  --tls-cert C --tls-key K   serve TLS with ALPN h2 and http/1.1 (STREAMGATE_TLS_CERT, STREAMGATE_TLS_KEY)
  --max-push-queries N  concurrent push queries before 40003 (default 50000)
  --retention-records N most records kept per topic partition (default 1000000; oldest dropped first)
  --retention-bytes N   most bytes kept per topic partition (default 268435456)
  --max-body-bytes N    largest request body read whole, e.g. a /ksql request (STREAMGATE_MAX_BODY_BYTES,
                        default 10485760); a larger one gets 400 / 40000
  --max-insert-line-bytes N  longest /inserts-stream line (STREAMGATE_MAX_INSERT_LINE_BYTES, default
                        1048576); a longer row gets an error ack that ends the stream
  --generate S          keep inserting generated rows into stream S (demo data)
  --generate-rate N     rows per second for --generate (default 2)
  --help                this text`;

/** Reads `key=value` lines; `#` and `!` start comments (java.util.Properties' simple form). */
export function readProperties(path: string): Map<string, string> {
  const props = new Map<string, string>();
  for (const raw of readFileSync(path, 'utf8').split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith('!')) continue;
    const eq = line.search(/[=:]/);
    if (eq < 0) props.set(line, '');
    else props.set(line.slice(0, eq).trim(), line.slice(eq + 1).trim());
  }
  return props;
}

function offsetReset(value: string | undefined): OffsetReset {
  const v = (value ?? 'latest').toLowerCase();
  if (v !== 'earliest' && v !== 'latest') throw new Error(`ksql.streams.auto.offset.reset must be earliest or latest, not ${value}`);
  return v;
}

function positiveInt(text: string, what: string, allowZero = false): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < (allowZero ? 0 : 1)) throw new Error(`${what} must be a ${allowZero ? 'non-negative' : 'positive'} integer, not ${text}`);
  return n;
}

function optionalInt(text: string | undefined, what: string): number | undefined {
  return text === undefined ? undefined : positiveInt(text, what);
}

export function parseConfig(argv: readonly string[], env: NodeJS.ProcessEnv): Config | 'help' {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'queries-file': { type: 'string' },
      config: { type: 'string' },
      'tls-cert': { type: 'string' },
      'tls-key': { type: 'string' },
      'max-push-queries': { type: 'string' },
      'retention-records': { type: 'string' },
      'retention-bytes': { type: 'string' },
      'max-body-bytes': { type: 'string' },
      'max-insert-line-bytes': { type: 'string' },
      generate: { type: 'string' },
      'generate-rate': { type: 'string' },
      help: { type: 'boolean' },
    },
    strict: true,
  });
  if (values.help) return 'help';
  const configFile = values.config ?? env.STREAMGATE_CONFIG;
  const props = configFile ? readProperties(configFile) : new Map<string, string>();
  const tlsCert = values['tls-cert'] ?? env.STREAMGATE_TLS_CERT;
  const tlsKey = values['tls-key'] ?? env.STREAMGATE_TLS_KEY;
  if ((tlsCert === undefined) !== (tlsKey === undefined)) throw new Error('--tls-cert and --tls-key go together');
  return {
    port: positiveInt(values.port ?? env.STREAMGATE_PORT ?? '8088', '--port', true),
    host: values.host ?? env.STREAMGATE_HOST ?? '0.0.0.0',
    queriesFile: values['queries-file'] ?? env.STREAMGATE_QUERIES_FILE ?? props.get('ksql.queries.file'),
    tlsCert,
    tlsKey,
    defaultOffsetReset: offsetReset(props.get('ksql.streams.auto.offset.reset') ?? props.get('auto.offset.reset')),
    maxPushQueries: positiveInt(values['max-push-queries'] ?? props.get('ksql.max.push.queries') ?? '50000', '--max-push-queries'),
    scalablePushQueries: props.get('ksql.query.push.v2.enabled')?.toLowerCase() === 'true',
    pullQueries: pullSettings(DEFAULT_PULL_SETTINGS, props),
    retentionRecords: optionalInt(values['retention-records'] ?? env.STREAMGATE_RETENTION_RECORDS, '--retention-records'),
    retentionBytes: optionalInt(values['retention-bytes'] ?? env.STREAMGATE_RETENTION_BYTES, '--retention-bytes'),
    generate: values.generate,
    generateRate: positiveInt(values['generate-rate'] ?? '2', '--generate-rate'),
    maxBodyBytes: positiveInt(values['max-body-bytes'] ?? env.STREAMGATE_MAX_BODY_BYTES ?? String(DEFAULT_MAX_BODY_BYTES), '--max-body-bytes'),
    maxInsertLineBytes: positiveInt(
      values['max-insert-line-bytes'] ?? env.STREAMGATE_MAX_INSERT_LINE_BYTES ?? String(DEFAULT_MAX_LINE_BYTES),
      '--max-insert-line-bytes',
    ),
  };
}
