/**
 * Struct field access (`s->f`) and subscripts: arrays are 1-based, a negative index counts from
 * the end, anything out of range is NULL (ksqlDB's ArrayAccess); maps are looked up by key.
 */
import type * as ast from '../../sql/ast.js';
import { INTEGER, typeToString } from '../../sql/types.js';
import { semanticError } from './compile-errors.js';
import type { Compiled } from './compiled.js';
import { converter, numericRank } from './numeric.js';
import { sqlEquals } from './sql-equality.js';

export type CompileFn = (expr: ast.Expression) => Compiled;

export function compileDeref(expr: ast.StructDeref, compile: CompileFn): Compiled {
  const base = compile(expr.base);
  if (base.type === null || base.type.kind !== 'STRUCT') {
    throw semanticError(expr.loc, `Expected STRUCT type, got ${base.type ? typeToString(base.type) : 'null'}`);
  }
  const field = base.type.fields.find((f) => f.name === expr.field) ?? base.type.fields.find((f) => f.name.toUpperCase() === expr.field.toUpperCase());
  if (!field) throw semanticError(expr.loc, `Could not find field '${expr.field}' in '${typeToString(base.type)}'.`);
  const name = field.name;
  const e = base.eval;
  return {
    type: field.type,
    eval: (row) => {
      const s = e(row) as Record<string, unknown> | null | undefined;
      return s === null || s === undefined ? null : (s[name] ?? null);
    },
  };
}

export function compileSubscript(expr: ast.Subscript, compile: CompileFn): Compiled {
  const base = compile(expr.base);
  const index = compile(expr.index);
  const b = base.eval;
  if (base.type?.kind === 'ARRAY') {
    if (index.type !== null && index.type.kind !== 'INTEGER' && index.type.kind !== 'BIGINT') {
      throw semanticError(expr.index.loc, `Array index must be an INTEGER, not ${typeToString(index.type)}`);
    }
    const toInt = index.type ? converter(index.type, INTEGER) : (v: unknown) => v;
    const i = index.eval;
    return {
      type: base.type.element,
      eval: (row) => {
        const arr = b(row) as unknown[] | null | undefined;
        const raw = i(row);
        if (arr === null || arr === undefined || raw === null || raw === undefined) return null;
        const n = Number(toInt(raw));
        const at = n > 0 ? n - 1 : arr.length + n;
        return n === 0 || at < 0 || at >= arr.length ? null : (arr[at] ?? null);
      },
    };
  }
  if (base.type?.kind === 'MAP') {
    const keyType = base.type.key;
    const conv = index.type && numericRank(index.type) !== undefined && numericRank(keyType) !== undefined ? converter(index.type, keyType) : (v: unknown) => v;
    const i = index.eval;
    return {
      type: base.type.value,
      eval: (row) => {
        const m = b(row) as Map<unknown, unknown> | null | undefined;
        const k = i(row);
        if (m === null || m === undefined || k === null || k === undefined) return null;
        const key = conv(k);
        if (m.has(key)) return m.get(key) ?? null;
        for (const [mk, mv] of m) if (sqlEquals(mk, key)) return mv ?? null;
        return null;
      },
    };
  }
  throw semanticError(expr.loc, `Subscripts apply to ARRAY and MAP values, not ${base.type ? typeToString(base.type) : 'null'}`);
}
