/**
 * CST → TypeRef (SqlTypeParser): `INT` and `VARCHAR` are aliases, `VARCHAR(10)`'s parameters are
 * ignored, `INT ARRAY` is `ARRAY<INT>`, and any other name is a custom type (CREATE TYPE), which
 * may also sit inside ARRAY, MAP and STRUCT.
 */
import type { CstNode } from 'chevrotain';
import type { TypeExpr, TypeRef } from './ast.js';
import { identifierText, node, nodes, only, tokens, type BuildContext } from './cst.js';
import { integerNumber } from './visit-literals.js';
import { array, decimal, map, primitive, struct, typeToString, type PrimitiveKind, type SqlType } from './types.js';

const PRIMITIVES: Readonly<Record<string, PrimitiveKind>> = {
  BOOLEAN: 'BOOLEAN',
  INT: 'INTEGER',
  INTEGER: 'INTEGER',
  BIGINT: 'BIGINT',
  DOUBLE: 'DOUBLE',
  STRING: 'STRING',
  VARCHAR: 'STRING',
  BYTES: 'BYTES',
  DATE: 'DATE',
  TIME: 'TIME',
  TIMESTAMP: 'TIMESTAMP',
};

export function typeRef(n: CstNode, ctx: BuildContext): TypeRef {
  const t = typeExpr(n, ctx);
  if (t.kind === 'sql' || t.kind === 'custom') return t;
  const resolved = toSqlType(t);
  return resolved ? { kind: 'sql', type: resolved } : { kind: 'custom', name: printType(t), tree: t };
}

function typeExpr(n: CstNode, ctx: BuildContext): TypeExpr {
  let t = baseTypeExpr(only(n), ctx);
  for (let i = tokens(n, 'ARRAY').length; i > 0; i--) t = wrap({ kind: 'ARRAY', element: t });
  return t;
}

function baseTypeExpr(n: CstNode, ctx: BuildContext): TypeExpr {
  switch (n.name) {
    case 'arrayType':
      return wrap({ kind: 'ARRAY', element: typeExpr(node(n, 'type')!, ctx) });
    case 'mapType':
      return wrap({ kind: 'MAP', key: typeExpr(node(n, 'key')!, ctx), value: typeExpr(node(n, 'value')!, ctx) });
    case 'structType': {
      const names = nodes(n, 'identifier');
      const types = nodes(n, 'type');
      const fields = names.map((f, i) => ({ name: identifierText(f), type: typeExpr(types[i]!, ctx) }));
      checkFieldNames(fields, ctx);
      return wrap({ kind: 'STRUCT', fields });
    }
    case 'decimalType':
      return { kind: 'sql', type: decimalType(n, ctx) };
    default:
      return named(identifierText(node(n, 'identifier')!));
  }
}

function named(name: string): TypeExpr {
  const kind = PRIMITIVES[name.toUpperCase()];
  return kind ? { kind: 'sql', type: primitive(kind) } : { kind: 'custom', name };
}

/** SqlDecimal's own checks, reported the way AstBuilder's failures are. */
function decimalType(n: CstNode, ctx: BuildContext): SqlType {
  const precision = integerNumber(node(n, 'precision')!, 'DECIMAL(PRECISION)', ctx);
  const scale = integerNumber(node(n, 'scale')!, 'DECIMAL(SCALE)', ctx);
  const shown = `DECIMAL(${precision},${scale})`;
  if (precision < 1) throw ctx.prepareError(`DECIMAL precision must be >= 1: ${shown}`);
  if (scale < 0) throw ctx.prepareError(`DECIMAL scale must be >= 0: ${shown}`);
  if (precision < scale) throw ctx.prepareError(`DECIMAL precision must be >= scale: ${shown}`);
  return decimal(precision, scale);
}

/** SqlStruct.Builder refuses a field name given twice (names are case-sensitive). */
function checkFieldNames(fields: readonly { name: string; type: TypeExpr }[], ctx: BuildContext): void {
  const seen = new Map<string, TypeExpr>();
  for (const f of fields) {
    const first = seen.get(f.name);
    if (first) {
      const show = (t: TypeExpr): string => `\`${f.name}\` ${printType(t)}`;
      throw ctx.prepareError(`Duplicate field names found in STRUCT: '${show(first)}' and '${show(f.type)}'`);
    }
    seen.set(f.name, f.type);
  }
}

/** Collapses a composite whose parts are all plain SQL types into one SQL type. */
function wrap(t: TypeExpr): TypeExpr {
  const resolved = toSqlType(t);
  return resolved ? { kind: 'sql', type: resolved } : t;
}

function toSqlType(t: TypeExpr): SqlType | undefined {
  switch (t.kind) {
    case 'sql':
      return t.type;
    case 'custom':
      return undefined;
    case 'ARRAY': {
      const e = toSqlType(t.element);
      return e && array(e);
    }
    case 'MAP': {
      const k = toSqlType(t.key);
      const v = toSqlType(t.value);
      return k && v && map(k, v);
    }
    case 'STRUCT': {
      const fields = t.fields.map((f) => ({ name: f.name, type: toSqlType(f.type) }));
      return fields.every((f) => f.type) ? struct(fields as { name: string; type: SqlType }[]) : undefined;
    }
  }
}

/** Like typeToString, with custom names as written: ``STRUCT<`ADDRESS` ADDRESS>``. */
function printType(t: TypeExpr): string {
  switch (t.kind) {
    case 'sql':
      return typeToString(t.type);
    case 'custom':
      return t.name;
    case 'ARRAY':
      return `ARRAY<${printType(t.element)}>`;
    case 'MAP':
      return `MAP<${printType(t.key)}, ${printType(t.value)}>`;
    case 'STRUCT':
      return `STRUCT<${t.fields.map((f) => `\`${f.name}\` ${printType(f.type)}`).join(', ')}>`;
  }
}
