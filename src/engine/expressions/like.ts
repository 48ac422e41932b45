/**
 * LIKE with `%` (any run) and `_` (one character) and an optional ESCAPE character; the match is
 * case-sensitive and covers the whole value. A constant pattern compiles to one RegExp.
 */
import type * as ast from '../../sql/ast.js';
import { BOOLEAN, typeToString } from '../../sql/types.js';
import { semanticError } from './compile-errors.js';
import type { Compiled } from './compiled.js';
import { constantValue } from './evaluation-error.js';

export type CompileFn = (expr: ast.Expression) => Compiled;

export function likeRegExp(pattern: string, escape?: string): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (escape !== undefined && ch === escape && i + 1 < pattern.length) {
      re += escapeRegExp(pattern[++i]!);
    } else if (ch === '%') re += '[\\s\\S]*';
    else if (ch === '_') re += '[\\s\\S]';
    else re += escapeRegExp(ch);
  }
  return new RegExp(`^${re}$`, 'u');
}

function escapeRegExp(ch: string): string {
  return ch.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
}

export function compileLike(expr: ast.Like, compile: CompileFn): Compiled {
  const value = compile(expr.value);
  const pattern = compile(expr.pattern);
  for (const [c, e] of [[value, expr.value], [pattern, expr.pattern]] as const) {
    if (c.type !== null && c.type.kind !== 'STRING') throw semanticError(e.loc, `LIKE operands must be of type STRING, not ${typeToString(c.type)}`);
  }
  const negated = expr.negated;
  const fixed = pattern.constant ? (constantValue(pattern) as string | null) : undefined;
  const fixedRe = typeof fixed === 'string' ? likeRegExp(fixed, expr.escape) : undefined;
  return {
    type: BOOLEAN,
    eval: (row) => {
      const v = value.eval(row);
      if (v === null || v === undefined) return null;
      let re = fixedRe;
      if (!re) {
        const p = pattern.eval(row);
        if (p === null || p === undefined) return null;
        re = likeRegExp(p as string, expr.escape);
      }
      return re.test(v as string) !== negated;
    },
  };
}
