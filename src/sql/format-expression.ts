/**
 * Expressions printed back as ksqlDB's ExpressionFormatter prints them in messages:
 * `(5.0 / null)`, `ARRAY[1, 2, 3]`, `MAP(1:='cat')`, `STRUCT(F0:=VAL1)`, `(A = 1)`.
 */
import type * as ast from './ast.js';
import { KEYWORD_NAMES, NON_RESERVED } from './tokens.js';
import { typeToString } from './types.js';

/**
 * A name as ksqlDB prints it (IdentifierUtil.needsQuotes): back-quoted unless it would read back
 * as the same identifier, i.e. a plain upper-case word that is not a reserved keyword (`LT` is
 * fine, `SELECT` is not).
 */
export function quoteIfNeeded(name: string): string {
  return /^[A-Z_][A-Z0-9_@]*$/.test(name) && !RESERVED_KEYWORDS.has(name) ? name : `\`${name.replace(/`/g, '``')}\``;
}

const RESERVED_KEYWORDS: ReadonlySet<string> = new Set(KEYWORD_NAMES.filter((k) => !NON_RESERVED.has(k)));

/** A literal as ksqlDB prints it (Literal#toString): `null`, `true`, `'it''s'`, `X'0A'`, `1.50`. */
export function literalText(v: ast.LiteralValue): string {
  switch (v.type) {
    case 'NULL':
      return 'null';
    case 'BOOLEAN':
      return String(v.value);
    case 'STRING':
      return `'${v.value.replace(/'/g, "''")}'`;
    case 'BYTES_HEX':
      return `X'${v.text}'`;
    default:
      return v.text;
  }
}

export function formatExpression(e: ast.Expression): string {
  const f = formatExpression;
  switch (e.kind) {
    case 'Literal':
      return literalText(e.value);
    case 'ColumnRef':
      return e.source ? `${quoteIfNeeded(e.source)}.${quoteIfNeeded(e.name)}` : quoteIfNeeded(e.name);
    case 'StructDeref':
      return `${f(e.base)}->${e.field === '*' ? '*' : quoteIfNeeded(e.field)}`;
    case 'Subscript':
      return `${f(e.base)}[${f(e.index)}]`;
    case 'Unary':
      return `${e.op}${f(e.operand)}`;
    case 'Binary':
    case 'Comparison':
      return `(${f(e.left)} ${e.op} ${f(e.right)})`;
    case 'Logical':
      return `(${f(e.left)} ${e.op} ${f(e.right)})`;
    case 'Not':
      return `(NOT ${f(e.operand)})`;
    case 'IsNull':
      return `(${f(e.operand)} IS ${e.negated ? 'NOT ' : ''}NULL)`;
    case 'IsDistinct':
      return `(${f(e.left)} IS ${e.negated ? 'NOT ' : ''}DISTINCT FROM ${f(e.right)})`;
    case 'Like':
      return `(${f(e.value)} ${e.negated ? 'NOT ' : ''}LIKE ${f(e.pattern)}${e.escape ? ` ESCAPE '${e.escape}'` : ''})`;
    case 'Between':
      return `(${f(e.value)} ${e.negated ? 'NOT ' : ''}BETWEEN ${f(e.low)} AND ${f(e.high)})`;
    case 'InList':
      return `(${f(e.value)} ${e.negated ? 'NOT ' : ''}IN (${e.list.map(f).join(', ')}))`;
    case 'Case':
      return formatCase(e);
    case 'Cast':
      return `CAST(${f(e.operand)} AS ${e.type.kind === 'sql' ? typeToString(e.type.type) : e.type.name})`;
    case 'FunctionCall':
      return `${e.name}(${e.star ? '*' : `${e.distinct ? 'DISTINCT ' : ''}${e.args.map(f).join(', ')}`})`;
    case 'Lambda':
      return `(${e.params.join(', ')}) => ${f(e.body)}`;
    case 'ArrayCtor':
      return `ARRAY[${e.items.map(f).join(', ')}]`;
    case 'MapCtor':
      return `MAP(${e.entries.map((x) => `${f(x.key)}:=${f(x.value)}`).join(', ')})`;
    case 'StructCtor':
      return `STRUCT(${e.fields.map((x) => `${quoteIfNeeded(x.name)}:=${f(x.value)}`).join(', ')})`;
    case 'IntervalUnit':
      return e.unit;
  }
}

function formatCase(e: ast.Case): string {
  const parts = ['(CASE'];
  if (e.operand) parts.push(formatExpression(e.operand));
  for (const w of e.whens) parts.push(`WHEN ${formatExpression(w.when)} THEN ${formatExpression(w.then)}`);
  if (e.else) parts.push(`ELSE ${formatExpression(e.else)}`);
  parts.push('END)');
  return parts.join(' ');
}
