/**
 * String functions (ksqlDB reference: "Scalar functions › String"; behaviour as in ksqlDB's
 * `io.confluent.ksql.function.udf.string` UDFs). Lengths and positions count UTF-16 units, as
 * Java's String does; regular expressions are java.util.regex patterns (strings/java-regex.ts);
 * text ⇄ bytes conversions follow the JVM's charsets (strings/java-charsets.ts).
 */
import { createHash, randomUUID } from 'node:crypto';
import type { FunctionRegistry } from '../function-registry.js';
import {
  base64DecodeLenient,
  base64Encode,
  hexDecode,
  hexLower,
  javaAsciiBytes,
  javaAsciiString,
  javaUtf8Bytes,
  javaUtf8String,
} from './strings/java-charsets.js';
import { compileJavaPattern, findAll, findFrom, guavaPatternSplit, javaSplit, matchesEmpty, replaceAll } from './strings/java-regex.js';
import {
  commonsSubstring,
  guavaSplit,
  hashMapOrder,
  javaTrim,
  javaTrimLeft,
  javaTrimRight,
  ordinalIndexOf,
  reverseJava,
  unescapeJava,
} from './strings/java-text.js';

const CATEGORY = 'STRING';
const REGEX_CATEGORY = 'REGULAR EXPRESSION';

/** A Java `int` parameter: NULL cannot be unboxed, so the call fails (and the row gets NULL). */
function int(v: number | null): number {
  if (v === null || v === undefined) throw new TypeError('null passed for an int parameter');
  return v;
}

// ---- substring / position helpers (Substring, Instr) ----

function startIndex(length: number, pos: number): number {
  return pos < 0 ? Math.max(length + pos, 0) : Math.max(Math.min(pos - 1, length), 0);
}

function endIndex(length: number, start: number, len: number): number {
  // start + len is Java int arithmetic
  return Math.max(Math.min((start + len) | 0, length), start);
}

function instr(str: string | null, sub: string | null, position: number | null, occurrence: number | null): number {
  const pos = int(position);
  const occ = int(occurrence);
  if (str === null || sub === null) return 0;
  // Math.abs(Integer.MIN_VALUE) stays negative in Java
  if ((pos === -2147483648 ? pos : Math.abs(pos)) > str.length) return 0;
  if (pos < 0) return findOccurrence(reverseJava(str), reverseJava(sub), Math.imul(pos, -1), occ, true);
  return findOccurrence(str, sub, pos, occ, false);
}

function findOccurrence(str: string, sub: string, position: number, occurrence: number, reversed: boolean): number {
  const i = ordinalIndexOf(commonsSubstring(str, (position - 1) | 0), sub, occurrence);
  if (i === -1) return 0;
  return reversed ? (str.length - position - i - sub.length + 2) | 0 : (i + position) | 0;
}

// ---- padding (LPad, RPad) ----

function padString(input: string, targetLen: number, padding: string, left: boolean): string | null {
  if (padding.length === 0 || targetLen < 0) return null;
  const padLen = Math.max(targetLen - input.length, 0);
  const pad = padding.repeat(Math.ceil(padLen / padding.length)).slice(0, padLen);
  return (left ? pad + input : input + pad).slice(0, targetLen);
}

function padBytes(input: Uint8Array, targetLen: number, padding: Uint8Array, left: boolean): Uint8Array | null {
  if (padding.length === 0 || targetLen < 0) return null;
  if (input.length > targetLen) return Buffer.from(input.subarray(0, targetLen));
  const out = Buffer.alloc(targetLen);
  const padLen = targetLen - input.length;
  for (let i = 0; i < padLen; i++) out[left ? i : input.length + i] = padding[i % padding.length]!;
  out.set(input, left ? padLen : 0);
  return out;
}

// ---- masking (Mask, MaskKeepLeft, MaskKeepRight, MaskLeft, MaskRight; ksqlDB's Masker) ----

const UPPER = /^\p{Lu}$/u;
const LOWER = /^\p{Ll}$/u;
const DIGIT = /^\p{Nd}$/u;

/** Mask code points for upper, lower, digit, other; null keeps that kind of character. */
type Masks = readonly (number | null)[];
const DEFAULT_MASKS: Masks = ['X', 'x', 'n', '-'].map((c) => c.codePointAt(0)!);

function maskCharacter(m: string | null): number | null {
  if (m === null) return null;
  if (m.length !== 1) throw new Error(`Invalid mask character. Must be only single character, but was '${m}'`);
  return m.charCodeAt(0);
}

function masksOf(upper: string | null, lower: string | null, digit: string | null, other: string | null): Masks {
  return [maskCharacter(upper), maskCharacter(lower), maskCharacter(digit), maskCharacter(other)];
}

/** Masks every UTF-16 position (ksqlDB reads the code point at each index, pairs included). */
function mask(input: string, masks: Masks): string {
  let out = '';
  for (let i = 0; i < input.length; i++) {
    const cp = input.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    const kind = UPPER.test(ch) ? 0 : LOWER.test(ch) ? 1 : DIGIT.test(ch) ? 2 : 3;
    const m = masks[kind];
    out += m === null || m === undefined ? ch : String.fromCodePoint(m);
  }
  return out;
}

type MaskRange = (input: string, n: number, masks: Masks) => string;

function registerMaskVariant(r: FunctionRegistry, name: string, description: string, apply: MaskRange): void {
  const run = (input: string | null, numChars: number | null, masks: Masks): string | null => {
    const n = int(numChars);
    if (n < 0) throw new Error(`function ${name.toLowerCase()} requires a non-negative number of characters to mask or skip`);
    return input === null ? null : apply(input, n, masks);
  };
  r.register({
    name,
    category: CATEGORY,
    description,
    overloads: [
      { params: ['STRING', 'INTEGER'], returns: 'STRING', nulls: 'call', impl: (s: string | null, n: number | null) => run(s, n, DEFAULT_MASKS) },
      {
        params: ['STRING', 'INTEGER', 'STRING', 'STRING', 'STRING', 'STRING'],
        returns: 'STRING',
        nulls: 'call',
        impl: (s: string | null, n: number | null, u: string | null, l: string | null, d: string | null, o: string | null) =>
          run(s, n, masksOf(u, l, d, o)),
      },
    ],
  });
}

// ---- ENCODE (ksqlDB's Encode UDF: commons-codec hex and Base64) ----

/** Strips a `0x` prefix (padding an odd digit count) or an `X'…'` wrapper, as ksqlDB's Encode. */
function hexStrip(s: string): string {
  if (/^0x[^\n\r\u0085\u2028\u2029]*$/.test(s)) return s.length % 2 !== 0 ? '0' + s.slice(2) : s.slice(2);
  if (/^[xX]'[^\n\r\u0085\u2028\u2029]*'$/.test(s)) return s.slice(2, s.length - 1);
  return s;
}

const ENCODE_INPUT: Record<string, (s: string) => Uint8Array> = {
  hex: (s) => hexDecode(hexStrip(s)),
  utf8: javaUtf8Bytes,
  ascii: javaAsciiBytes,
  base64: base64DecodeLenient,
};
const ENCODE_OUTPUT: Record<string, (b: Uint8Array) => string> = {
  hex: hexLower,
  utf8: javaUtf8String,
  ascii: javaAsciiString,
  base64: base64Encode,
};
/** ksqlDB looks the pair up by the two names concatenated (lower-cased). */
const ENCODERS = new Map<string, (s: string) => string>();
for (const from of Object.keys(ENCODE_INPUT)) {
  for (const to of Object.keys(ENCODE_OUTPUT)) {
    if (from !== to) ENCODERS.set(from + to, (s) => ENCODE_OUTPUT[to]!(ENCODE_INPUT[from]!(s)));
  }
}

// ---- splitting ----

/**
 * ksqlDB's BytesUtils.split. Its delimiter comparison (BytesUtils.arrayEquals) compares
 * `a[i]` with `delim[i]` for i from the candidate position up to the delimiter's length, so
 * beyond the first byte a candidate at a position ≥ 1 is checked against the wrong delimiter
 * bytes (or not at all). Kept as ksqlDB behaves, for identical results.
 */
function splitBytes(b: Uint8Array, delim: Uint8Array): Uint8Array[] {
  if (b.length === 0) return [Buffer.alloc(0)];
  if (delim.length === 0) return Array.from(b, (x) => Buffer.from([x]));
  const matchesAt = (i: number): boolean => {
    if (b[i] !== delim[0]) return false;
    if (i + delim.length > b.length) return false;
    for (let j = i; j < delim.length; j++) if (b[j] !== delim[j]) return false;
    return true;
  };
  const out: Uint8Array[] = [];
  let offset = 0;
  for (;;) {
    let at = -1;
    for (let i = offset; i < b.length; i++) {
      if (matchesAt(i)) {
        at = i;
        break;
      }
    }
    if (at < 0) break;
    out.push(Buffer.from(b.subarray(offset, at)));
    offset = at + delim.length;
  }
  out.push(Buffer.from(b.subarray(offset)));
  return out;
}

function splitToMap(input: string, entryDelimiter: string, kvDelimiter: string): Map<string, string> | null {
  if (entryDelimiter === '' || kvDelimiter === '' || entryDelimiter === kvDelimiter) return null;
  const values = new Map<string, string>();
  for (const entry of guavaSplit(input, entryDelimiter, true)) {
    if (!entry.includes(kvDelimiter)) continue;
    const [k, v] = guavaSplit(entry, kvDelimiter);
    values.set(k!, v!); // the last value for a key wins, at the key's first position
  }
  // ksqlDB collects into a HashMap: keep its iteration order
  return new Map(hashMapOrder([...values.keys()]).map((k) => [k, values.get(k)!]));
}

function concatBytes(parts: readonly (Uint8Array | null)[]): Uint8Array {
  return Buffer.concat(parts.filter((p): p is Uint8Array => p !== null));
}

function uuidFromBytes(b: Uint8Array): string | null {
  if (b.length !== 16) return null;
  const h = hexLower(b);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** `CHR('\uXXXX')`: the text must start with a \u escape and have at least 6 characters. */
function chrFromText(code: string): string | null {
  if (code.length < 6 || !code.startsWith('\\u')) return null;
  return unescapeJava(code);
}

export function registerStrings(r: FunctionRegistry): void {
  r.register({
    name: 'CHR',
    category: CATEGORY,
    description: 'The single-character string for a decimal code point, or for a UTF-16 escape such as \'\\u004b\'.',
    overloads: [
      {
        params: ['INTEGER'],
        returns: 'STRING',
        impl: (cp: number) => (cp >= 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : null),
      },
      { params: ['STRING'], returns: 'STRING', impl: chrFromText },
    ],
  });

  r.register({
    name: 'CONCAT',
    category: CATEGORY,
    description: 'Concatenates any number of strings, or of bytes values; NULL arguments are skipped.',
    overloads: [
      { params: ['STRING...'], returns: 'STRING', nulls: 'call', impl: (...xs: (string | null)[]) => xs.filter((x) => x !== null).join('') },
      { params: ['BYTES...'], returns: 'BYTES', nulls: 'call', impl: (...xs: (Uint8Array | null)[]) => concatBytes(xs) },
    ],
  });

  r.register({
    name: 'CONCAT_WS',
    category: CATEGORY,
    description: 'Joins the non-NULL values after the first argument with the first argument as separator; NULL if the separator is NULL.',
    overloads: [
      {
        params: ['STRING...'],
        returns: 'STRING',
        nulls: 'call',
        impl: (...xs: (string | null)[]) => {
          if (xs.length < 2) throw new Error('Function Concat_WS expects at least two input arguments.');
          const sep = xs[0];
          return sep === null ? null : xs.slice(1).filter((x) => x !== null).join(sep);
        },
      },
      {
        params: ['BYTES...'],
        returns: 'BYTES',
        nulls: 'call',
        impl: (...xs: (Uint8Array | null)[]) => {
          if (xs.length < 2) throw new Error('Function Concat_WS expects at least two input arguments.');
          const sep = xs[0];
          if (sep === null || sep === undefined) return null;
          const parts: Uint8Array[] = [];
          for (const x of xs.slice(1)) {
            if (x === null) continue;
            if (parts.length > 0) parts.push(sep);
            parts.push(x);
          }
          return concatBytes(parts);
        },
      },
    ],
  });

  r.register({
    name: 'ENCODE',
    category: CATEGORY,
    description: "Re-encodes a string from one encoding to another; the encodings are 'hex', 'utf8', 'ascii' and 'base64'.",
    overloads: [
      {
        params: ['STRING', 'STRING', 'STRING'],
        returns: 'STRING',
        impl: (s: string, from: string, to: string) => {
          const encoder = ENCODERS.get(from.toLowerCase() + to.toLowerCase());
          if (!encoder) throw new Error('Supported input and output encodings are: hex, utf8, ascii and base64');
          return encoder(s);
        },
      },
    ],
  });

  r.register({
    name: 'INITCAP',
    category: CATEGORY,
    description: 'Upper-cases the first letter of each whitespace-delimited word and lower-cases the rest.',
    overloads: [
      {
        params: ['STRING'],
        returns: 'STRING',
        impl: (s: string) => {
          // The words with their trailing whitespace; leading whitespace is not kept (as in ksqlDB).
          let out = '';
          for (const m of s.toLowerCase().matchAll(/[^\t\n\x0B\f\r ]+[\t\n\x0B\f\r ]*/g)) out += m[0].slice(0, 1).toUpperCase() + m[0].slice(1);
          return out;
        },
      },
    ],
  });

  r.register({
    name: 'INSTR',
    category: CATEGORY,
    description: 'The 1-based position of the n-th occurrence of a substring, searching from a position (from the end when negative); 0 if not found.',
    overloads: [
      { params: ['STRING', 'STRING'], returns: 'INTEGER', nulls: 'call', impl: (s: string | null, sub: string | null) => instr(s, sub, 1, 1) },
      {
        params: ['STRING', 'STRING', 'INTEGER'],
        returns: 'INTEGER',
        nulls: 'call',
        impl: (s: string | null, sub: string | null, pos: number | null) => instr(s, sub, pos, 1),
      },
      {
        params: ['STRING', 'STRING', 'INTEGER', 'INTEGER'],
        returns: 'INTEGER',
        nulls: 'call',
        impl: (s: string | null, sub: string | null, pos: number | null, occ: number | null) => instr(s, sub, pos, occ),
      },
    ],
  });

  r.register({
    name: 'LCASE',
    category: CATEGORY,
    description: 'Converts a string to lower case.',
    overloads: [{ params: ['STRING'], returns: 'STRING', impl: (s: string) => s.toLowerCase() }],
  });

  r.register({
    name: 'UCASE',
    category: CATEGORY,
    description: 'Converts a string to upper case.',
    overloads: [{ params: ['STRING'], returns: 'STRING', impl: (s: string) => s.toUpperCase() }],
  });

  r.register({
    name: 'LEN',
    category: CATEGORY,
    description: 'The length of a string (in UTF-16 code units) or the number of bytes of a bytes value.',
    overloads: [
      { params: ['STRING'], returns: 'INTEGER', impl: (s: string) => s.length },
      { params: ['BYTES'], returns: 'INTEGER', impl: (b: Uint8Array) => b.length },
    ],
  });

  for (const [name, left] of [
    ['LPAD', true],
    ['RPAD', false],
  ] as const) {
    r.register({
      name,
      category: CATEGORY,
      description: `Pads a string or bytes value ${left ? 'on the left' : 'on the right'} with repetitions of the padding up to the target length, truncating longer input; NULL for an empty padding or a negative length.`,
      overloads: [
        { params: ['STRING', 'INTEGER', 'STRING'], returns: 'STRING', impl: (s: string, n: number, p: string) => padString(s, n, p, left) },
        { params: ['BYTES', 'INTEGER', 'BYTES'], returns: 'BYTES', impl: (b: Uint8Array, n: number, p: Uint8Array) => padBytes(b, n, p, left) },
      ],
    });
  }

  r.register({
    name: 'MASK',
    category: CATEGORY,
    description: "Masks every character: upper case as 'X', lower case as 'x', digits as 'n', others as '-', or with the given masks (NULL: leave that kind unmasked).",
    overloads: [
      { params: ['STRING'], returns: 'STRING', impl: (s: string) => mask(s, DEFAULT_MASKS) },
      {
        params: ['STRING', 'STRING', 'STRING', 'STRING', 'STRING'],
        returns: 'STRING',
        nulls: 'call',
        impl: (s: string | null, u: string | null, l: string | null, d: string | null, o: string | null) => {
          const masks = masksOf(u, l, d, o);
          return s === null ? null : mask(s, masks);
        },
      },
    ],
  });
  registerMaskVariant(r, 'MASK_KEEP_LEFT', 'Masks all but the first n characters.', (s, n, m) => {
    const keep = Math.min(n, s.length);
    return s.slice(0, keep) + mask(s.slice(keep), m);
  });
  registerMaskVariant(r, 'MASK_KEEP_RIGHT', 'Masks all but the last n characters.', (s, n, m) => {
    const masked = Math.max(0, s.length - n);
    return mask(s.slice(0, masked), m) + s.slice(masked);
  });
  registerMaskVariant(r, 'MASK_LEFT', 'Masks the first n characters.', (s, n, m) => {
    const masked = Math.min(n, s.length);
    return mask(s.slice(0, masked), m) + s.slice(masked);
  });
  registerMaskVariant(r, 'MASK_RIGHT', 'Masks the last n characters.', (s, n, m) => {
    const keep = Math.max(0, s.length - n);
    return s.slice(0, keep) + mask(s.slice(keep), m);
  });

  r.register({
    name: 'MD5',
    category: CATEGORY,
    description: 'The hex-encoded MD5 digest of the UTF-8 bytes of a string.',
    overloads: [{ params: ['STRING'], returns: 'STRING', impl: (s: string) => createHash('md5').update(javaUtf8Bytes(s)).digest('hex') }],
  });

  r.register({
    name: 'REPLACE',
    category: CATEGORY,
    description: 'Replaces every occurrence of a substring with another string.',
    overloads: [
      {
        params: ['STRING', 'STRING', 'STRING'],
        returns: 'STRING',
        impl: (s: string, target: string, replacement: string) => {
          if (target !== '') return s.split(target).join(replacement);
          // Java inserts the replacement around every UTF-16 unit
          return replacement + s.split('').join(replacement) + (s === '' ? '' : replacement);
        },
      },
    ],
  });

  r.register({
    name: 'REGEXP_EXTRACT',
    category: REGEX_CATEGORY,
    description: 'The first substring matching a Java regular expression, or the given capturing group of that match.',
    overloads: [
      { params: ['STRING', 'STRING'], returns: 'STRING', impl: (pattern: string, input: string) => regexpExtract(pattern, input, 0) },
      { params: ['STRING', 'STRING', 'INTEGER'], returns: 'STRING', impl: regexpExtract },
    ],
  });

  r.register({
    name: 'REGEXP_EXTRACT_ALL',
    category: REGEX_CATEGORY,
    description: 'All substrings matching a Java regular expression, or the given capturing group of each match.',
    overloads: [
      { params: ['STRING', 'STRING'], returns: 'ARRAY<STRING>', impl: (pattern: string, input: string) => regexpExtractAll(pattern, input, 0) },
      { params: ['STRING', 'STRING', 'INTEGER'], returns: 'ARRAY<STRING>', impl: regexpExtractAll },
    ],
  });

  r.register({
    name: 'REGEXP_REPLACE',
    category: REGEX_CATEGORY,
    description: 'Replaces every match of a Java regular expression; the replacement may refer to groups as $n or ${name}.',
    overloads: [
      {
        params: ['STRING', 'STRING', 'STRING'],
        returns: 'STRING',
        impl: (s: string, pattern: string, replacement: string) => replaceAll(compileJavaPattern(pattern), s, replacement),
      },
    ],
  });

  r.register({
    name: 'REGEXP_SPLIT_TO_ARRAY',
    category: REGEX_CATEGORY,
    description: 'Splits a string around the matches of a Java regular expression; an empty pattern splits every character.',
    overloads: [
      {
        params: ['STRING', 'STRING'],
        returns: 'ARRAY<STRING>',
        impl: (s: string, pattern: string) => {
          const p = compileJavaPattern(pattern);
          // ksqlDB: Pattern.split (trailing empty strings dropped) for patterns matching "",
          // Guava's Splitter (every piece kept) otherwise.
          if (pattern === '') return s === '' ? [''] : s.split('');
          return matchesEmpty(p) ? javaSplit(p, s) : guavaPatternSplit(p, s);
        },
      },
    ],
  });

  r.register({
    name: 'SPLIT',
    category: CATEGORY,
    description: 'Splits a string or bytes value around a literal delimiter; an empty delimiter splits every character or byte.',
    overloads: [
      {
        params: ['STRING', 'STRING'],
        returns: 'ARRAY<STRING>',
        impl: (s: string, delimiter: string) => (delimiter === '' ? (s === '' ? [''] : s.split('')) : guavaSplit(s, delimiter)),
      },
      { params: ['BYTES', 'BYTES'], returns: 'ARRAY<BYTES>', impl: splitBytes },
    ],
  });

  r.register({
    name: 'SPLIT_TO_MAP',
    category: CATEGORY,
    description: 'Splits a string into entries and each entry into a key and value; the last value of a repeated key wins.',
    overloads: [{ params: ['STRING', 'STRING', 'STRING'], returns: 'MAP<STRING, STRING>', impl: splitToMap }],
  });

  r.register({
    name: 'SUBSTRING',
    category: CATEGORY,
    description: 'The part of a string or bytes value from a 1-based position (from the end when negative), optionally of a given length.',
    overloads: [
      { params: ['STRING', 'INTEGER'], returns: 'STRING', impl: (s: string, pos: number) => s.slice(startIndex(s.length, pos)) },
      {
        params: ['STRING', 'INTEGER', 'INTEGER'],
        returns: 'STRING',
        impl: (s: string, pos: number, len: number) => {
          const start = startIndex(s.length, pos);
          return s.slice(start, endIndex(s.length, start, len));
        },
      },
      { params: ['BYTES', 'INTEGER'], returns: 'BYTES', impl: (b: Uint8Array, pos: number) => Buffer.from(b.subarray(startIndex(b.length, pos))) },
      {
        params: ['BYTES', 'INTEGER', 'INTEGER'],
        returns: 'BYTES',
        impl: (b: Uint8Array, pos: number, len: number) => {
          const start = startIndex(b.length, pos);
          return Buffer.from(b.subarray(start, endIndex(b.length, start, len)));
        },
      },
    ],
  });

  r.register({
    name: 'TRIM',
    category: CATEGORY,
    description: 'Removes whitespace and control characters (up to U+0020) from both ends of a string.',
    overloads: [{ params: ['STRING'], returns: 'STRING', impl: javaTrim }],
  });
  r.register({
    name: 'LTRIM',
    category: CATEGORY,
    description: 'Removes whitespace and control characters (up to U+0020) from the start of a string.',
    overloads: [{ params: ['STRING'], returns: 'STRING', impl: javaTrimLeft }],
  });
  r.register({
    name: 'RTRIM',
    category: CATEGORY,
    description: 'Removes whitespace and control characters (up to U+0020) from the end of a string.',
    overloads: [{ params: ['STRING'], returns: 'STRING', impl: javaTrimRight }],
  });

  r.register({
    name: 'UUID',
    category: CATEGORY,
    description: 'A random (version 4) UUID, or the UUID whose 16 bytes are given.',
    volatile: true,
    overloads: [
      { params: [], returns: 'STRING', impl: () => randomUUID() },
      { params: ['BYTES'], returns: 'STRING', impl: uuidFromBytes },
    ],
  });
}

function regexpExtract(pattern: string, input: string, group: number): string | null {
  const p = compileJavaPattern(pattern);
  if (group > p.groupCount) return null;
  const m = findFrom(p, input, 0);
  return m ? m.group(group) : null;
}

function regexpExtractAll(pattern: string, input: string, group: number): (string | null)[] | null {
  const p = compileJavaPattern(pattern);
  if (group > p.groupCount) return null;
  const out: (string | null)[] = [];
  for (const m of findAll(p, input)) out.push(m.group(group));
  return out;
}
