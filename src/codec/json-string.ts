/**
 * JSON string literals exactly as ksqlDB writes them. ksqlDB serializes with Jackson's
 * `writeValueAsBytes` (UTF8JsonGenerator), which escapes:
 *   `"` and `\` as `\"` and `\\`;
 *   U+0008, U+0009, U+000A, U+000C, U+000D as `\b`, `\t`, `\n`, `\f`, `\r`;
 *   every other control character below U+0020 as `\u00XX` with upper-case hex (`\u001F`);
 *   every UTF-16 surrogate code unit as `\uXXXX`, upper-case hex — so an emoji is written as the
 *   escaped pair `\uD83D\uDE00`, and a lone surrogate becomes a valid escape instead of bad UTF-8
 *   (jackson-core#223; combining pairs is opt-in from Jackson 2.18 and ksqlDB does not opt in).
 * Nothing else is escaped: not `/`, not U+007F, not other non-ASCII characters.
 *
 * Most strings need no escape at all, so the common case is a check and a concatenation: a char
 * loop for short strings, one regex test for longer ones (faster than JSON.stringify for both).
 */

// Characters that need an escape.
const SPECIAL = /["\\\u0000-\u001f\ud800-\udfff]/;
const SHORT = 16;

const HEX = '0123456789ABCDEF';
const SHORT_ESCAPES: Record<number, string> = {
  0x08: '\\b',
  0x09: '\\t',
  0x0a: '\\n',
  0x0c: '\\f',
  0x0d: '\\r',
  0x22: '\\"',
  0x5c: '\\\\',
};

/** `s` as a JSON string literal, quotes included, escaped like Jackson. */
export function quoteJsonString(s: string): string {
  const special = s.length <= SHORT ? hasSpecialChar(s) : SPECIAL.test(s);
  return special ? quoteEscaped(s) : '"' + s + '"';
}

function hasSpecialChar(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (needsEscape(s.charCodeAt(i))) return true;
  return false;
}

function escapeUnit(c: number): string {
  return SHORT_ESCAPES[c] ?? `\\u${HEX[c >> 12]}${HEX[(c >> 8) & 15]}${HEX[(c >> 4) & 15]}${HEX[c & 15]}`;
}

function needsEscape(c: number): boolean {
  return c < 0x20 || c === 0x22 || c === 0x5c || (c >= 0xd800 && c <= 0xdfff);
}

function quoteEscaped(s: string): string {
  let out = '"';
  let run = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!needsEscape(c)) continue;
    out += s.slice(run, i) + escapeUnit(c);
    run = i + 1;
  }
  return out + s.slice(run) + '"';
}
