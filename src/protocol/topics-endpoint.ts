/**
 * The topic API, in the style of the Kafka REST Proxy v2 (see ../shared/conformance/README.md):
 * create, produce, read back and delete raw records, with keys and values as logical values
 * serialized in the format of a source over the topic.
 */
import { encodeLogical, decodeLogical, type Side } from '../catalog/formats/logical-values.js';
import type { DataSource } from '../catalog/source.js';
import { parseJsonLossless } from '../codec/json-parse.js';
import { writeJsonValue } from '../codec/json-write.js';
import type { Engine } from '../engine/engine.js';
import { badRequest, ErrorCode, KsqlError } from '../errors.js';
import type { ProducerRecord, StoredRecord, TopicLog } from '../store/topic-log.js';
import { TopicExistsError } from '../store/topic-log.js';
import type { Exchange } from '../transport/exchange.js';
import { decodeUtf8, readBody } from './request-body.js';
import { sendBody, sendJson } from './responses.js';
import { validateBody, type TopicRecordArg } from './schemas.js';

const JSON_TYPE = 'application/json';
const READ_LIMIT = 100_000;

function topicNotFound(name: string): KsqlError {
  return new KsqlError(ErrorCode.NOT_FOUND, `Topic not found: ${name}`, 404);
}

async function readJson(exchange: Exchange): Promise<unknown> {
  const text = decodeUtf8(await readBody(exchange));
  if (text.trim() === '') return {};
  try {
    return parseJsonLossless(text);
  } catch (err) {
    throw badRequest(`Invalid JSON in request: ${(err as Error).message}`);
  }
}

export async function handleCreateTopic(exchange: Exchange, engine: Engine, name: string): Promise<void> {
  const args = validateBody('topicCreate', await readJson(exchange));
  const partitions = args.partitions ?? 1;
  try {
    await engine.store.create(name, { partitions });
  } catch (err) {
    if (err instanceof TopicExistsError) throw new KsqlError(40900, `Topic already exists: ${name}`, 409);
    throw err;
  }
  sendJson(exchange, 201, { name, partitions });
}

export async function handleDeleteTopic(exchange: Exchange, engine: Engine, name: string): Promise<void> {
  if (!(await engine.store.delete(name))) throw topicNotFound(name);
  sendBody(exchange, 204, '');
}

export function handleListTopics(exchange: Exchange, engine: Engine): void {
  sendJson(exchange, 200, engine.store.list().map((t) => t.name));
}

function sidesOf(engine: Engine, topic: string): { key: Side; value: Side } {
  const source: DataSource | undefined = engine.catalog.sourcesOnTopic(topic)[0];
  return {
    key: { format: source?.keyFormat, columns: source?.schema.key ?? [] },
    value: { format: source?.valueFormat, columns: source?.schema.value ?? [] },
  };
}

export async function handleProduce(exchange: Exchange, engine: Engine, name: string): Promise<void> {
  const topic = engine.store.get(name);
  const body = await readJson(exchange);
  if (!topic) throw topicNotFound(name);
  const args = validateBody('topicProduce', body);
  const sides = sidesOf(engine, name);
  const records = args.records.map((r) => toProducerRecord(r, sides, topic));
  const positions = await topic.appendBatch(records);
  sendBody(exchange, 200, writeJsonValue({ offsets: positions }), JSON_TYPE);
}

function toProducerRecord(r: TopicRecordArg, sides: { key: Side; value: Side }, topic: TopicLog): ProducerRecord {
  if (r.partition !== undefined && r.partition >= topic.partitions) {
    throw badRequest(`Invalid partition ${r.partition}: topic ${topic.name} has ${topic.partitions} partitions`);
  }
  return {
    key: encodeLogical(sides.key, r.key),
    value: encodeLogical(sides.value, r.value),
    ...(r.timestamp !== undefined ? { timestamp: Number(r.timestamp) } : {}),
    ...(r.partition !== undefined ? { partition: Number(r.partition) } : {}),
    headers: (r.headers ?? []).map((h) => ({ key: h.key, value: h.value === null ? null : Buffer.from(h.value, 'base64') })),
  };
}

export async function handleReadRecords(exchange: Exchange, engine: Engine, name: string): Promise<void> {
  const topic = engine.store.get(name);
  if (!topic) throw topicNotFound(name);
  const sides = sidesOf(engine, name);
  const records = await allRecords(topic);
  const parts = records.map((r) => recordJson(r, sides));
  sendBody(exchange, 200, `[${parts.join(',')}]`, JSON_TYPE);
}

/** Every record kept, in append order across partitions. */
async function allRecords(topic: TopicLog): Promise<StoredRecord[]> {
  const cursor = topic.cursor({ from: 'earliest' });
  const ends = topic.endOffsets();
  const out: StoredRecord[] = [];
  const total = ends.reduce((a, e, p) => a + e - topic.startOffsets()[p]!, 0);
  while (out.length < Math.min(total, READ_LIMIT)) {
    const batch = await cursor.poll(1000);
    if (batch.length === 0) break;
    out.push(...batch);
  }
  cursor.close();
  return out;
}

function recordJson(r: StoredRecord, sides: { key: Side; value: Side }): string {
  const headers = r.headers.map((h) => ({ key: h.key, value: h.value === null ? null : Buffer.from(h.value).toString('base64') }));
  return (
    `{"key":${decodeLogical(sides.key, r.key)},"value":${decodeLogical(sides.value, r.value)}` +
    `,"timestamp":${r.timestamp},"partition":${r.partition},"offset":${r.offset},"headers":${writeJsonValue(headers)}}`
  );
}
