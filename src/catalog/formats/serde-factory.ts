/** Builds the key and value serdes of a source from its formats and schema. */
import type { DataSource, FormatInfo } from '../source.js';
import type { Column } from '../schema.js';
import { delimitedSerde } from './delimited-format.js';
import type { Serde } from './format.js';
import { jsonSerde } from './json-format.js';
import { kafkaSerde } from './kafka-format.js';

const noneSerde: Serde = { deserialize: () => [], serialize: () => null };

export function createSerde(info: FormatInfo, columns: readonly Column[], role: 'key' | 'value'): Serde {
  if (columns.length === 0) return noneSerde;
  switch (info.format) {
    case 'JSON': {
      // Keys are unwrapped unless several columns form them; values wrap unless told otherwise.
      const wrapped = columns.length > 1 || (role === 'value' && info.wrapSingleValue !== false);
      return jsonSerde(columns, wrapped);
    }
    case 'KAFKA':
      return kafkaSerde(columns);
    case 'DELIMITED':
      return delimitedSerde(columns, info.delimiter);
    case 'NONE':
      return noneSerde;
  }
}

export interface SourceSerdes {
  readonly key: Serde;
  readonly value: Serde;
}

const cache = new WeakMap<DataSource, SourceSerdes>();

/** Serdes are compiled once per source. */
export function serdesOf(source: DataSource): SourceSerdes {
  let s = cache.get(source);
  if (!s) {
    s = {
      key: createSerde(source.keyFormat, source.schema.key, 'key'),
      value: createSerde(source.valueFormat, source.schema.value, 'value'),
    };
    cache.set(source, s);
  }
  return s;
}
