/**
 * CST → expressions, following ksqlDB's AstBuilder: binary operators are located at their
 * operator, `NOT x BETWEEN` / `NOT IN` / `NOT LIKE` / `IS NOT ...` become negated predicates, a
 * qualifier (`s.col`, `s.*`) must name a source of the statement, `x AT TIME ZONE 'z'` is refused
 * the way AstBuilder refuses it, and `DECIMAL '1.5'` is the only type-prefixed literal it knows
 * (we add `X'0A1B'` for BYTES).
 */
import type { CstNode, IToken } from 'chevrotain';
import type * as ast from './ast.js';
import {
  identifierText,
  node,
  nodes,
  only,
  onlyToken,
  startOffset,
  token,
  tokens,
  type BuildContext,
} from './cst.js';
import { formatExpression } from './format-expression.js';
import { unquote } from './source-text.js';
import { literalValue } from './visit-literals.js';
import { typeRef } from './visit-types.js';

type BinaryOp = ast.ArithmeticOp;
type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** AND binds tighter than OR. */
const LOGICAL_OPS: Readonly<Record<string, number>> = { OR: 1, AND: 2 };
/** `||` binds loosest, then `+ -`, then `* / %` (SqlBase.g4's valueExpression). */
const VALUE_OPS: Readonly<Record<string, number>> = { CONCAT: 1, PLUS: 2, MINUS: 2, ASTERISK: 3, SLASH: 3, PERCENT: 3 };

const UNITS: Readonly<Record<string, ast.IntervalUnit['unit']>> = {
  DAY: 'DAYS',
  DAYS: 'DAYS',
  HOUR: 'HOURS',
  HOURS: 'HOURS',
  MINUTE: 'MINUTES',
  MINUTES: 'MINUTES',
  SECOND: 'SECONDS',
  SECONDS: 'SECONDS',
  MILLISECOND: 'MILLISECONDS',
  MILLISECONDS: 'MILLISECONDS',
};

/** The unit of a `windowUnit` node, as the TimeUnit name ksqlDB normalises it to. */
export function timeUnit(n: CstNode): ast.IntervalUnit['unit'] {
  const t = onlyToken(n);
  return UNITS[t.tokenType.name]!;
}

export class ExpressionBuilder {
  constructor(
    private readonly ctx: BuildContext,
    /** Names and aliases of the statement's sources, for qualified references. */
    private readonly sources: ReadonlySet<string>,
  ) {}

  expression(n: CstNode): ast.Expression {
    switch (n.name) {
      case 'expression':
        return this.operators(n, 'notExpression', LOGICAL_OPS);
      case 'notExpression':
        return this.not(n);
      case 'predicated':
        return this.predicated(n);
      case 'valueExpression':
        return this.operators(n, 'unaryExpression', VALUE_OPS);
      case 'unaryExpression':
        return this.unary(n);
      case 'primaryExpression':
        return this.postfix(n);
      default:
        throw new Error(`unexpected expression node ${n.name}`);
    }
  }

  private loc(n: CstNode | IToken): ast.Location {
    return this.ctx.at(n);
  }

  /**
   * `a op b op c ...` as the parser reads it (one flat loop), folded by precedence, each operator
   * left-associative and located at its token, as AstBuilder locates binary expressions.
   */
  private operators(n: CstNode, operand: string, precedence: Readonly<Record<string, number>>): ast.Expression {
    const parts = nodes(n, operand);
    if (parts.length === 1) return this.expression(parts[0]!);
    const ops = Object.keys(precedence)
      .flatMap((k) => tokens(n, k))
      .sort((a, b) => a.startOffset - b.startOffset);
    const out: ast.Expression[] = [this.expression(parts[0]!)];
    const pending: IToken[] = [];
    const reduce = (): void => {
      const op = pending.pop()!;
      const right = out.pop()!;
      out.push(this.combine(op, out.pop()!, right));
    };
    ops.forEach((op, i) => {
      const rank = precedence[op.tokenType.name]!;
      while (pending.length > 0 && precedence[pending[pending.length - 1]!.tokenType.name]! >= rank) reduce();
      pending.push(op);
      out.push(this.expression(parts[i + 1]!));
    });
    while (pending.length > 0) reduce();
    return out[0]!;
  }

  private combine(op: IToken, left: ast.Expression, right: ast.Expression): ast.Expression {
    const loc = this.loc(op);
    const name = op.tokenType.name;
    if (name === 'AND' || name === 'OR') return { kind: 'Logical', op: name, left, right, loc };
    // `a || b` is a call of CONCAT, located at the `||` (ksqlDB's AstBuilder#visitConcatenation).
    if (name === 'CONCAT') return { kind: 'FunctionCall', name: 'CONCAT', args: [left, right], star: false, distinct: false, loc };
    return { kind: 'Binary', op: op.image as BinaryOp, left, right, loc };
  }

  private not(n: CstNode): ast.Expression {
    const not = token(n, 'NOT');
    if (!not) return this.expression(node(n, 'predicated')!);
    return { kind: 'Not', operand: this.expression(node(n, 'notExpression')!), loc: this.loc(not) };
  }

  private unary(n: CstNode): ast.Expression {
    const op = token(n, 'MINUS') ?? token(n, 'PLUS');
    if (!op) return this.expression(node(n, 'primaryExpression')!);
    return { kind: 'Unary', op: op.image as '-' | '+', operand: this.expression(node(n, 'unaryExpression')!), loc: this.loc(op) };
  }

  private predicated(n: CstNode): ast.Expression {
    const value = this.expression(node(n, 'valueExpression')!);
    const predicate = node(n, 'predicate');
    return predicate ? this.predicate(only(predicate), value) : value;
  }

  private predicate(p: CstNode, value: ast.Expression): ast.Expression {
    const negated = token(p, 'NOT') !== undefined;
    const loc = this.loc(p);
    switch (p.name) {
      case 'comparison': {
        const opToken = onlyToken(node(p, 'comparisonOperator')!);
        const op = (opToken.image === '!=' ? '<>' : opToken.image) as ast.ComparisonOp;
        const right = this.expression(node(p, 'valueExpression')!);
        return { kind: 'Comparison', op, left: value, right, loc: this.loc(opToken) };
      }
      case 'between':
        return {
          kind: 'Between',
          value,
          low: this.expression(node(p, 'lower')!),
          high: this.expression(node(p, 'upper')!),
          negated,
          loc,
        };
      case 'inList':
        return { kind: 'InList', value, list: nodes(p, 'expression').map((e) => this.expression(e)), negated, loc };
      case 'like':
        return this.like(p, value, negated);
      case 'nullPredicate':
        return { kind: 'IsNull', operand: value, negated, loc };
      default:
        return { kind: 'IsDistinct', left: value, right: this.expression(node(p, 'valueExpression')!), negated, loc };
    }
  }

  private like(p: CstNode, value: ast.Expression, negated: boolean): ast.Like {
    const pattern = this.expression(node(p, 'valueExpression')!);
    const escapeToken = token(p, 'STRING');
    const escape = escapeToken && unquote(escapeToken.image, "'");
    if (escapeToken && escape!.length !== 1) {
      throw this.ctx.prepareError(
        `Optional[${this.ctx.where(escapeToken)}]: Expected single character escape but got: ${escape}`,
      );
    }
    const like: Mutable<ast.Like> = { kind: 'Like', value, pattern, negated, loc: this.loc(p) };
    if (escape !== undefined) like.escape = escape;
    return like;
  }

  /** `base[i]` and `base->field`, applied left to right; both are located at the base. */
  private postfix(n: CstNode): ast.Expression {
    const base = node(n, 'primaryBase')!;
    if (!n.children.subscript && !n.children.dereference && !n.children.timeZoneSpecifier) return this.primary(only(base));
    // AstBuilder has no visitor for `x AT TIME ZONE 'z'`.
    if (n.children.timeZoneSpecifier) throw this.ctx.prepareError('not yet implemented');
    const loc = this.loc(base);
    const ops = [...nodes(n, 'subscript'), ...nodes(n, 'dereference')].sort((a, b) => startOffset(a) - startOffset(b));
    let e = this.primary(only(base));
    for (const op of ops) {
      e =
        op.name === 'subscript'
          ? { kind: 'Subscript', base: e, index: this.expression(node(op, 'valueExpression')!), loc }
          : { kind: 'StructDeref', base: e, field: identifierText(node(op, 'identifier')!), loc };
    }
    return e;
  }

  private primary(n: CstNode): ast.Expression {
    const loc = this.loc(n);
    switch (n.name) {
      case 'literal':
        return { kind: 'Literal', value: literalValue(n, this.ctx), loc };
      case 'columnReference':
        return { kind: 'ColumnRef', name: identifierText(node(n, 'identifier')!), loc };
      case 'qualifiedColumnReference':
        return { kind: 'ColumnRef', source: this.qualifier(node(n, 'source')!), name: identifierText(node(n, 'column')!), loc };
      case 'parenthesizedExpression':
        return this.expression(node(n, 'expression')!);
      case 'functionCallStar':
        return { kind: 'FunctionCall', name: functionName(n), args: [], star: true, distinct: false, loc };
      case 'functionCall':
        return this.functionCall(n, loc);
      case 'simpleCase':
      case 'searchedCase':
        return this.caseExpression(n, loc);
      case 'cast':
        return { kind: 'Cast', operand: this.expression(node(n, 'expression')!), type: typeRef(node(n, 'type')!, this.ctx), loc };
      case 'arrayConstructor':
        return { kind: 'ArrayCtor', items: nodes(n, 'expression').map((e) => this.expression(e)), loc };
      case 'mapConstructor':
        return this.mapConstructor(n, loc);
      case 'structConstructor':
        return this.structConstructor(n, loc);
      default:
        return this.typeConstructor(n, loc);
    }
  }

  /** A qualifier must be one of the statement's source names or aliases (AstBuilder). */
  qualifier(n: CstNode): string {
    const name = identifierText(n);
    if (!this.sources.has(name)) throw this.ctx.prepareError(`'${name}' is not a valid stream/table name or alias.`);
    return name;
  }

  private functionCall(n: CstNode, loc: ast.Location): ast.FunctionCall {
    const args = nodes(n, 'functionArgument').map((a) => this.argument(a));
    const lambdas = nodes(n, 'lambdaFunction').map((l) => this.lambda(l));
    const distinct = token(n, 'DISTINCT') !== undefined;
    return { kind: 'FunctionCall', name: functionName(n), args: [...args, ...lambdas], star: false, distinct, loc };
  }

  private argument(n: CstNode): ast.Expression {
    const unit = node(n, 'windowUnit');
    if (unit) return { kind: 'IntervalUnit', unit: timeUnit(unit), loc: this.loc(unit) };
    return this.expression(node(n, 'expression')!);
  }

  private lambda(n: CstNode): ast.Lambda {
    const params = nodes(n, 'identifier').map(identifierText);
    return { kind: 'Lambda', params, body: this.expression(node(n, 'expression')!), loc: this.loc(n) };
  }

  private caseExpression(n: CstNode, loc: ast.Location): ast.Case {
    // Built in source order so the first invalid part is the one reported.
    const operandNode = node(n, 'valueExpression');
    const operand = operandNode ? this.expression(operandNode) : undefined;
    const whens = nodes(n, 'whenClause').map((w) => ({
      when: this.expression(node(w, 'condition')!),
      then: this.expression(node(w, 'result')!),
    }));
    const otherwise = node(n, 'else');
    const result: Mutable<ast.Case> = { kind: 'Case', whens, loc };
    if (operand) result.operand = operand;
    if (otherwise) result.else = this.expression(otherwise);
    return result;
  }

  /** Duplicate keys fail as they do in AstBuilder's ImmutableMap.Builder. */
  private mapConstructor(n: CstNode, loc: ast.Location): ast.MapCtor {
    const values = nodes(n, 'value');
    const entries = nodes(n, 'key').map((k, i) => ({ key: this.expression(k), value: this.expression(values[i]!) }));
    const seen = new Map<string, ast.Expression>();
    for (const e of entries) {
      const key = formatExpression(e.key);
      const first = seen.get(key);
      if (first) {
        const values = `${key}=${formatExpression(first)} and ${key}=${formatExpression(e.value)}`;
        throw this.ctx.prepareError(`Multiple entries with same key: ${values}`);
      }
      seen.set(key, e.value);
    }
    return { kind: 'MapCtor', entries, loc };
  }

  private structConstructor(n: CstNode, loc: ast.Location): ast.StructCtor {
    const values = nodes(n, 'expression');
    const fields = nodes(n, 'identifier').map((f, i) => ({ name: identifierText(f), value: this.expression(values[i]!) }));
    return { kind: 'StructCtor', fields, loc };
  }

  private typeConstructor(n: CstNode, loc: ast.Location): ast.Literal {
    const type = identifierText(node(n, 'identifier')!);
    const text = unquote(token(n, 'STRING')!.image, "'");
    if (type === 'DECIMAL' && /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) {
      return { kind: 'Literal', value: { type: 'DECIMAL_TEXT', text }, loc };
    }
    if (type === 'X' && /^([0-9A-Fa-f]{2})*$/.test(text)) return { kind: 'Literal', value: { type: 'BYTES_HEX', text }, loc };
    throw this.ctx.prepareError(`Unknown type: ${type}, location:Optional[${this.ctx.where(n)}]`);
  }
}

/** FunctionName.of: function names are upper-cased. */
function functionName(n: CstNode): string {
  return identifierText(node(n, 'identifier')!).toUpperCase();
}
