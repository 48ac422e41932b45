/**
 * Function signatures as small type patterns, written as text once per overload:
 *   `INTEGER`, `DOUBLE`, `STRING`, ... exact types (a value of a narrower numeric type widens to
 *   them: INTEGER → BIGINT → DECIMAL → DOUBLE, as ksqlDB's UDF resolution allows);
 *   `DECIMAL` any decimal; `STRUCT` any struct; `ANY` any type;
 *   `T`, `U`, `K`, `V` generics, bound by the first argument that names them;
 *   `ARRAY<p>`, `MAP<p, p>`; `LAMBDA<p, ..., result>` a lambda argument;
 *   a trailing `...` on the last parameter makes it variadic.
 */
import { decimal, primitive, typesEqual, type PrimitiveKind, type SqlType } from '../../sql/types.js';
import { numericRank, widerNumeric } from '../expressions/numeric.js';

export type Pattern =
  | { readonly k: 'exact'; readonly type: SqlType }
  | { readonly k: 'decimal' }
  | { readonly k: 'struct' }
  | { readonly k: 'any' }
  | { readonly k: 'var'; readonly name: string }
  | { readonly k: 'array'; readonly element: Pattern }
  | { readonly k: 'map'; readonly key: Pattern; readonly value: Pattern }
  | { readonly k: 'lambda'; readonly params: readonly Pattern[]; readonly result: Pattern };

const PRIMITIVE_NAMES = new Set(['BOOLEAN', 'INTEGER', 'BIGINT', 'DOUBLE', 'STRING', 'BYTES', 'DATE', 'TIME', 'TIMESTAMP']);
const VARS = new Set(['T', 'U', 'K', 'V', 'A', 'B']);

/** Parses a pattern such as `MAP<STRING, ARRAY<T>>`. */
export function pattern(text: string): Pattern {
  const p = new PatternReader(text.replace(/\s+/g, ''));
  const out = p.read();
  if (!p.done()) throw new Error(`Bad signature pattern: ${text}`);
  return out;
}

class PatternReader {
  private at = 0;
  constructor(private readonly text: string) {}

  done(): boolean {
    return this.at === this.text.length;
  }

  read(): Pattern {
    const name = this.word();
    if (name === 'ARRAY') return { k: 'array', element: this.args(1)[0]! };
    if (name === 'MAP') {
      const [key, value] = this.args(2);
      return { k: 'map', key: key!, value: value! };
    }
    if (name === 'LAMBDA') {
      const all = this.args();
      return { k: 'lambda', params: all.slice(0, -1), result: all[all.length - 1]! };
    }
    if (name === 'DECIMAL') return { k: 'decimal' };
    if (name === 'STRUCT') return { k: 'struct' };
    if (name === 'ANY') return { k: 'any' };
    if (name === 'INT') return { k: 'exact', type: primitive('INTEGER') };
    if (PRIMITIVE_NAMES.has(name)) return { k: 'exact', type: primitive(name as PrimitiveKind) };
    if (VARS.has(name)) return { k: 'var', name };
    throw new Error(`Bad signature pattern: ${this.text}`);
  }

  private word(): string {
    const m = /^[A-Z]+/.exec(this.text.slice(this.at));
    if (!m) throw new Error(`Bad signature pattern: ${this.text}`);
    this.at += m[0].length;
    return m[0];
  }

  private args(count?: number): Pattern[] {
    this.expect('<');
    const out = [this.read()];
    while (this.text[this.at] === ',') {
      this.at++;
      out.push(this.read());
    }
    this.expect('>');
    if (count !== undefined && out.length !== count) throw new Error(`Bad signature pattern: ${this.text}`);
    return out;
  }

  private expect(ch: string): void {
    if (this.text[this.at] !== ch) throw new Error(`Bad signature pattern: ${this.text}`);
    this.at++;
  }
}

export type Bindings = Map<string, SqlType>;

/**
 * Whether a value of `actual` type (null: an untyped NULL) can be passed where `p` is expected;
 * binds generics. Returns the number of implicit widenings needed, or -1 when it cannot.
 */
export function matchArg(p: Pattern, actual: SqlType | null, bindings: Bindings): number {
  if (actual === null) return 0;
  switch (p.k) {
    case 'any':
      return 0;
    case 'decimal':
      return actual.kind === 'DECIMAL' ? 0 : actual.kind === 'INTEGER' || actual.kind === 'BIGINT' ? 1 : -1;
    case 'struct':
      return actual.kind === 'STRUCT' ? 0 : -1;
    case 'exact':
      return widening(actual, p.type);
    case 'var':
      return bindVar(p.name, actual, bindings);
    case 'array':
      return actual.kind === 'ARRAY' ? matchArg(p.element, actual.element, bindings) : -1;
    case 'map': {
      if (actual.kind !== 'MAP') return -1;
      const k = matchArg(p.key, actual.key, bindings);
      const v = k < 0 ? -1 : matchArg(p.value, actual.value, bindings);
      return v < 0 ? -1 : k + v;
    }
    case 'lambda':
      return -1;
  }
}

function bindVar(name: string, actual: SqlType, bindings: Bindings): number {
  const bound = bindings.get(name);
  if (!bound) {
    bindings.set(name, actual);
    return 0;
  }
  if (typesEqual(bound, actual)) return 0;
  // Numbers under one generic widen to the wider type (e.g. GREATEST(1, 2.5)).
  if (numericRank(bound) !== undefined && numericRank(actual) !== undefined) {
    bindings.set(name, widerNumeric(bound, actual));
    return 1;
  }
  return -1;
}

/** 0 for the same type, 1 for an implicit numeric widening, -1 when not allowed. */
function widening(actual: SqlType, target: SqlType): number {
  if (typesEqual(actual, target) || (actual.kind === target.kind && actual.kind !== 'DECIMAL')) return 0;
  const from = numericRank(actual);
  const to = numericRank(target);
  if (from === undefined || to === undefined || to < from) return -1;
  return 1;
}

/** The concrete type of a pattern under the bindings, or undefined if it names an unbound generic. */
export function instantiate(p: Pattern, bindings: Bindings): SqlType | undefined {
  switch (p.k) {
    case 'exact':
      return p.type;
    case 'var':
      return bindings.get(p.name);
    case 'array': {
      const e = instantiate(p.element, bindings);
      return e && { kind: 'ARRAY', element: e };
    }
    case 'map': {
      const key = instantiate(p.key, bindings);
      const value = instantiate(p.value, bindings);
      return key && value && { kind: 'MAP', key, value };
    }
    case 'decimal':
      return decimal(38, 0);
    default:
      return undefined;
  }
}
