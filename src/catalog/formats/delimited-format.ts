/**
 * DELIMITED: one line of fields separated by a delimiter (default `,`), in column order, with
 * CSV-style double-quoting. Empty fields are null.
 */
import { coerce, CoercionError } from '../coerce.js';
import type { Column } from '../schema.js';
import { decodeText, SerdeError, type Serde } from './format.js';

export function delimitedSerde(columns: readonly Column[], delimiter = ','): Serde {
  return {
    deserialize(bytes) {
      if (bytes === null) return null;
      const fields = splitFields(decodeText(bytes), delimiter);
      if (fields.length !== columns.length) {
        throw new SerdeError(`Unexpected field count, csvFields:${fields.length} schemaFields:${columns.length}`);
      }
      return columns.map((c, i) => readField(fields[i]!, c));
    },
    serialize(values) {
      if (values === null) return null;
      return Buffer.from(values.map((v) => writeField(v, delimiter)).join(delimiter), 'utf8');
    },
  };
}

function readField(text: string, column: Column): unknown {
  if (text === '') return null;
  try {
    return coerce(column.type.kind === 'STRING' ? text : text.trim(), column.type, 'lenient');
  } catch (err) {
    if (err instanceof CoercionError) throw new SerdeError(`Column ${column.name}: ${err.message}`);
    throw err;
  }
}

function writeField(v: unknown, delimiter: string): string {
  if (v === null || v === undefined) return '';
  const text = String(v);
  return text.includes(delimiter) || text.includes('"') || text.includes('\n') ? `"${text.replace(/"/g, '""')}"` : text;
}

function splitFields(line: string, delimiter: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (line.startsWith(delimiter, i)) {
      out.push(field);
      field = '';
      i += delimiter.length - 1;
    } else field += ch;
  }
  out.push(field);
  return out;
}
