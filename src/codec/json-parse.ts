/**
 * Lossless JSON parsing for request bodies and inserted rows (RFC 8259, strict).
 *
 * Result contract, identical for parseJsonLossless and parseJsonFast:
 * - a number written as an integer (no fraction, no exponent) is a JS `number` when it is a safe
 *   integer (`-0` stays `-0`), otherwise a `bigint` with the exact value (`9007199254740993n`);
 * - a number with a fraction or an exponent is a JsonFloat holding its exact text, so callers can
 *   tell `11` from `11.0` and hand `1.10` to Decimal.parse without rounding through a double;
 * - objects are ordinary objects (Object.prototype), like JSON.parse: every key, `__proto__`
 *   included, is an own enumerable data property (never the prototype setter), a repeated key keeps
 *   its first position and its last value, and integer-like keys enumerate first (JS object order).
 *   Read fields with Object.hasOwn: `o.constructor` exists on every object;
 * - arrays are arrays, strings have every escape decoded (surrogate pairs join, lone surrogates are
 *   kept as they are, as JSON.parse does).
 * Errors throw JsonSyntaxError with the 0-based offset of the problem. Nesting is capped (default
 * 1000 arrays/objects deep): the parser is iterative, so the cap is a policy, not a stack limit.
 *
 * parseJsonFast gives the same results, through the native JSON.parse when that is safe and
 * worth it: the text is at least FAST_PATH_MIN_LENGTH chars, has no `.` at all and no `e`/`E` right
 * after a digit (so no number has a fraction or an exponent; a few indexOf scans), and the parsed
 * value holds only safe integers within the depth cap (a walk over the result). Anything else,
 * including text JSON.parse rejects, goes to the lossless parser. False positives (a `.` inside a
 * string) only cost the slower path.
 *
 * Measured (Node 20.20, shared 2-core development container, runs vary by about 20%;
 * spec/codec/codec-bench.ts), rows per second:
 *   `{"USERID":"User_1","PAGEID":"Page_42","VIEWTIME":1700000000000}` (65 chars): parseJsonLossless
 *     1.1-1.3 M, bare JSON.parse 1.3-1.8 M; parseJsonFast takes the lossless path at this length
 *     because the checks around JSON.parse cost what it saves;
 *   10 columns, 293 chars: parseJsonFast 0.6-0.8 M, parseJsonLossless 0.3-0.4 M, JSON.parse 0.75-1.0 M;
 *   one 2000-char string: parseJsonFast 0.5-0.75 M, parseJsonLossless 0.35 M.
 */

export type JsonValue = null | boolean | number | bigint | string | JsonFloat | JsonValue[] | JsonObject;
export interface JsonObject {
  [key: string]: JsonValue;
}

/** A JSON number written with a fraction or an exponent, kept as its exact text. */
export class JsonFloat {
  constructor(readonly text: string) {}
  /** The nearest double. */
  get value(): number {
    return Number(this.text);
  }
  toString(): string {
    return this.text;
  }
}

export class JsonSyntaxError extends SyntaxError {
  /** 0-based offset (UTF-16 code units) in the text. */
  readonly position: number;
  /** The message without the position. */
  readonly reason: string;
  constructor(reason: string, position: number) {
    super(`${reason} at position ${position}`);
    this.name = 'JsonSyntaxError';
    this.reason = reason;
    this.position = position;
  }
}

export interface JsonParseOptions {
  /** Maximum number of nested arrays/objects (default 1000). */
  readonly maxDepth?: number;
}

export const DEFAULT_MAX_DEPTH = 1000;

export function parseJsonLossless(text: string, options?: JsonParseOptions): JsonValue {
  return new Parser(text, options?.maxDepth ?? DEFAULT_MAX_DEPTH).parseDocument();
}

/** Below this length the checks around JSON.parse cost about what they save (measured). */
const FAST_PATH_MIN_LENGTH = 100;

export function parseJsonFast(text: string, options?: JsonParseOptions): JsonValue {
  const maxDepth = options?.maxDepth ?? DEFAULT_MAX_DEPTH;
  if (text.length < FAST_PATH_MIN_LENGTH || mayHoldFloat(text)) return parseJsonLossless(text, options);
  let value: JsonValue;
  try {
    value = JSON.parse(text) as JsonValue;
  } catch {
    return parseJsonLossless(text, options); // throws the JsonSyntaxError
  }
  return meetsContract(value, maxDepth) ? value : parseJsonLossless(text, options);
}

/** True if the text has a `.` anywhere or an `e`/`E` right after a digit: a number may have a fraction or exponent. */
function mayHoldFloat(text: string): boolean {
  if (text.indexOf('.') >= 0) return true;
  for (let i = text.indexOf('e'); i > 0; i = text.indexOf('e', i + 1)) if (isDigit(text.charCodeAt(i - 1))) return true;
  for (let i = text.indexOf('E'); i > 0; i = text.indexOf('E', i + 1)) if (isDigit(text.charCodeAt(i - 1))) return true;
  return false;
}

/**
 * Whether a JSON.parse result meets the contract: every number a safe integer (a larger integer
 * must become a bigint) and no container nested deeper than depthLeft. Recursive and bounded by
 * the depth cap; if a very large cap still exhausts the stack, the caller falls back.
 */
function integersSafeAndDepthWithin(v: JsonValue, depthLeft: number): boolean {
  if (typeof v === 'number') return Number.isSafeInteger(v);
  if (typeof v !== 'object' || v === null) return true;
  if (depthLeft === 0) return false;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) if (!integersSafeAndDepthWithin(v[i]!, depthLeft - 1)) return false;
    return true;
  }
  for (const key in v) if (!integersSafeAndDepthWithin((v as JsonObject)[key]!, depthLeft - 1)) return false;
  return true;
}

function meetsContract(value: JsonValue, maxDepth: number): boolean {
  try {
    return integersSafeAndDepthWithin(value, maxDepth);
  } catch {
    return false; // stack exhausted under a huge cap: let the iterative parser decide
  }
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const LBRACKET = 0x5b;
const RBRACKET = 0x5d;
const LBRACE = 0x7b;
const RBRACE = 0x7d;
const MINUS = 0x2d;
const DOT = 0x2e;
const ZERO = 0x30;

const SIMPLE_ESCAPES: Record<number, string> = {
  0x22: '"',
  0x5c: '\\',
  0x2f: '/',
  0x62: '\b',
  0x66: '\f',
  0x6e: '\n',
  0x72: '\r',
  0x74: '\t',
};

/** Strings longer than this are scanned with indexOf and a regex instead of a char loop. */
const SHORT_STRING = 64;
const CONTROL_CHAR = /[\u0000-\u001f]/;
const KEY_CACHE_SIZE = 256;
const MAX_CACHED_KEY_LENGTH = 64;
const keyCache: string[] = new Array<string>(KEY_CACHE_SIZE).fill('');

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function hexValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  const lower = c | 0x20;
  return lower >= 0x61 && lower <= 0x66 ? lower - 0x57 : -1;
}

/** An open array or object: the container and, for objects, the key awaiting its value. */
interface Frame {
  readonly container: JsonValue[] | JsonObject;
  readonly isArray: boolean;
  key: string;
}

function setMember(obj: JsonObject, key: string, value: JsonValue): void {
  if (key === '__proto__') {
    Object.defineProperty(obj, key, { value, writable: true, enumerable: true, configurable: true });
  } else {
    obj[key] = value;
  }
}

class Parser {
  private pos = 0;
  private readonly stack: Frame[] = [];

  constructor(
    private readonly text: string,
    private readonly maxDepth: number,
  ) {}

  parseDocument(): JsonValue {
    const value = this.parseValueTree();
    this.skipWhitespace();
    if (this.pos < this.text.length) this.fail('Unexpected data after the JSON value');
    return value;
  }

  /** Reads one value, containers included, with an explicit stack instead of recursion. */
  private parseValueTree(): JsonValue {
    for (;;) {
      let value = this.openOrScalar();
      if (value === undefined) continue; // a non-empty container was opened: read its first member
      for (;;) {
        const top = this.stack[this.stack.length - 1];
        if (top === undefined) return value;
        if (top.isArray) (top.container as JsonValue[]).push(value);
        else setMember(top.container as JsonObject, top.key, value);
        if (!this.afterMember(top)) break; // a comma: read the next member
        value = top.container; // the container closed: it is the finished value
        this.stack.pop();
      }
    }
  }

  /** A scalar, an empty container, or undefined after pushing a non-empty container's frame. */
  private openOrScalar(): JsonValue | undefined {
    this.skipWhitespace();
    const c = this.text.charCodeAt(this.pos);
    if (c !== LBRACKET && c !== LBRACE) return this.parseScalar(c);
    if (this.stack.length >= this.maxDepth) this.fail('Nesting too deep');
    this.pos++;
    this.skipWhitespace();
    const isArray = c === LBRACKET;
    if (this.text.charCodeAt(this.pos) === (isArray ? RBRACKET : RBRACE)) {
      this.pos++;
      return isArray ? [] : {};
    }
    const container = isArray ? [] : {};
    this.stack.push({ container, isArray, key: isArray ? '' : this.parseKey() });
    return undefined;
  }

  /** After a member: true if the container closed, false after a comma (and the next key). */
  private afterMember(top: Frame): boolean {
    this.skipWhitespace();
    const c = this.text.charCodeAt(this.pos);
    if (c === COMMA) {
      this.pos++;
      if (!top.isArray) {
        this.skipWhitespace();
        top.key = this.parseKey();
      }
      return false;
    }
    if (c === (top.isArray ? RBRACKET : RBRACE)) {
      this.pos++;
      return true;
    }
    return this.fail(top.isArray ? "Expected ',' or ']'" : "Expected ',' or '}'");
  }

  /** `"key" :` at the current position. */
  private parseKey(): string {
    if (this.text.charCodeAt(this.pos) !== QUOTE) this.fail('Expected a string key');
    const key = this.parseKeyString();
    this.skipWhitespace();
    if (this.text.charCodeAt(this.pos) !== COLON) this.fail("Expected ':'");
    this.pos++;
    return key;
  }

  private parseScalar(c: number): JsonValue {
    if (c === QUOTE) return this.parseString();
    if (c === MINUS || isDigit(c)) return this.parseNumber();
    if (this.text.startsWith('true', this.pos)) return this.literal(4, true);
    if (this.text.startsWith('false', this.pos)) return this.literal(5, false);
    if (this.text.startsWith('null', this.pos)) return this.literal(4, null);
    if (this.pos >= this.text.length) return this.fail('Unexpected end of input');
    return this.fail(`Unexpected character ${JSON.stringify(this.text[this.pos])}`);
  }

  private literal<T extends JsonValue>(length: number, value: T): T {
    this.pos += length;
    return value;
  }

  private parseNumber(): number | bigint | JsonFloat {
    const t = this.text;
    const start = this.pos;
    const negative = t.charCodeAt(start) === MINUS;
    let i = negative ? start + 1 : start;
    let c = t.charCodeAt(i);
    let magnitude = 0; // exact while there are at most 15 digits
    if (c === ZERO) i++;
    else if (isDigit(c)) {
      do {
        magnitude = magnitude * 10 + (c - ZERO);
        c = t.charCodeAt(++i);
      } while (isDigit(c));
    } else this.fail('Invalid number', i);
    let isFloat = false;
    if (t.charCodeAt(i) === DOT) {
      i = this.digitsAfter(i + 1);
      isFloat = true;
    }
    const e = t.charCodeAt(i) | 0x20;
    if (e === 0x65) {
      const sign = t.charCodeAt(i + 1);
      i = this.digitsAfter(sign === 0x2b || sign === MINUS ? i + 2 : i + 1);
      isFloat = true;
    }
    this.pos = i;
    if (isFloat) return new JsonFloat(t.slice(start, i));
    if (i - start <= 15) return negative ? -magnitude : magnitude;
    const literal = t.slice(start, i);
    const n = Number(literal);
    return Number.isSafeInteger(n) ? n : BigInt(literal);
  }

  /** The position after one or more digits starting at i. */
  private digitsAfter(i: number): number {
    if (!isDigit(this.text.charCodeAt(i))) this.fail('Invalid number', i);
    while (isDigit(this.text.charCodeAt(++i)));
    return i;
  }

  /**
   * A member name. Rows repeat the same names, so recently seen names are reused when the text
   * matches: no new string, and the object store sees an already internalized key.
   */
  private parseKeyString(): string {
    const t = this.text;
    const start = this.pos + 1;
    let i = start;
    for (let c = t.charCodeAt(i); c !== QUOTE; c = t.charCodeAt(++i)) {
      if (c === BACKSLASH || !(c >= 0x20)) return this.parseString();
    }
    this.pos = i + 1;
    const length = i - start;
    if (length > MAX_CACHED_KEY_LENGTH) return t.slice(start, i);
    const slot = (length * 31 + t.charCodeAt(start) * 7 + t.charCodeAt(i - 1)) & (KEY_CACHE_SIZE - 1);
    const cached = keyCache[slot]!;
    if (cached.length === length && t.startsWith(cached, start)) return cached;
    const key = t.slice(start, i);
    keyCache[slot] = key;
    return key;
  }

  private parseString(): string {
    const t = this.text;
    const start = this.pos + 1;
    const limit = Math.min(start + SHORT_STRING, t.length + 1);
    for (let i = start; i < limit; i++) {
      const c = t.charCodeAt(i);
      if (c === QUOTE) {
        this.pos = i + 1;
        return t.slice(start, i);
      }
      if (c === BACKSLASH) return this.parseEscapedString(start, i);
      if (!(c >= 0x20)) this.failInString(i);
    }
    return this.parseLongString(start, limit);
  }

  /**
   * A longer string whose first characters, up to `checked`, are plain: native scans for the
   * closing quote, then for backslashes and control characters in the rest.
   */
  private parseLongString(start: number, checked: number): string {
    const t = this.text;
    const end = t.indexOf('"', checked);
    if (end < 0) return this.parseEscapedString(start, checked); // reports where it fails
    const rest = t.slice(checked, end);
    if (rest.indexOf('\\') >= 0 || CONTROL_CHAR.test(rest)) return this.parseEscapedString(start, checked);
    this.pos = end + 1;
    return t.slice(start, end);
  }

  /** The rest of a string from its first backslash at i. */
  private parseEscapedString(start: number, i: number): string {
    const t = this.text;
    let out = t.slice(start, i);
    let run = i;
    for (;;) {
      const c = t.charCodeAt(i);
      if (c === QUOTE) {
        this.pos = i + 1;
        return out + t.slice(run, i);
      }
      if (c === BACKSLASH) {
        out += t.slice(run, i) + this.escape(i);
        i += t.charCodeAt(i + 1) === 0x75 ? 6 : 2;
        run = i;
        continue;
      }
      if (!(c >= 0x20)) this.failInString(i);
      i++;
    }
  }

  /** The character of the escape sequence at i (a backslash). */
  private escape(i: number): string {
    const e = this.text.charCodeAt(i + 1);
    if (e === 0x75) return String.fromCharCode(this.hex4(i + 2));
    const simple = SIMPLE_ESCAPES[e];
    if (simple === undefined) this.fail('Invalid escape sequence', i);
    return simple;
  }

  private hex4(i: number): number {
    let code = 0;
    for (let k = 0; k < 4; k++) {
      const h = hexValue(this.text.charCodeAt(i + k));
      if (h < 0) this.fail('Invalid \\u escape', i - 2);
      code = code * 16 + h;
    }
    return code;
  }

  private failInString(i: number): never {
    return this.fail(i >= this.text.length ? 'Unterminated string' : 'Control character in string', i);
  }

  private skipWhitespace(): void {
    const t = this.text;
    let i = this.pos;
    for (;;) {
      const c = t.charCodeAt(i);
      if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) break;
      i++;
    }
    this.pos = i;
  }

  private fail(reason: string, position = this.pos): never {
    throw new JsonSyntaxError(reason, position);
  }
}
