/**
 * The topic API, in the style of the Kafka REST Proxy v2 (see ../shared/conformance/README.md):
 * create, produce, read back and delete raw records, with keys and values as logical values
 * serialized in the format of a source over the topic. A topic under a windowed source
 * (WINDOW_TYPE, or a windowed aggregation's sink) has windowed keys: a record's
 * `"window": {"start", "end", "type": "time" | "session"}` is written into the key bytes as
 * Kafka Streams lays it out, and read back from them.
 */
import { encodeLogical, decodeLogical, type Side } from '../catalog/formats/logical-values.js';
import type { DataSource } from '../catalog/source.js';
import { SerdeError } from '../catalog/formats/format.js';
import { decodeWindowedKey, encodeWindowedKey, type WindowBounds, type WindowType } from '../catalog/formats/windowed-key.js';
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

interface TopicSides {
  readonly key: Side;
  readonly value: Side;
  /** Set when a windowed source reads the topic: its keys carry windows. */
  readonly window?: { readonly type: WindowType; readonly size?: number };
}

/** The formats of a source over the topic; a windowed one first, as its keys need the window. */
function sidesOf(engine: Engine, topic: string): TopicSides {
  const sources = engine.catalog.sourcesOnTopic(topic);
  const source: DataSource | undefined = sources.find((s) => s.windowType !== undefined) ?? sources[0];
  return {
    key: { format: source?.keyFormat, columns: source?.schema.key ?? [] },
    value: { format: source?.valueFormat, columns: source?.schema.value ?? [] },
    ...(source?.windowType ? { window: { type: source.windowType, size: source.windowSize } } : {}),
  };
}

export async function handleProduce(exchange: Exchange, engine: Engine, name: string): Promise<void> {
  const topic = engine.store.get(name);
  const body = await readJson(exchange);
  if (!topic) throw topicNotFound(name);
  const args = validateBody('topicProduce', body);
  const sides = sidesOf(engine, name);
  const records = args.records.map((r, i) => toProducerRecord(r, i, sides, topic));
  const positions = await topic.appendBatch(records);
  sendBody(exchange, 200, writeJsonValue({ offsets: positions }), JSON_TYPE);
}

function toProducerRecord(r: TopicRecordArg, index: number, sides: TopicSides, topic: TopicLog): ProducerRecord {
  if (r.partition !== undefined && r.partition >= topic.partitions) {
    throw badRequest(`Invalid partition ${r.partition}: topic ${topic.name} has ${topic.partitions} partitions`);
  }
  return {
    key: windowedKey(encodeLogical(sides.key, r.key), recordWindow(r, index), sides, topic.name),
    value: encodeLogical(sides.value, r.value),
    ...(r.timestamp !== undefined ? { timestamp: Number(r.timestamp) } : {}),
    ...(r.partition !== undefined ? { partition: Number(r.partition) } : {}),
    headers: (r.headers ?? []).map((h) => ({ key: h.key, value: h.value === null ? null : Buffer.from(h.value, 'base64') })),
  };
}

interface RecordWindow extends WindowBounds {
  readonly type: 'time' | 'session';
}

/** The record's `window`, checked: whole-millisecond bounds and a `time` or `session` type. */
function recordWindow(r: TopicRecordArg, index: number): RecordWindow | undefined {
  const w = (r as { window?: unknown }).window;
  if (w === undefined || w === null) return undefined;
  const field = (key: string): unknown => (typeof w === 'object' && Object.hasOwn(w, key) ? (w as Record<string, unknown>)[key] : undefined);
  const start = field('start');
  const end = field('end');
  const type = field('type');
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || (type !== 'time' && type !== 'session')) {
    throw badRequest(
      `Invalid window in records[${index}]: expected {"start": ms, "end": ms, "type": "time" | "session"}`,
    );
  }
  return { start: start as number, end: end as number, type };
}

/**
 * The key bytes with the record's window in them. The layout is the windowed source's; with no
 * windowed source over the topic, the record's own type picks it. A windowed source's records
 * must carry a window, as Kafka's windowed serializers cannot write a key without one.
 */
function windowedKey(key: Uint8Array | null, window: RecordWindow | undefined, sides: TopicSides, topic: string): Uint8Array | null {
  if (window === undefined) {
    if (sides.window) throw badRequest(`Records of topic ${topic} need a window: its keys are ${sides.window.type} windowed`);
    return key;
  }
  const type: WindowType = sides.window?.type ?? (window.type === 'session' ? 'SESSION' : 'TUMBLING');
  return encodeWindowedKey(key, window, type);
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

function recordJson(r: StoredRecord, sides: TopicSides): string {
  const headers = r.headers.map((h) => ({ key: h.key, value: h.value === null ? null : Buffer.from(h.value).toString('base64') }));
  const { key, window } = splitKey(r.key, sides);
  return (
    `{"key":${decodeLogical(sides.key, key)},"value":${decodeLogical(sides.value, r.value)}` +
    `,"timestamp":${r.timestamp},"partition":${r.partition},"offset":${r.offset},"headers":${writeJsonValue(headers)}` +
    (window ? `,"window":${writeJsonValue(window)}` : '') +
    '}'
  );
}

/**
 * The key without its window, and the window as the topic API shows it (`time` for tumbling and
 * hopping windows, `session` for sessions). Keys that do not hold a window are shown whole.
 */
function splitKey(bytes: Uint8Array | null, sides: TopicSides): { key: Uint8Array | null; window?: RecordWindow } {
  if (bytes === null || !sides.window) return { key: bytes };
  try {
    const { key, window } = decodeWindowedKey(bytes, sides.window.type, sides.window.size);
    return { key, window: { start: window.start, end: window.end, type: sides.window.type === 'SESSION' ? 'session' : 'time' } };
  } catch (err) {
    if (err instanceof SerdeError) return { key: bytes };
    throw err;
  }
}
