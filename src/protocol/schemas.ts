/**
 * Request body schemas (ksqlDB's QueryStreamArgs, CloseQueryArgs, InsertsStreamArgs,
 * KsqlRequest), compiled once when this module loads. Unknown properties are allowed, as
 * ksqlDB ignores them (protocol spec §0.3). A failing body gets 400 / 40000 with a message that
 * names the field, worded like the Jackson messages ksqlDB returns.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { MAX_PARTITIONS } from '../engine/topic-view.js';
import { badRequest } from '../errors.js';

const ajv = new Ajv({ allErrors: false, allowUnionTypes: true, strict: true });

const scalarMap = {
  type: 'object',
  additionalProperties: { type: ['string', 'number', 'boolean', 'null'] },
} as const;
const anyMap = { type: 'object' } as const;

export interface QueryStreamArgs {
  sql: string;
  properties?: Record<string, unknown>;
  sessionVariables?: Record<string, unknown>;
  requestProperties?: Record<string, unknown>;
}
export interface CloseQueryArgs {
  queryId: string;
}
export interface InsertsStreamArgs {
  target: string;
  properties?: Record<string, unknown>;
}
export interface KsqlRequest {
  ksql?: string;
  streamsProperties?: Record<string, unknown>;
  sessionVariables?: Record<string, unknown>;
  requestProperties?: Record<string, unknown>;
  commandSequenceNumber?: number;
}
export interface TopicCreateArgs {
  partitions?: number;
  replicas?: number;
}
export interface TopicRecordArg {
  key?: unknown;
  value?: unknown;
  partition?: number;
  timestamp?: number;
  headers?: { key: string; value: string | null }[];
}
export interface TopicProduceArgs {
  records: TopicRecordArg[];
}

const validators = {
  queryStream: ajv.compile<QueryStreamArgs>({
    type: 'object',
    required: ['sql'],
    properties: { sql: { type: 'string' }, properties: scalarMap, sessionVariables: scalarMap, requestProperties: anyMap },
  }),
  closeQuery: ajv.compile<CloseQueryArgs>({
    type: 'object',
    required: ['queryId'],
    properties: { queryId: { type: 'string' } },
  }),
  insertsStream: ajv.compile<InsertsStreamArgs>({
    type: 'object',
    required: ['target'],
    properties: { target: { type: 'string' }, properties: scalarMap },
  }),
  ksql: ajv.compile<KsqlRequest>({
    type: 'object',
    properties: {
      ksql: { type: ['string', 'null'] },
      streamsProperties: scalarMap,
      sessionVariables: scalarMap,
      requestProperties: anyMap,
      commandSequenceNumber: { type: ['integer', 'null'] },
    },
  }),
  topicCreate: ajv.compile<TopicCreateArgs>({
    type: 'object',
    properties: { partitions: { type: 'integer', minimum: 1, maximum: MAX_PARTITIONS }, replicas: { type: 'integer' } },
  }),
  topicProduce: ajv.compile<TopicProduceArgs>({
    type: 'object',
    required: ['records'],
    properties: {
      records: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            partition: { type: 'integer', minimum: 0 },
            timestamp: { type: 'integer', minimum: 0 },
            headers: {
              type: 'array',
              items: {
                type: 'object',
                required: ['key'],
                properties: { key: { type: 'string' }, value: { type: ['string', 'null'] } },
              },
            },
          },
        },
      },
    },
  }),
};

export type BodyKind = keyof typeof validators;
type BodyOf<K extends BodyKind> = (typeof validators)[K] extends ValidateFunction<infer T> ? T : never;

/** Validates a parsed body; throws 400 / 40000 naming the offending field. */
export function validateBody<K extends BodyKind>(kind: K, body: unknown): BodyOf<K> {
  const validate = validators[kind] as ValidateFunction<BodyOf<K>>;
  if (validate(body)) return body;
  throw badRequest(`Invalid JSON in request: ${describe(validate.errors?.[0])}`);
}

function describe(error: ErrorObject | undefined): string {
  if (!error) return 'invalid request body';
  if (error.keyword === 'required') {
    const missing = (error.params as { missingProperty: string }).missingProperty;
    return `Missing required creator property '${missing}'`;
  }
  const field = error.instancePath.replace(/^\//, '').replace(/\//g, '.') || 'request body';
  if (error.keyword === 'type') {
    return `Cannot deserialize '${field}': expected ${(error.params as { type: string | string[] }).type}`;
  }
  return `'${field}' ${error.message ?? 'is invalid'}`;
}
