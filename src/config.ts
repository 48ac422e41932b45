/**
 * Command-line and environment configuration. Flags win over environment variables
 * (STREAMGATE_PORT, STREAMGATE_HOST, ...); `--config` reads a ksqlDB-style properties file for the
 * server defaults that ksqlDB reads from its own (e.g. ksql.streams.auto.offset.reset).
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { OffsetReset } from './engine/engine.js';
import { DEFAULT_PULL_SETTINGS, pullSettings, type PullSettings } from './planner/pull-settings.js';
import type { AuthFiles } from './protocol/auth/auth-files.js';
import { DEFAULT_MAX_LINE_BYTES } from './protocol/inserts-stream-endpoint.js';
import { DEFAULT_OUTPUT_OPTIONS, type OutputOptions } from './protocol/query-stream/output-queue.js';
import { DEFAULT_MAX_BODY_BYTES } from './protocol/request-body.js';
import { DEFAULT_MAX_CONNECTIONS } from './transport/connection-limit.js';
import { DEFAULT_MAX_CONCURRENT_STREAMS } from './transport/listener.js';
import { DEFAULT_PING_INTERVAL_MS, DEFAULT_PING_TIMEOUT_MS } from './transport/session-heartbeat.js';
import { DEFAULT_IDLE_TIMEOUT_MS } from './transport/session-idle.js';

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
  /** Credential files; neither given: authentication is off. */
  readonly auth?: AuthFiles;
  readonly connections: ConnectionSettings;
  /** How query responses are written: coalescing, the per-query queue bounds, slow clients, keep-alive. */
  readonly output: OutputOptions;
}

/** Connection limits and timers handed to the listener (0 turns a limit or timer off). */
export interface ConnectionSettings {
  readonly maxConnections: number;
  readonly maxStreamsPerConnection: number;
  readonly h2PingIntervalMs: number;
  readonly h2PingTimeoutMs: number;
  readonly idleTimeoutMs: number;
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
  --auth-basic-file F   HTTP Basic users, one "user: password[,role...]" a line (Jetty's property file, as
                        ksqlDB's JAAS login reads it; password plain or MD5:<hex>) (STREAMGATE_AUTH_BASIC_FILE)
  --auth-bearer-file F  bearer tokens, one a line (STREAMGATE_AUTH_BEARER_FILE); with either file, every
                        path but /healthcheck, /chc/*, /v1/metadata[/id] needs credentials (401 / 40100)
  --auth-realm R        realm named in WWW-Authenticate (default KsqlServer-Props)
  --auth-roles R,...    a Basic user needs one of these roles, else 403 / 40300 (default: any user)
  --max-connections N   open connections at most (default 10000; 0: no limit); the next one gets 503 over
                        HTTP/1.1 or GOAWAY over HTTP/2 and is closed (over TLS: closed before the handshake)
  --max-streams-per-connection N  concurrent HTTP/2 streams per connection (default 1000)
  --h2-ping-interval-ms N  PING an HTTP/2 session quiet this long (default 30000; 0: never)
  --h2-ping-timeout-ms N   close a session whose PING is not answered in time (default 10000)
  --idle-timeout-ms N   close a connection with no open request after this long (default 300000; 0: never;
                        --config: ksql.idle.connection.timeout.seconds)
  --output-coalescing on|off  rows ready together leave in one DATA frame (default on); off: one frame per
                        row, for clients that parse each frame on its own under load (ksqldb-client npm)
  --push-queue-rows N   rows waiting for one push query's client before the query stops reading (default 100000)
  --push-queue-bytes N  bytes waiting for one push query's client likewise (default 4194304)
  --slow-client-timeout-ms N  a push query held back that long by a client reading nothing ends with an
                        error line (default 60000)
  --http1-keep-alive-ms N  a quiet HTTP/1.1 push query gets a newline after this long (default 0: never)
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
      'auth-basic-file': { type: 'string' },
      'auth-bearer-file': { type: 'string' },
      'auth-realm': { type: 'string' },
      'auth-roles': { type: 'string' },
      'max-connections': { type: 'string' },
      'max-streams-per-connection': { type: 'string' },
      'h2-ping-interval-ms': { type: 'string' },
      'h2-ping-timeout-ms': { type: 'string' },
      'idle-timeout-ms': { type: 'string' },
      'output-coalescing': { type: 'string' },
      'push-queue-rows': { type: 'string' },
      'push-queue-bytes': { type: 'string' },
      'slow-client-timeout-ms': { type: 'string' },
      'http1-keep-alive-ms': { type: 'string' },
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
    auth: authFiles(values, env),
    connections: connectionSettings(values, props),
    output: outputSettings(values),
  };
}

function outputSettings(values: Flags): OutputOptions {
  const number = (name: string, fallback: number, allowZero = false): number =>
    positiveInt(stringFlag(values[name]) ?? String(fallback), `--${name}`, allowZero);
  const coalescing = stringFlag(values['output-coalescing']) ?? 'on';
  if (coalescing !== 'on' && coalescing !== 'off') throw new Error(`--output-coalescing must be on or off, not ${coalescing}`);
  return {
    coalesce: coalescing === 'on',
    maxQueuedRows: number('push-queue-rows', DEFAULT_OUTPUT_OPTIONS.maxQueuedRows),
    maxQueuedBytes: number('push-queue-bytes', DEFAULT_OUTPUT_OPTIONS.maxQueuedBytes),
    stallTimeoutMs: number('slow-client-timeout-ms', DEFAULT_OUTPUT_OPTIONS.stallTimeoutMs),
    http1KeepAliveMs: number('http1-keep-alive-ms', DEFAULT_OUTPUT_OPTIONS.http1KeepAliveMs, true),
  };
}

type Flags = Readonly<Record<string, string | boolean | undefined>>;

function authFiles(values: Flags, env: NodeJS.ProcessEnv): AuthFiles | undefined {
  const basicFile = stringFlag(values['auth-basic-file']) ?? env.STREAMGATE_AUTH_BASIC_FILE;
  const bearerFile = stringFlag(values['auth-bearer-file']) ?? env.STREAMGATE_AUTH_BEARER_FILE;
  if (basicFile === undefined && bearerFile === undefined) return undefined;
  const roles = stringFlag(values['auth-roles'])?.split(',').map((r) => r.trim()).filter((r) => r !== '');
  return { basicFile, bearerFile, realm: stringFlag(values['auth-realm']), roles };
}

function connectionSettings(values: Flags, props: ReadonlyMap<string, string>): ConnectionSettings {
  const flag = (name: string, fallback: string): number => positiveInt(stringFlag(values[name]) ?? fallback, `--${name}`, true);
  const idleSeconds = props.get('ksql.idle.connection.timeout.seconds');
  const idleDefault = idleSeconds === undefined ? DEFAULT_IDLE_TIMEOUT_MS : positiveInt(idleSeconds, 'ksql.idle.connection.timeout.seconds', true) * 1000;
  return {
    maxConnections: flag('max-connections', String(DEFAULT_MAX_CONNECTIONS)),
    maxStreamsPerConnection: positiveInt(stringFlag(values['max-streams-per-connection']) ?? String(DEFAULT_MAX_CONCURRENT_STREAMS), '--max-streams-per-connection'),
    h2PingIntervalMs: flag('h2-ping-interval-ms', String(DEFAULT_PING_INTERVAL_MS)),
    h2PingTimeoutMs: positiveInt(stringFlag(values['h2-ping-timeout-ms']) ?? String(DEFAULT_PING_TIMEOUT_MS), '--h2-ping-timeout-ms'),
    idleTimeoutMs: flag('idle-timeout-ms', String(idleDefault)),
  };
}

function stringFlag(value: string | boolean | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
