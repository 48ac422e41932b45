/**
 * DELIMITED: one line of fields separated by a delimiter (default `,`), in column order, with
 * CSV-style double-quoting. Empty fields are null.
 */
import { coerce, CoercionError } from '../coerce.js';
import { Decimal } from '../../sql/decimal.js';
import { formatJavaDouble } from '../../codec/java-double.js';
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
      return Buffer.from(values.map((v, i) => writeField(fieldText(v, columns[i]!), delimiter)).join(delimiter), 'utf8');
    },
  };
}

function readField(text: string, column: Column): unknown {
  if (text === '') return null;
  const kind = column.type.kind;
  // Temporal values travel as numbers: epoch ms (TIMESTAMP), epoch days (DATE), ms of day (TIME).
  if ((kind === 'TIMESTAMP' || kind === 'DATE' || kind === 'TIME') && /^-?\d+$/.test(text.trim())) return Number(text.trim());
  try {
    return coerce(column.type.kind === 'STRING' ? text : text.trim(), column.type, 'lenient');
  } catch (err) {
    if (err instanceof CoercionError) throw new SerdeError(`Column ${column.name}: ${err.message}`);
    throw err;
  }
}

/**
 * A field as Commons CSV writes it with QuoteMode.MINIMAL (ksqlDB's DELIMITED serializer): quoted
 * when it starts with anything but a letter or digit, contains the delimiter, a quote or a line
 * break, or ends with white space.
 */
function writeField(text: string | undefined, delimiter: string): string {
  if (text === undefined) return '';
  const needsQuotes =
    text === '' ||
    !/^[0-9A-Za-z]/.test(text) ||
    text.includes(delimiter) ||
    /["\r\n]/.test(text) ||
    /\s$/.test(text);
  return needsQuotes ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A value's text by its column type: Java's double text, plain decimals, epoch numbers for temporal types, Base64 bytes. */
function fieldText(v: unknown, column: Column): string | undefined {
  if (v === null || v === undefined) return undefined;
  switch (column.type.kind) {
    case 'DOUBLE':
      return formatJavaDouble(v as number);
    case 'BYTES':
      return Buffer.from(v as Uint8Array).toString('base64');
    case 'DECIMAL':
      return v instanceof Decimal ? v.toString() : String(v);
    default:
      return String(v);
  }
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
