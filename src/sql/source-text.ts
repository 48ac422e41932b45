/**
 * Positions and quoting as ANTLR sees them, so that `line L:C` in our messages matches ksqlDB's:
 * only `\n` starts a line (a lone `\r` does not) and columns count code points, not UTF-16 units.
 */
import type { Location } from './ast.js';

export class TextPositions {
  private readonly lineStarts: number[] = [0];
  /** Without surrogate pairs, code points and UTF-16 units are the same count. */
  private readonly simple: boolean;

  constructor(private readonly text: string) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.lineStarts.push(i + 1);
    this.simple = !/[\uD800-\uDFFF]/.test(text);
  }

  /** 1-based line and column of the character at `offset`. */
  at(offset: number): Location {
    const starts = this.lineStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    const start = starts[lo]!;
    return { line: lo + 1, column: (this.simple ? offset - start : codePoints(this.text, start, offset)) + 1 };
  }

  /** Where ANTLR puts EOF: just past the last character. */
  end(): Location {
    return this.at(this.text.length);
  }
}

function codePoints(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xd800 || c > 0xdbff || i + 1 >= to) n++;
    else if ((text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n++;
      i++;
    } else n++;
  }
  return n;
}

/** A position inside a statement, moved to where that statement sits in the whole text. */
export function shift(loc: Location, base: Location): Location {
  if (loc.line === 1) return { line: base.line, column: base.column + loc.column - 1 };
  return { line: base.line + loc.line - 1, column: loc.column };
}

/** `'it''s'` → `it's`; `"a""b"` → `a"b` (ParserUtil.unquote). */
export function unquote(text: string, quote: string): string {
  return text.slice(1, -1).split(quote + quote).join(quote);
}

/** ksqlDB's ParserUtil.sanitize: a quoted value keeps its outer quotes, every inner `'` is doubled. */
export function sanitize(value: string): string {
  if (value.length >= 2 && value.startsWith("'") && value.endsWith("'")) return `'${escapeQuotes(unquote(value, "'"))}'`;
  return escapeQuotes(value);
}

export function escapeQuotes(value: string): string {
  return value.replace(/'/g, "''");
}
