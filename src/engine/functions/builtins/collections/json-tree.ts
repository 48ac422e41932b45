/**
 * JSON text as ksqlDB's JSON functions see it: a tree parsed the way Jackson's ObjectMapper reads
 * it for them (ksqlDB's UdfJsonMapper), and written back the way Jackson writes a tree.
 *
 * Reading (Jackson defaults plus USE_BIG_DECIMAL_FOR_FLOATS and exact BigDecimals):
 * - strict JSON: no comments, no single quotes, no unquoted names, no trailing commas, no NaN, no
 *   leading zeros or `+`, no raw control characters in strings, only the standard escapes;
 *   whitespace is space, tab, CR and LF; nesting deeper than 1000 fails;
 * - one root value; anything after it is ignored (FAIL_ON_TRAILING_TOKENS is off), except that a
 *   root number must be followed by whitespace or the end (`1x` fails, `1 x` is 1) and a keyword
 *   must not run into a letter or digit (`truex` fails);
 * - empty (or blank) text is the "missing" node, which the functions treat as not JSON;
 * - integers keep their exact value, numbers with a fraction or exponent keep their exact decimal
 *   text (`1.50` stays 1.50, `1e3` is 1 with scale -3);
 * - objects keep their field order; a repeated name keeps its first position and its last value.
 *
 * Writing: compact, strings escaped as Jackson's character writer does (`"`, `\` and control
 * characters; `\b \t \n \f \r` short, the rest `\u00XX` in upper-case hex; non-ASCII characters
 * as they are). Decimal numbers either as BigDecimal.toString() (what JsonNode.toString() prints,
 * `1E+3`) or plain (what ksqlDB's mapper prints with WRITE_BIGDECIMAL_AS_PLAIN, `1000`).
 */
import { decimalJavaString } from '../../../../codec/scalar-text.js';
import { Decimal } from '../../../../sql/decimal.js';

export type JsonNode =
  | { readonly kind: 'object'; readonly fields: Map<string, JsonNode> }
  | { readonly kind: 'array'; readonly items: JsonNode[] }
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'integer'; readonly value: bigint }
  | { readonly kind: 'decimal'; readonly value: Decimal }
  | { readonly kind: 'boolean'; readonly value: boolean }
  | { readonly kind: 'null' };

export class JsonReadError extends Error {}

const MAX_DEPTH = 1000;
const MAX_NUMBER_LENGTH = 1000;
const NULL_NODE: JsonNode = { kind: 'null' };

/** Parses `text` as ksqlDB's JSON functions do; undefined for blank text; throws JsonReadError. */
export function readJsonTree(text: string): JsonNode | undefined {
  const r = new JsonReader(text);
  if (!r.skipWhitespace()) return undefined;
  return r.readValue(0, true);
}

/**
 * A reader over JSON text that can also walk a top-level array one element at a time (for
 * JSON_ARRAY_CONTAINS, which stops at the first match as Jackson's streaming parser does).
 */
export class JsonReader {
  private at = 0;

  constructor(private readonly text: string) {}

  /** Skips whitespace; false at the end of the text. Other control characters fail. */
  skipWhitespace(): boolean {
    const t = this.text;
    while (this.at < t.length) {
      const c = t.charCodeAt(this.at);
      if (c > 0x20) return true;
      if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) this.fail('illegal character');
      this.at++;
    }
    return false;
  }

  /** Whether the next non-blank character is `ch` (consumed when it is). */
  tryConsume(ch: string): boolean {
    if (this.skipWhitespace() && this.text[this.at] === ch) {
      this.at++;
      return true;
    }
    return false;
  }

  /**
   * The elements of a top-level array, read lazily; returns undefined when the text does not
   * start with `[`.
   */
  arrayElements(): Iterable<JsonNode> | undefined {
    if (!this.tryConsume('[')) return undefined;
    const self = this;
    return {
      *[Symbol.iterator]() {
        if (self.tryConsume(']')) return;
        for (;;) {
          yield self.readValue(1, false);
          if (self.tryConsume(',')) continue;
          if (self.tryConsume(']')) return;
          self.fail("expected ',' or ']'");
        }
      },
    };
  }

  readValue(depth: number, root: boolean): JsonNode {
    if (!this.skipWhitespace()) this.fail('unexpected end of input');
    const c = this.text[this.at]!;
    switch (c) {
      case '{':
        return this.readObject(depth + 1);
      case '[':
        return this.readArray(depth + 1);
      case '"':
        this.at++;
        return { kind: 'string', value: this.readString() };
      case 't':
        return this.readKeyword('true', { kind: 'boolean', value: true });
      case 'f':
        return this.readKeyword('false', { kind: 'boolean', value: false });
      case 'n':
        return this.readKeyword('null', NULL_NODE);
      default:
        if (c === '-' || (c >= '0' && c <= '9')) return this.readNumber(root);
        return this.fail(`unexpected character '${c}'`);
    }
  }

  private readObject(depth: number): JsonNode {
    if (depth > MAX_DEPTH) this.fail('nesting too deep');
    this.at++;
    const fields = new Map<string, JsonNode>();
    if (this.tryConsume('}')) return { kind: 'object', fields };
    for (;;) {
      if (!this.tryConsume('"')) this.fail('expected a field name');
      const name = this.readString();
      if (!this.tryConsume(':')) this.fail("expected ':'");
      fields.set(name, this.readValue(depth, false));
      if (this.tryConsume(',')) continue;
      if (this.tryConsume('}')) return { kind: 'object', fields };
      this.fail("expected ',' or '}'");
    }
  }

  private readArray(depth: number): JsonNode {
    if (depth > MAX_DEPTH) this.fail('nesting too deep');
    this.at++;
    const items: JsonNode[] = [];
    if (this.tryConsume(']')) return { kind: 'array', items };
    for (;;) {
      items.push(this.readValue(depth, false));
      if (this.tryConsume(',')) continue;
      if (this.tryConsume(']')) return { kind: 'array', items };
      this.fail("expected ',' or ']'");
    }
  }

  /** The rest of a string whose opening quote was consumed. */
  private readString(): string {
    const t = this.text;
    let out = '';
    let run = this.at;
    for (;;) {
      if (this.at >= t.length) this.fail('unterminated string');
      const c = t.charCodeAt(this.at);
      if (c === 0x22) {
        out += t.slice(run, this.at);
        this.at++;
        return out;
      }
      if (c < 0x20) this.fail('unescaped control character in string');
      if (c !== 0x5c) {
        this.at++;
        continue;
      }
      out += t.slice(run, this.at);
      const e = t[this.at + 1];
      this.at += 2;
      switch (e) {
        case '"':
        case '\\':
        case '/':
          out += e;
          break;
        case 'b':
          out += '\b';
          break;
        case 'f':
          out += '\f';
          break;
        case 'n':
          out += '\n';
          break;
        case 'r':
          out += '\r';
          break;
        case 't':
          out += '\t';
          break;
        case 'u': {
          const hex = t.slice(this.at, this.at + 4);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail('bad unicode escape');
          out += String.fromCharCode(parseInt(hex, 16));
          this.at += 4;
          break;
        }
        default:
          this.fail('unrecognized escape');
      }
      run = this.at;
    }
  }

  private readKeyword(word: string, node: JsonNode): JsonNode {
    const t = this.text;
    if (!t.startsWith(word, this.at)) this.fail('unrecognized token');
    this.at += word.length;
    // Jackson rejects a keyword that runs into an identifier character (`truex`).
    if (this.at < t.length && /[\p{L}\p{N}_$]/u.test(t[this.at]!)) this.fail('unrecognized token');
    return node;
  }

  private readNumber(root: boolean): JsonNode {
    const t = this.text;
    const start = this.at;
    if (t[this.at] === '-') this.at++;
    const digitsFrom = this.at;
    while (isDigit(t.charCodeAt(this.at))) this.at++;
    const intDigits = this.at - digitsFrom;
    if (intDigits === 0) this.fail('expected a digit');
    if (intDigits > 1 && t[digitsFrom] === '0') this.fail('leading zeroes are not allowed');
    let integral = true;
    if (t[this.at] === '.') {
      integral = false;
      this.at++;
      const from = this.at;
      while (isDigit(t.charCodeAt(this.at))) this.at++;
      if (this.at === from) this.fail('decimal point not followed by a digit');
    }
    if (t[this.at] === 'e' || t[this.at] === 'E') {
      integral = false;
      this.at++;
      if (t[this.at] === '+' || t[this.at] === '-') this.at++;
      const from = this.at;
      while (isDigit(t.charCodeAt(this.at))) this.at++;
      if (this.at === from) this.fail('exponent not followed by a digit');
    }
    if (this.at - start > MAX_NUMBER_LENGTH) this.fail('number too long');
    if (root && this.at < t.length && !' \t\r\n'.includes(t[this.at]!)) {
      this.fail('expected space separating root-level values');
    }
    const text = t.slice(start, this.at);
    if (integral) return { kind: 'integer', value: BigInt(text) };
    try {
      return { kind: 'decimal', value: Decimal.parse(text) };
    } catch {
      return this.fail('number out of range');
    }
  }

  private fail(reason: string): never {
    throw new JsonReadError(`${reason} at position ${this.at}`);
  }
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

const HEX = '0123456789ABCDEF';
const SHORT_ESCAPES: Record<number, string> = { 0x08: '\\b', 0x09: '\\t', 0x0a: '\\n', 0x0c: '\\f', 0x0d: '\\r', 0x22: '\\"', 0x5c: '\\\\' };

/** `s` as a JSON string literal, escaped as Jackson's character-based writer does. */
export function quoteJacksonString(s: string): string {
  let out = '"';
  let run = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x20 && c !== 0x22 && c !== 0x5c) continue;
    out += s.slice(run, i) + (SHORT_ESCAPES[c] ?? `\\u00${HEX[c >> 4]}${HEX[c & 15]}`);
    run = i + 1;
  }
  return out + s.slice(run) + '"';
}

/** How decimal numbers are written: BigDecimal.toString() or toPlainString(). */
export type DecimalStyle = 'java' | 'plain';

/** The tree as compact JSON text. */
export function writeJsonTree(node: JsonNode, decimals: DecimalStyle): string {
  switch (node.kind) {
    case 'object': {
      let s = '{';
      for (const [k, v] of node.fields) s += (s.length === 1 ? '' : ',') + quoteJacksonString(k) + ':' + writeJsonTree(v, decimals);
      return s + '}';
    }
    case 'array':
      return '[' + node.items.map((v) => writeJsonTree(v, decimals)).join(',') + ']';
    case 'string':
      return quoteJacksonString(node.value);
    case 'integer':
      return node.value.toString();
    case 'decimal':
      return decimals === 'plain' ? node.value.toString() : decimalJavaString(node.value);
    case 'boolean':
      return node.value ? 'true' : 'false';
    case 'null':
      return 'null';
  }
}

/**
 * The steps of a JSONPath as EXTRACTJSONFIELD accepts it (ksqlDB's JsonPathTokenizer, derived
 * from Presto's): `$` first, then `.name` (letters, digits, `_` and `:`), `[name]` or `[0]`
 * (letters, digits and `_`), or `["any text"]` where `\"` and `\\` are the only escapes. No
 * whitespace, wildcards, filters or slices. Throws for anything else.
 */
export function jsonPathSteps(path: string): string[] {
  let at = 0;
  const bad = (): never => {
    throw new Error(`Invalid JSON path: '${path}'`);
  };
  if (path[at++] !== '$') bad();
  const steps: string[] = [];
  const run = (allowed: (c: string) => boolean): string => {
    const from = at;
    while (at < path.length && allowed(path[at]!)) at++;
    if (at === from) bad();
    return path.slice(from, at);
  };
  while (at < path.length) {
    const c = path[at++];
    if (c === '.') {
      steps.push(run((ch) => ch === ':' || isSubscriptChar(ch)));
      continue;
    }
    if (c !== '[') bad();
    if (path[at] === '"') {
      at++;
      let token = '';
      for (;;) {
        if (at >= path.length) bad();
        const ch = path[at++]!;
        if (ch === '"') break;
        if (ch === '\\') {
          const next = path[at++];
          if (next !== '"' && next !== '\\') bad();
          token += next;
        } else {
          token += ch;
        }
      }
      steps.push(token);
    } else {
      steps.push(run(isSubscriptChar));
    }
    if (path[at++] !== ']') bad();
  }
  return steps;
}

/** Java's Character.isLetterOrDigit for one UTF-16 unit, or `_`. */
function isSubscriptChar(c: string): boolean {
  return c === '_' || /^[\p{L}\p{Nd}]$/u.test(c);
}
