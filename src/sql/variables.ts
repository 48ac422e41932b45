/**
 * `${name}` variables (protocol spec §8, ksqlDB's VariableSubstitutor).
 *
 * ksqlDB first parses the statement with `${name}` tokens in place, checks each by its position
 * (a name, a literal, or text inside a string literal), then replaces them in the text and parses
 * again. We do the same, but per token rather than over the whole text, so nothing can be injected:
 *   - a name gets the value verbatim, once it has passed ksqlDB's identifier check;
 *   - a literal gets a quoted string, `true`/`false` or a number, with inner quotes doubled;
 *   - inside a string literal, every quote of the value is doubled, so the string stays one token
 *     (ksqlDB keeps a quoted value's outer quotes there, which could end the string early);
 *   - comments and quoted identifiers are left alone (ksqlDB's text-wide replace touches them).
 * Inside strings the rules are commons-text's StringSubstitutor's: `$${x}` is the escape for a
 * literal `${x}`, `${x:-default}` has a default, values are expanded again (only with variables
 * the statement itself refers to), an undefined `${x}` stays as it is.
 */
import type { CstNode, IToken } from 'chevrotain';
import { formatJavaDouble } from '../codec/java-double.js';
import { KsqlStatementError } from '../errors.js';
import type { Location } from './ast.js';
import { escapeQuotes, sanitize, unquote } from './source-text.js';
import { StringLiteral, Variable } from './tokens.js';

/** Variables of one request: case-insensitive on `/ksql`, case-sensitive on `/query-stream`. */
export class VariableScope {
  private readonly values = new Map<string, { readonly name: string; readonly value: string }>();

  constructor(readonly caseSensitive: boolean) {}

  /** From a request's `sessionVariables`: any JSON scalar, turned into text as Java's toString would. */
  static from(variables: Readonly<Record<string, unknown>> | undefined, caseSensitive: boolean): VariableScope {
    const scope = new VariableScope(caseSensitive);
    for (const [name, value] of Object.entries(variables ?? {})) scope.set(name, javaText(value));
    return scope;
  }

  get size(): number {
    return this.values.size;
  }

  get(name: string): string | undefined {
    return this.values.get(this.key(name))?.value;
  }

  has(name: string): boolean {
    return this.values.has(this.key(name));
  }

  /** A case-insensitive scope keeps the name it first saw (Java's TreeMap does). */
  set(name: string, value: string): void {
    const key = this.key(name);
    this.values.set(key, { name: this.values.get(key)?.name ?? name, value });
  }

  delete(name: string): boolean {
    return this.values.delete(this.key(name));
  }

  /** `[name, value]` pairs, in insertion order. */
  entries(): [string, string][] {
    return [...this.values.values()].map((v) => [v.name, v.value]);
  }

  private key(name: string): string {
    return this.caseSensitive ? name : name.toLowerCase();
  }
}

/** Jackson reads a JSON number with a fraction or exponent as a Double, others as Long or BigInteger. */
function javaText(value: unknown): string {
  if (typeof value === 'number' && !Number.isSafeInteger(value)) return formatJavaDouble(value);
  return String(value);
}

/** Where a `${name}` token sits in the grammar. */
export type VariablePosition = 'identifier' | 'literal' | 'property';

export interface SubstitutionInput {
  readonly text: string;
  readonly tokens: readonly IToken[];
  readonly cst: CstNode;
  readonly scope: VariableScope;
  /** Absolute position of a token, for "Illegal argument at Line: L, Col: C". */
  readonly locate: (token: IToken) => Location;
}

/** The statement text with the variables replaced, or an error for a value that does not fit. */
export function substituteVariables(input: SubstitutionInput): string {
  const positions = variablePositions(input.cst);
  const referenced = referencedNames(input);
  let out = '';
  let last = 0;
  for (const t of input.tokens) {
    const replacement =
      t.tokenType === Variable
        ? variableValue(t, positions.get(t) ?? 'literal', input)
        : t.tokenType === StringLiteral
          ? substituteInString(t.image, input, referenced)
          : undefined;
    if (replacement === undefined) continue;
    out += input.text.slice(last, t.startOffset) + replacement;
    last = t.startOffset + t.image.length;
  }
  return out + input.text.slice(last);
}

function variableValue(t: IToken, position: VariablePosition, input: SubstitutionInput): string {
  const value = input.scope.get(t.image.slice(2, -1)) ?? t.image;
  const loc = input.locate(t);
  const at = `Illegal argument at Line: ${loc.line}, Col: ${loc.column}.`;
  if (position === 'identifier') {
    if (!isValidIdentifier(value)) {
      // ksqlDB's detailed message carries this text literally (a quoting slip in VariableSubstitutor).
      throw new KsqlStatementError(
        `${at} Identifier names cannot start with '@' and may only contain alphanumeric values and '_'. Got: '" + value + "'`,
        input.text,
      );
    }
    return value;
  }
  if (!isValidLiteral(value)) throw new KsqlStatementError(`${at} Got: '${value}'`, input.text);
  return sanitize(value);
}

/** One pair of `"` or `` ` `` may surround the name, which must look like an unquoted identifier. */
function isValidIdentifier(value: string): boolean {
  let name = value;
  if (value.length >= 2 && value[0] === value[value.length - 1] && (value[0] === '"' || value[0] === '`')) {
    name = unquote(value, value[0]);
  }
  return /^[A-Za-z_][A-Za-z0-9_@]*$/.test(name);
}

/** A quoted string, a boolean, or a number that reads as one numeric literal. */
function isValidLiteral(value: string): boolean {
  if (value.length >= 2 && value.startsWith("'") && value.endsWith("'")) return true;
  if (/^(true|false)$/i.test(value)) return true;
  return /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(value) && Number.isFinite(Number(value));
}

/** Which rule consumed each `${name}` token: `identifier`, `literal`, or SET/UNSET's string. */
function variablePositions(cst: CstNode): Map<IToken, VariablePosition> {
  const out = new Map<IToken, VariablePosition>();
  const walk = (n: CstNode): void => {
    for (const key in n.children) {
      for (const child of n.children[key]!) {
        if ('children' in child) walk(child);
        else if (child.tokenType === Variable) {
          out.set(child, n.name === 'identifier' ? 'identifier' : n.name === 'propertyString' ? 'property' : 'literal');
        }
      }
    }
  };
  walk(cst);
  return out;
}

/** Variables the statement names itself, in `${x}` tokens or in its strings: the only ones expanded. */
function referencedNames(input: SubstitutionInput): Set<string> {
  const names = new Set<string>();
  for (const t of input.tokens) {
    if (t.tokenType === Variable) names.add(t.image.slice(2, -1));
    else if (t.tokenType === StringLiteral) {
      substitute(unquote(t.image, "'"), (name) => {
        if (input.scope.has(name)) names.add(name);
        return null;
      });
    }
  }
  return names;
}

function substituteInString(image: string, input: SubstitutionInput, referenced: ReadonlySet<string>): string | undefined {
  if (!image.includes('${')) return undefined;
  const resolve = (name: string): string | null => {
    const value = referenced.has(name) ? input.scope.get(name) : undefined;
    return value === undefined ? null : escapeQuotes(value);
  };
  try {
    return `'${substitute(image.slice(1, -1), resolve, input.text)}'`;
  } catch (e) {
    if (e instanceof CyclicSubstitution) {
      throw new KsqlStatementError(`Exception while preparing statement: ${e.message}`, input.text);
    }
    throw e;
  }
}

class CyclicSubstitution extends Error {}

/**
 * commons-text StringSubstitutor#substitute with prefix `${`, suffix `}`, escape `$`, default
 * delimiter `:-`, no substitution in variable names. `original` only names the text in the
 * message for a cycle (ksqlDB substitutes the whole statement, so it is the statement).
 */
export function substitute(text: string, resolve: (name: string) => string | null, original = text): string {
  const buf = { s: text };
  substituteRange(buf, 0, text.length, resolve, [original]);
  return buf.s;
}

function substituteRange(
  buf: { s: string },
  offset: number,
  length: number,
  resolve: (name: string) => string | null,
  prior: string[],
): number {
  let lengthChange = 0;
  let bufEnd = offset + length;
  let pos = offset;
  let escPos = -1;
  outer: while (pos < bufEnd) {
    if (!(buf.s.startsWith('${', pos) && pos + 2 <= bufEnd)) {
      pos++;
      continue;
    }
    if (pos > offset && buf.s[pos - 1] === '$') escPos = pos - 1;
    let startPos = pos;
    pos += 2;
    while (pos < bufEnd) {
      if (buf.s[pos] !== '}') {
        pos++;
        continue;
      }
      if (escPos >= 0) {
        // `$${x}`: drop the escape and read on from the `{`, so `$${${x}}` still expands `${x}`.
        buf.s = buf.s.slice(0, escPos) + buf.s.slice(escPos + 1);
        escPos = -1;
        lengthChange--;
        bufEnd--;
        pos = startPos + 1;
        startPos--;
        continue outer;
      }
      const expr = buf.s.slice(startPos + 2, pos);
      pos += 1;
      const endPos = pos;
      const [name, fallback] = splitDefault(expr);
      if (prior.includes(name)) {
        throw new CyclicSubstitution(`Infinite loop in property interpolation of ${prior[0]}: ${prior.slice(1).join('->')}`);
      }
      prior.push(name);
      const value = resolve(name) ?? fallback;
      if (value !== null) {
        buf.s = buf.s.slice(0, startPos) + value + buf.s.slice(endPos);
        let change = substituteRange(buf, startPos, value.length, resolve, prior);
        change += value.length - (endPos - startPos);
        pos += change;
        bufEnd += change;
        lengthChange += change;
      }
      prior.pop();
      continue outer;
    }
  }
  return lengthChange;
}

/** `name:-default`, unless a `${` comes before the `:-`. */
function splitDefault(expr: string): [string, string | null] {
  for (let i = 0; i < expr.length; i++) {
    if (expr.startsWith('${', i)) break;
    if (expr.startsWith(':-', i)) return [expr.slice(0, i), expr.slice(i + 2)];
  }
  return [expr, null];
}
