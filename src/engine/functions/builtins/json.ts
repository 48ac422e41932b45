/**
 * JSON functions (ksqlDB reference: "Scalar functions › JSON"), following ksqlDB's udf/json
 * classes. Text is read as Jackson reads it for them and trees are written back as Jackson writes
 * them (collections/json-tree.ts); TO_JSON_STRING writes SQL values (collections/to-json.ts).
 * Text that is not JSON gives NULL (false for IS_JSON_STRING and JSON_ARRAY_CONTAINS).
 */
import { Decimal } from '../../../sql/decimal.js';
import { STRING, type SqlType } from '../../../sql/types.js';
import type { FunctionRegistry, OverloadDef, ReturnTypeContext } from '../function-registry.js';
import { jsonPathSteps, JsonReader, readJsonTree, writeJsonTree, type JsonNode } from './collections/json-tree.js';
import { toJsonWriter } from './collections/to-json.js';

export function registerJson(r: FunctionRegistry): void {
  registerExtractJsonField(r);
  registerJsonInspection(r);
  registerJsonArrayContains(r);
  registerToJsonString(r);
}

/** The parsed text, or undefined when it is blank or not JSON. */
function tryRead(text: string): JsonNode | undefined {
  try {
    return readJsonTree(text);
  } catch {
    return undefined;
  }
}

/** JsonNode.toString(): compact, decimals as BigDecimal.toString(). */
function nodeText(node: JsonNode): string {
  return writeJsonTree(node, 'java');
}

/** A step into an object by name or into an array by index (JsonExtractString). */
function step(node: JsonNode, token: string): JsonNode | undefined {
  if (node.kind === 'array') {
    // Integer.parseInt: an optional sign and decimal digits within int range.
    if (!/^[+-]?\d+$/.test(token)) return undefined;
    const i = Number(token);
    return Number.isInteger(i) && i >= 0 && i < node.items.length ? node.items[i] : undefined;
  }
  return node.kind === 'object' ? node.fields.get(token) : undefined;
}

function registerExtractJsonField(r: FunctionRegistry): void {
  let cachedPath: string | undefined;
  let cachedSteps: string[] = [];
  r.register({
    name: 'EXTRACTJSONFIELD',
    category: 'JSON',
    description: 'The value at a JSONPath (`$.a.b[0]`, `$["a b"]`) of a JSON string: the text of a string, the JSON of anything else; NULL if absent.',
    overloads: [
      {
        params: ['STRING', 'STRING'],
        returns: 'STRING',
        impl: (json: string, path: string) => {
          if (path !== cachedPath) {
            cachedSteps = jsonPathSteps(path);
            cachedPath = path;
          }
          const root = readJsonTree(json);
          if (root === undefined) return null;
          let node: JsonNode | undefined = root;
          for (const token of cachedSteps) {
            node = step(node, token);
            if (node === undefined) return null;
          }
          return node.kind === 'string' ? node.value : nodeText(node);
        },
      },
    ],
  });
}

/** IS_JSON_STRING, JSON_ARRAY_LENGTH, JSON_CONCAT, JSON_ITEMS, JSON_KEYS, JSON_RECORDS. */
function registerJsonInspection(r: FunctionRegistry): void {
  r.register({
    name: 'IS_JSON_STRING',
    category: 'JSON',
    description: 'Whether the string parses as a JSON value.',
    overloads: [
      {
        params: ['STRING'],
        returns: 'BOOLEAN',
        nulls: 'call',
        impl: (s: string | null) => s !== null && s !== undefined && tryRead(s) !== undefined,
      },
    ],
  });
  r.register({
    name: 'JSON_ARRAY_LENGTH',
    category: 'JSON',
    description: 'The number of elements of the top-level JSON array; NULL if the string is not a JSON array.',
    overloads: [
      {
        params: ['STRING'],
        returns: 'INTEGER',
        impl: (s: string) => {
          const node = tryRead(s);
          return node?.kind === 'array' ? node.items.length : null;
        },
      },
    ],
  });
  r.register({
    name: 'JSON_KEYS',
    category: 'JSON',
    description: 'The top-level keys of a JSON object; NULL if the string is not a JSON object.',
    overloads: [
      {
        params: ['STRING'],
        returns: 'ARRAY<STRING>',
        impl: (s: string) => {
          const node = tryRead(s);
          return node?.kind === 'object' ? [...node.fields.keys()] : null;
        },
      },
    ],
  });
  r.register({
    name: 'JSON_RECORDS',
    category: 'JSON',
    description: 'The top-level entries of a JSON object as a map: string values as their text, other values as JSON.',
    overloads: [
      {
        params: ['STRING'],
        returns: 'MAP<STRING, STRING>',
        impl: (s: string) => {
          const node = tryRead(s);
          if (node?.kind !== 'object') return null;
          const out = new Map<string, string>();
          for (const [k, v] of node.fields) out.set(k, v.kind === 'string' ? v.value : nodeText(v));
          return out;
        },
      },
    ],
  });
  r.register({
    name: 'JSON_ITEMS',
    category: 'JSON',
    description: 'The elements of a JSON array of objects, each as JSON text; NULL if any element is not an object.',
    overloads: [
      {
        params: ['STRING'],
        returns: 'ARRAY<STRING>',
        impl: (s: string) => {
          const node = tryRead(s);
          if (node?.kind !== 'array') return null;
          const out: string[] = [];
          for (const item of node.items) {
            if (item.kind !== 'object') return null;
            out.push(nodeText(item));
          }
          return out;
        },
      },
    ],
  });
  r.register({
    name: 'JSON_CONCAT',
    category: 'JSON',
    description: "Merges JSON values as PostgreSQL's || does: objects key by key (last wins), otherwise as arrays; NULL if any input is NULL or not JSON.",
    overloads: [
      {
        params: ['STRING...'],
        returns: 'STRING',
        nulls: 'call',
        impl: (...texts: (string | null)[]) => {
          const nodes: JsonNode[] = [];
          for (const t of texts) {
            if (t === null || t === undefined) return null;
            const node = readJsonTree(t);
            if (node === undefined) return null;
            nodes.push(node);
          }
          if (nodes.length === 0) return null;
          if (nodes.every((n) => n.kind === 'object')) {
            const fields = new Map<string, JsonNode>();
            for (const n of nodes) for (const [k, v] of (n as JsonNode & { kind: 'object' }).fields) fields.set(k, v);
            return writeJsonTree({ kind: 'object', fields }, 'plain');
          }
          const items = nodes.flatMap((n) => (n.kind === 'array' ? n.items : [n]));
          return writeJsonTree({ kind: 'array', items }, 'plain');
        },
      },
    ],
  });
}

/**
 * JSON_ARRAY_CONTAINS reads the array element by element and stops at the first match; only
 * values of the searched type match: a JSON integer an INTEGER or BIGINT of the same value (a
 * JSON integer beyond the searched type's range ends the search with false), a JSON fraction a
 * DOUBLE, a JSON string a STRING, true/false a BOOLEAN, null a NULL. Anything else (a DECIMAL,
 * an object or an array) is never found. Text that is not an array, or not JSON, gives false.
 */
type Match = (node: JsonNode, value: unknown) => boolean | 'stop';

function intMatch(bits: 32 | 64): Match {
  const min = -(2n ** BigInt(bits - 1));
  const max = 2n ** BigInt(bits - 1) - 1n;
  return (node, value) => {
    if (node.kind !== 'integer') return false;
    if (node.value < min || node.value > max) return 'stop';
    return node.value === BigInt(value as number | bigint);
  };
}

const MATCHERS: readonly [string, Match][] = [
  ['INTEGER', intMatch(32)],
  ['BIGINT', intMatch(64)],
  ['DOUBLE', (node, value) => node.kind === 'decimal' && Object.is(Number(node.value.toString()), value)],
  ['STRING', (node, value) => node.kind === 'string' && node.value === value],
  ['BOOLEAN', (node, value) => node.kind === 'boolean' && node.value === value],
  ['ANY', () => false],
];

function arrayContains(json: string, value: unknown, match: Match): boolean {
  try {
    const elements = new JsonReader(json).arrayElements();
    if (!elements) return false;
    for (const node of elements) {
      if (value === null || value === undefined) {
        if (node.kind === 'null') return true;
        continue;
      }
      const m = match(node, value);
      if (m === 'stop') return false;
      if (m) return true;
    }
    return false;
  } catch {
    return false;
  }
}

function registerJsonArrayContains(r: FunctionRegistry): void {
  r.register({
    name: 'JSON_ARRAY_CONTAINS',
    category: 'JSON',
    description: 'Whether a JSON array string contains the value; false if the string is not a JSON array.',
    overloads: MATCHERS.map(([type, match]) => ({
      params: ['STRING', type],
      returns: 'BOOLEAN',
      nulls: 'call' as const,
      // A NULL array string fails inside ksqlDB's parser factory, which makes the result NULL.
      impl: (json: string | null, value: unknown) => (json === null || json === undefined ? null : arrayContains(json, value, match)),
    })),
  });
}

/**
 * TO_JSON_STRING needs the argument's SQL type (an INTEGER 1 and a DOUBLE 1.0 are both the
 * number 1 at run time), so its writer is built per call site from the argument type.
 */
function toJsonStringOverload(): OverloadDef {
  return {
    params: ['ANY'],
    nulls: 'call',
    returns: 'STRING',
    impl: (v: unknown) => inferredJson(v),
    bind: ({ args }: ReturnTypeContext) => {
      const type = args[0];
      if (!type) return () => 'null';
      const write = toJsonWriter(type);
      return (v: unknown) => write(v);
    },
  };
}

/** The JSON of a value whose type is unknown: whole numbers as integers. */
function inferredJson(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'number') return toJsonWriter(Number.isInteger(v) ? { kind: 'INTEGER' } : { kind: 'DOUBLE' })(v);
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'string') return toJsonWriter(STRING)(v);
  if (v instanceof Decimal) return v.toString();
  if (v instanceof Uint8Array) return toJsonWriter({ kind: 'BYTES' })(v);
  if (Array.isArray(v)) return '[' + v.map(inferredJson).join(',') + ']';
  const entries = v instanceof Map ? [...v].map(([k, x]) => [String(k), x] as const) : Object.entries(v as object);
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return '{' + entries.map(([k, x]) => `${toJsonWriter(STRING)(k)}:${inferredJson(x)}`).join(',') + '}';
}

function registerToJsonString(r: FunctionRegistry): void {
  r.register({
    name: 'TO_JSON_STRING',
    category: 'JSON',
    description: 'The value as JSON text (NULL as `null`; struct fields and map keys in sorted order).',
    overloads: [toJsonStringOverload()],
  });
}
