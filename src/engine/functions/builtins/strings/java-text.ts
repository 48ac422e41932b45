/**
 * Small pieces of JVM library behaviour the string functions depend on: `String.trim`,
 * commons-lang3 `StringEscapeUtils.unescapeJava` and `StringUtils.reverse`/`substring`/
 * `ordinalIndexOf`, Guava's `Splitter.on(String)`, and the iteration order of a
 * `java.util.HashMap` with String keys (ksqlDB builds some maps in one, and prints them in
 * that order).
 */

/** Whether a UTF-16 unit is removed by `String.trim()` (U+0000 to U+0020). */
const trimmable = (s: string, i: number): boolean => s.charCodeAt(i) <= 0x20;

export function javaTrim(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && trimmable(s, start)) start++;
  while (end > start && trimmable(s, end - 1)) end--;
  return s.slice(start, end);
}

export function javaTrimLeft(s: string): string {
  let start = 0;
  while (start < s.length && trimmable(s, start)) start++;
  return s.slice(start);
}

export function javaTrimRight(s: string): string {
  let end = s.length;
  while (end > 0 && trimmable(s, end - 1)) end--;
  return s.slice(0, end);
}

const isOctal = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '7';
const CONTROL_ESCAPES: Record<string, string> = { b: '\b', n: '\n', t: '\t', f: '\f', r: '\r', '\\': '\\', '"': '"', "'": "'" };

/**
 * commons-lang3 `StringEscapeUtils.unescapeJava`: octal `\0`..`\377`, `\uXXXX` (any number of
 * u's, optional '+'), `\b \n \t \f \r \\ \" \'`; any other backslash is dropped.
 */
export function unescapeJava(s: string): string {
  let out = '';
  let i = 0;
  while (i < s.length) {
    const c = s[i]!;
    if (c !== '\\') {
      out += c;
      i++;
      continue;
    }
    const next = s[i + 1];
    if (isOctal(next)) {
      let end = i + 2;
      if (isOctal(s[end])) {
        end++;
        if (next! <= '3' && isOctal(s[end])) end++;
      }
      out += String.fromCharCode(parseInt(s.slice(i + 1, end), 8));
      i = end;
      continue;
    }
    if (next === 'u') {
      let j = i + 2;
      while (s[j] === 'u') j++;
      if (s[j] === '+') j++;
      if (j + 4 > s.length) throw new Error(`Less than 4 hex digits in unicode value: '${s.slice(i)}' due to end of CharSequence`);
      const hex = s.slice(j, j + 4);
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw new Error(`Unable to parse unicode value: ${hex}`);
      out += String.fromCharCode(parseInt(hex, 16));
      i = j + 4;
      continue;
    }
    if (next !== undefined && CONTROL_ESCAPES[next] !== undefined) {
      out += CONTROL_ESCAPES[next];
      i += 2;
      continue;
    }
    i++; // a lone backslash disappears
  }
  return out;
}

/** `StringUtils.reverse`: reverses the characters, keeping surrogate pairs in order. */
export function reverseJava(s: string): string {
  return Array.from(s).reverse().join('');
}

/** `StringUtils.substring(s, start)`: a negative start counts from the end. */
export function commonsSubstring(s: string, start: number): string {
  let from = start < 0 ? s.length + start : start;
  if (from < 0) from = 0;
  return from > s.length ? '' : s.slice(from);
}

/** `StringUtils.ordinalIndexOf`: the index of the n-th (possibly overlapping) occurrence, or -1. */
export function ordinalIndexOf(s: string, search: string, ordinal: number): number {
  if (ordinal <= 0) return -1;
  if (search.length === 0) return 0;
  let index = -1;
  for (let found = 0; found < ordinal; found++) {
    index = s.indexOf(search, index + 1);
    if (index < 0) return -1;
  }
  return index;
}

/** Guava `Splitter.on(separator)` (non-empty separator): every piece, empty ones included. */
export function guavaSplit(s: string, separator: string, omitEmpty = false): string[] {
  const pieces = s.split(separator);
  return omitEmpty ? pieces.filter((p) => p !== '') : pieces;
}

/** `String.hashCode()`. */
export function javaStringHash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(31, h) + s.charCodeAt(i)) | 0;
  return h;
}

/**
 * The order a `java.util.HashMap` with default settings iterates its String keys in, given
 * the order they were first inserted: by bucket at the final table size, insertion order
 * within a bucket (resizing keeps that relative order).
 */
export function hashMapOrder(keys: readonly string[]): string[] {
  let capacity = 16;
  while (keys.length > capacity * 0.75) capacity *= 2;
  const bucket = (k: string): number => {
    const h = javaStringHash(k);
    return (h ^ (h >>> 16)) & (capacity - 1);
  };
  return keys
    .map((k, i) => ({ k, i, b: bucket(k) }))
    .sort((x, y) => x.b - y.b || x.i - y.i)
    .map((e) => e.k);
}
