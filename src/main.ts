/**
 * streamgate: a ksqlDB-compatible query-stream gateway. Runs as this one process, so signals,
 * PIDs and memory figures are the gateway's own.
 */
import './v8-flags.js';
import { readFileSync } from 'node:fs';
import { parseConfig, USAGE } from './config.js';
import { startRowGenerator } from './demo/row-generator.js';
import { startGateway } from './gateway.js';

const SHUTDOWN_GRACE_MS = 5000;

// A closed stdout (the parent went away) must not turn a log line into a crash.
process.stdout.on('error', () => undefined);

async function main(): Promise<void> {
  const config = parseConfig(process.argv.slice(2), process.env);
  if (config === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const tls = config.tlsCert && config.tlsKey ? { cert: readFileSync(config.tlsCert), key: readFileSync(config.tlsKey) } : undefined;
  const gateway = await startGateway({
    host: config.host,
    port: config.port,
    tls,
    retention: { maxRecords: config.retentionRecords, maxBytes: config.retentionBytes },
    maxBodyBytes: config.maxBodyBytes,
    maxInsertLineBytes: config.maxInsertLineBytes,
    output: config.output,
    auth: config.auth,
    maxConnections: config.connections.maxConnections,
    maxConcurrentStreams: config.connections.maxStreamsPerConnection,
    h2PingIntervalMs: config.connections.h2PingIntervalMs,
    h2PingTimeoutMs: config.connections.h2PingTimeoutMs,
    idleTimeoutMs: config.connections.idleTimeoutMs,
    engine: {
      defaultOffsetReset: config.defaultOffsetReset,
      maxPushQueries: config.maxPushQueries,
      scalablePushQueries: config.scalablePushQueries,
      pullQueries: config.pullQueries,
    },
  });
  if (config.queriesFile) await gateway.engine.executeKsql(readFileSync(config.queriesFile, 'utf8'));
  const stopGenerator = config.generate ? startRowGenerator(gateway.engine, config.generate, config.generateRate) : undefined;
  process.stdout.write(`streamgate listening on ${gateway.url}\n`);
  const shutdown = (signal: string): void => {
    process.stdout.write(`${signal}: shutting down\n`);
    stopGenerator?.();
    setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS).unref();
    gateway.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

main().catch((err: unknown) => {
  process.stderr.write(`streamgate: ${(err as Error).message}\n`);
  process.exit(1);
});
