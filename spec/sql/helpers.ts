/**
 * Helpers for the table-driven SQL specs: compare an AST with a fragment of it (keys that the
 * fragment leaves out, such as `loc` and `text`, are not compared), and catch parse errors.
 */
import { expect } from 'chai';
import { KsqlStatementError, SqlError } from '../../src/errors.js';
import type * as ast from '../../src/sql/ast.js';
import { parseSingle, VariableScope } from '../../src/sql/parse.js';

/** A plain-data view of a value: Maps become objects, so fragments can be written as literals. */
function plain(v: unknown): unknown {
  if (v instanceof Map) return Object.fromEntries([...v].map(([k, x]) => [k, plain(x)]));
  if (Array.isArray(v)) return v.map(plain);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)]));
  return v;
}

/** Every key of `fragment` must be in `actual` with a matching value; arrays match element by element. */
export function expectFragment(actual: unknown, fragment: unknown, path = '$'): void {
  const a = plain(actual);
  if (Array.isArray(fragment)) {
    expect(a, path).to.be.an('array').with.length(fragment.length);
    fragment.forEach((f, i) => expectFragment((a as unknown[])[i], f, `${path}[${i}]`));
  } else if (fragment && typeof fragment === 'object') {
    expect(a, path).to.be.an('object');
    for (const [k, f] of Object.entries(fragment)) {
      expect(a, `${path} has ${k}`).to.have.property(k);
      expectFragment((a as Record<string, unknown>)[k], f, `${path}.${k}`);
    }
  } else {
    expect(a, path).to.equal(fragment);
  }
}

/** Fragments of the AST, written briefly. */
export const col = (name: string, source?: string): object => (source ? { kind: 'ColumnRef', source, name } : { kind: 'ColumnRef', name });
export const int = (text: string): object => ({ kind: 'Literal', value: { type: 'INTEGER_TEXT', text } });
export const dec = (text: string): object => ({ kind: 'Literal', value: { type: 'DECIMAL_TEXT', text } });
export const dbl = (text: string): object => ({ kind: 'Literal', value: { type: 'DOUBLE_TEXT', text } });
export const str = (value: string): object => ({ kind: 'Literal', value: { type: 'STRING', value } });
export const bool = (value: boolean): object => ({ kind: 'Literal', value: { type: 'BOOLEAN', value } });
export const nul = (): object => ({ kind: 'Literal', value: { type: 'NULL' } });
export const bin = (op: string, left: object, right: object): object => ({ kind: 'Binary', op, left, right });
export const cmp = (op: string, left: object, right: object): object => ({ kind: 'Comparison', op, left, right });
export const and = (left: object, right: object): object => ({ kind: 'Logical', op: 'AND', left, right });
export const or = (left: object, right: object): object => ({ kind: 'Logical', op: 'OR', left, right });
export const call = (name: string, ...args: object[]): object => ({ kind: 'FunctionCall', name, args, star: false, distinct: false });
export const sql = (kind: string): object => ({ kind: 'sql', type: { kind } });

export function parse(text: string, variables?: Record<string, string>, caseSensitive = false): ast.Statement {
  return parseSingle(text, variables ? VariableScope.from(variables, caseSensitive) : undefined);
}

/** The first select item's expression of a `SELECT <expr> FROM s;`. */
export function expression(text: string): ast.Expression {
  const q = parse(`SELECT ${text} FROM s;`) as ast.Query;
  const item = q.select[0]!;
  if (item.kind !== 'Expr') throw new Error('not an expression item');
  return item.expr;
}

/** The error a parse fails with; fails the spec if it does not fail, or fails with something else. */
export function parseError(text: string, variables?: Record<string, string>, caseSensitive = false): KsqlStatementError {
  try {
    parse(text, variables, caseSensitive);
  } catch (e) {
    expect(e, String(e)).to.be.instanceOf(KsqlStatementError);
    expect((e as KsqlStatementError).errorCode).to.equal(40001);
    return e as KsqlStatementError;
  }
  throw new Error(`expected ${JSON.stringify(text)} to fail`);
}

export { SqlError };
