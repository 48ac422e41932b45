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
      return Buffer.from(values.map((v, i) => writeField(fieldText(v, columns[i]!), delimiter, i === 0)).join(delimiter), 'utf8');
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
 * A field as Commons CSV 1.4 (the version ksqlDB's DELIMITED serializer uses) writes it with
 * QuoteMode.MINIMAL. Quoted: a field that contains the delimiter, a quote or a line break, starts
 * with a character up to `#` or ends with one up to a space; the first field of the line also
 * when it is empty or starts with anything but an ASCII letter or digit. So `-1.5` is written bare
 * after the first field (ksqlDB's QTT "DOUBLE literal min/max") and quoted as the first. A NULL
 * (undefined here) is an empty field, never quoted.
 */
function writeField(text: string | undefined, delimiter: string, first: boolean): string {
  if (text === undefined) return '';
  return needsQuotes(text, delimiter, first) ? `"${text.replace(/"/g, '""')}"` : text;
}

function needsQuotes(text: string, delimiter: string, first: boolean): boolean {
  if (text === '') return first;
  if (first && !/^[0-9A-Za-z]/.test(text)) return true;
  if (text.charCodeAt(0) <= 0x23) return true; // '#'
  if (text.includes(delimiter) || /["\r\n]/.test(text)) return true;
  return text.charCodeAt(text.length - 1) <= 0x20;
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
