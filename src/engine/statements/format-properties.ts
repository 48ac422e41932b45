/**
 * The key and value formats of a source from its WITH clause (ksqlDB's CreateSourceProperties and
 * SerdeFeaturesFactory): FORMAT sets both and excludes KEY_FORMAT / VALUE_FORMAT; missing ones
 * come from the sink's source (CSAS) or the session defaults `ksql.persistence.default.format.*`;
 * delimiters, WRAP_SINGLE_VALUE and the column types are checked against what each format can do,
 * with ksqlDB's messages.
 */
import { FORMAT_NAMES, type FormatName } from '../../catalog/formats/format.js';
import type { Column } from '../../catalog/schema.js';
import type { FormatInfo } from '../../catalog/source.js';
import { KsqlStatementError } from '../../errors.js';
import type { WithProperties } from '../../sql/ast.js';
import { typeToString, type SqlType } from '../../sql/types.js';
import { booleanProperty, stringProperty } from './with-properties.js';

export interface Formats {
  readonly key: FormatInfo;
  readonly value: FormatInfo;
}

export function formatName(text: string | undefined): FormatName | undefined {
  if (text === undefined) return undefined;
  const upper = text.toUpperCase();
  if (!(FORMAT_NAMES as readonly string[]).includes(upper)) throw new KsqlStatementError(`Unknown format: ${upper}`);
  return upper as FormatName;
}

export function resolveFormats(
  props: WithProperties,
  session: ReadonlyMap<string, string>,
  keyColumns: readonly Column[],
  valueColumns: readonly Column[],
  inherited?: Formats,
): Formats {
  const both = formatName(stringProperty(props, 'FORMAT'));
  for (const which of ['KEY', 'VALUE'] as const) {
    if (both && props.has(`${which}_FORMAT`)) {
      throw new KsqlStatementError(
        `Cannot supply both '${which}_FORMAT' and 'FORMAT' properties, as 'FORMAT' sets both key and value formats. Either use just 'FORMAT', or use 'KEY_FORMAT' and 'VALUE_FORMAT'.`,
      );
    }
  }
  const value = formatName(stringProperty(props, 'VALUE_FORMAT')) ?? both ?? inherited?.value.format ?? formatName(session.get('ksql.persistence.default.format.value'));
  if (value === undefined) {
    throw new KsqlStatementError(
      "Statement is missing the 'VALUE_FORMAT' property from the WITH clause. Either provide one or set a default via the 'ksql.persistence.default.format.value' config.",
    );
  }
  const key = keyFormatOf(props, both, value, keyColumns, session, inherited);
  const keyInfo = sideInfo(key, props, 'KEY', keyColumns, inherited?.key);
  const valueInfo = withDefaultWrapping(sideInfo(value, props, 'VALUE', valueColumns, inherited?.value), valueColumns, session);
  checkColumns(keyInfo.format, keyColumns, 'Key');
  checkColumns(valueInfo.format, valueColumns, 'Value');
  return { key: keyInfo, value: valueInfo };
}

/**
 * A CREATE ... AS SELECT whose result has no key columns gets the NONE key format (naming one is
 * an error); one that gains a key over a NONE-keyed source takes its value format for the key.
 */
function keyFormatOf(
  props: WithProperties,
  both: FormatName | undefined,
  value: FormatName,
  keyColumns: readonly Column[],
  session: ReadonlyMap<string, string>,
  inherited: Formats | undefined,
): FormatName {
  const explicit = formatName(stringProperty(props, 'KEY_FORMAT')) ?? both;
  if (inherited && keyColumns.length === 0) {
    if (explicit !== undefined && explicit !== 'NONE' && stringProperty(props, 'KEY_FORMAT') !== undefined) throw new KsqlStatementError('Key format specified for stream without key columns.');
    return 'NONE';
  }
  if (explicit) return explicit;
  if (inherited?.key.format === 'NONE' && keyColumns.length > 0) return value === 'NONE' ? 'KAFKA' : value;
  return inherited?.key.format ?? formatName(session.get('ksql.persistence.default.format.key')) ?? 'KAFKA';
}

function sideInfo(format: FormatName, props: WithProperties, side: 'KEY' | 'VALUE', columns: readonly Column[], inherited?: FormatInfo): FormatInfo {
  const delimiterText = stringProperty(props, `${side}_DELIMITER`);
  if (delimiterText !== undefined && format !== 'DELIMITED') {
    throw new KsqlStatementError(`${format} does not support the following configs: [delimiter]`);
  }
  const delimiter = delimiterText !== undefined ? delimiterOf(delimiterText, side) : inherited?.format === format ? inherited.delimiter : undefined;
  const wrap = side === 'VALUE' ? wrapSingleValue(format, props, columns) : undefined;
  return { format, ...(wrap !== undefined ? { wrapSingleValue: wrap } : {}), ...(delimiter !== undefined ? { delimiter } : {}) };
}

/** `ksql.persistence.wrap.single.values` sets the wrapping of single-column JSON values not set in WITH. */
function withDefaultWrapping(info: FormatInfo, columns: readonly Column[], session: ReadonlyMap<string, string>): FormatInfo {
  const configured = session.get('ksql.persistence.wrap.single.values');
  if (info.wrapSingleValue !== undefined || configured === undefined || columns.length !== 1 || info.format !== 'JSON') return info;
  return { ...info, wrapSingleValue: configured.toLowerCase() !== 'false' };
}

function wrapSingleValue(format: FormatName, props: WithProperties, columns: readonly Column[]): boolean | undefined {
  const wrap = booleanProperty(props, 'WRAP_SINGLE_VALUE');
  if (wrap === undefined) return undefined;
  if (columns.length !== 1) throw new KsqlStatementError("'WRAP_SINGLE_VALUE' is only valid for single-field value schemas");
  if (wrap && (format === 'KAFKA' || format === 'DELIMITED' || format === 'NONE')) {
    throw new KsqlStatementError(`Format '${format}' does not support 'WRAP_SINGLE_VALUE' set to 'true'.`);
  }
  return wrap;
}

/** VALUE_DELIMITER / KEY_DELIMITER: one character, or the words TAB and SPACE. */
function delimiterOf(text: string, side: 'KEY' | 'VALUE'): string {
  const prefix = `Failed to prepare statement: Configuration ${side}_DELIMITER is invalid: `;
  const example = "\nExample valid value: ';'";
  if (text.trim() === '') {
    throw new KsqlStatementError(
      `${prefix}Delimiter cannot be empty, if you meant to have a tab or space for delimiter, please use the special values 'TAB' or 'SPACE'${example}`,
    );
  }
  if (text.toUpperCase() === 'TAB') return '\t';
  if (text.toUpperCase() === 'SPACE') return ' ';
  if ([...text].length !== 1) {
    throw new KsqlStatementError(`${prefix}Invalid delimiter value: '${text}'. Delimiter must be a single character or TAB,SPACE${example}`);
  }
  return text;
}

const KAFKA_TYPES = new Set(['INTEGER', 'BIGINT', 'DOUBLE', 'STRING', 'BYTES']);

/** Why the format cannot hold a column of this type (the reason ksqlDB's serde factory gives), if it cannot. */
function unsupportedType(format: FormatName, column: Column): string | undefined {
  const kind = column.type.kind;
  if (format === 'KAFKA' && !KAFKA_TYPES.has(kind)) return `The 'KAFKA' format does not support type '${kind}'`;
  if (format === 'DELIMITED' && (kind === 'ARRAY' || kind === 'MAP' || kind === 'STRUCT')) {
    return `The 'DELIMITED' format does not support type '${kind}', column: \`${column.name}\``;
  }
  // A JSON object's keys are strings; ksqlDB's JSON serde refuses any other key type, however deep.
  if (format === 'JSON' && hasNonStringMapKey(column.type)) return 'JSON only supports MAP types with STRING keys';
  return undefined;
}

function hasNonStringMapKey(type: SqlType): boolean {
  if (type.kind === 'MAP') return type.key.kind !== 'STRING' || hasNonStringMapKey(type.value);
  if (type.kind === 'ARRAY') return hasNonStringMapKey(type.element);
  if (type.kind === 'STRUCT') return type.fields.some((f) => hasNonStringMapKey(f.type));
  return false;
}

/**
 * A format that cannot hold the columns of a key or value: ksqlDB finds out while building the
 * serde, so a CREATE ... AS SELECT quotes its rewritten statement after the message.
 */
export class SchemaNotSupportedError extends KsqlStatementError {}

function checkColumns(format: FormatName, columns: readonly Column[], side: 'Key' | 'Value'): void {
  // A column as ksqlDB's PersistenceSchema prints it: key columns say so.
  const list = `[${columns.map((c) => `\`${c.name}\` ${typeToString(c.type)}${side === 'Key' ? ' KEY' : ''}`).join(', ')}]`;
  if (format === 'NONE' && columns.length > 0) {
    throw new KsqlStatementError(`The 'NONE' format can only be used when no columns are defined. Got: ${list}`);
  }
  if (side === 'Key') checkMapKeys(columns);
  // The KAFKA serde checks the column count before the column's type.
  const reason =
    format === 'KAFKA' && columns.length > 1
      ? `The 'KAFKA' format only supports a single field. Got: ${list}`
      : columns.map((c) => unsupportedType(format, c)).find((r) => r !== undefined);
  if (reason) {
    throw new SchemaNotSupportedError(`${side} format does not support schema.\nformat: ${format}\nschema: Persistence{columns=${list}, features=[]}\nreason: ${reason}`);
  }
}

function containsMap(type: SqlType): boolean {
  if (type.kind === 'MAP') return true;
  if (type.kind === 'ARRAY') return containsMap(type.element);
  if (type.kind === 'STRUCT') return type.fields.some((f) => containsMap(f.type));
  return false;
}

/** ksqlDB refuses map-typed keys: their serialized order is not stable (ksql issue 6621). */
function checkMapKeys(columns: readonly Column[]): void {
  for (const c of columns) {
    if (containsMap(c.type)) {
      throw new KsqlStatementError(
        `Map keys, including types that contain maps, are not supported as they may lead to unexpected behavior due to inconsistent serialization. Key column name: \`${c.name}\`. Column type: ${typeToString(c.type)}. See https://github.com/confluentinc/ksql/issues/6621 for more.`,
      );
    }
  }
}
