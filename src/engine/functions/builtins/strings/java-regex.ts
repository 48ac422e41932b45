/**
 * `java.util.regex` patterns, translated to JavaScript `RegExp`s (with the `v` flag), and the
 * `Matcher` operations ksqlDB's REGEXP_* functions use: find-all, replaceAll with Java's
 * replacement syntax, `Pattern.split` and Guava's `Splitter.on(Pattern)`.
 *
 * The translation is a parser of Java's syntax that re-emits each construct with Java's
 * meaning:
 * - `.` `^` `$` `\Z` follow Java's line terminators (\n \r \r\n U+0085 U+2028 U+2029, only \n
 *   with UNIX_LINES), including MULTILINE and DOTALL; inline flags `(?idmsuxU-…)` and
 *   `(?flags:X)` are scoped as in Java (JavaScript has no inline flags);
 * - CASE_INSENSITIVE is ASCII-only unless UNICODE_CASE (`u`) is on, by expanding letters into
 *   classes; `\d \s \w` are ASCII unless UNICODE_CHARACTER_CLASS (`U`); `\b` uses Java's
 *   letter-or-digit test; `\h \v \R`, `\Q…\E`, octal/hex/`\x{…}`/`\uXXXX`/`\cX` escapes;
 * - classes with unions `[a[b]]` and intersections `[a-z&&[^aeiou]]`; `\p{…}` general
 *   categories, scripts, binary properties, POSIX and `java…` classes, and common blocks;
 * - possessive quantifiers `X*+` and atomic groups `(?>X)` via a capturing look-ahead and a
 *   back-reference (group numbers are remapped, so Java's numbering is kept);
 * - Java's syntax errors (dangling `*`, unclosed groups and classes, bad ranges, unknown
 *   escapes) are errors here too.
 * Known differences: `\G`, `\X`, `\N{…}`, `\b{g}`, CANON_EQ and most Unicode blocks are not
 * supported (an error); back-references compare case-sensitively even under
 * CASE_INSENSITIVE; a back-reference to a group that did not participate matches the empty
 * string (Java fails); look-behinds need not have a bounded length; after an empty match the
 * search moves on by a whole code point, not by one UTF-16 unit.
 */

export class JavaPatternSyntaxError extends Error {
  constructor(description: string, pattern: string, index: number) {
    super(`${description} near index ${index}\n${pattern}`);
  }
}

const F_I = 1; // CASE_INSENSITIVE
const F_D = 2; // UNIX_LINES
const F_M = 4; // MULTILINE
const F_S = 8; // DOTALL
const F_U = 16; // UNICODE_CASE
const F_X = 32; // COMMENTS
const F_UC = 64; // UNICODE_CHARACTER_CLASS

type Part = string | { readonly open: number } | { readonly ref: number } | { readonly jref: number };

interface Atom {
  readonly parts: Part[];
  /** Whether JavaScript accepts a quantifier directly after it (assertions need a group). */
  readonly quantifiable: boolean;
}

type Escape =
  | { readonly k: 'cp'; readonly cp: number }
  | { readonly k: 'set'; readonly text: string }
  | { readonly k: 'atom'; readonly atom: Atom };

export interface JavaPattern {
  readonly source: string;
  /** The translation, with the `g` and `v` flags. */
  readonly regex: RegExp;
  /** Java's number of capturing groups. */
  readonly groupCount: number;
  /** The JavaScript group number of each Java group (0: the whole match). */
  readonly groupMap: readonly number[];
  /** Java group numbers by name. */
  readonly names: ReadonlyMap<string, number>;
}

const C = (s: string): number => s.codePointAt(0)!;
const BACKSLASH = C('\\');
const isAsciiSpace = (c: number | undefined): boolean => c === 0x20 || (c !== undefined && c >= 0x09 && c <= 0x0d);
const isDigit = (c: number | undefined): boolean => c !== undefined && c >= 0x30 && c <= 0x39;
const isAsciiLetter = (c: number | undefined): boolean => c !== undefined && ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a));
const isHex = (c: number | undefined): boolean => isDigit(c) || (c !== undefined && ((c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66)));

/** A code point as it may appear anywhere in a `v`-flag pattern. */
function lit(cp: number): string {
  if ((cp >= 0x30 && cp <= 0x39) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a)) return String.fromCharCode(cp);
  return `\\u{${cp.toString(16)}}`;
}

const LINE_TERMINATORS = '\\n\\r\\u{85}\\u{2028}\\u{2029}';
const ASCII_WORD = '[a-zA-Z0-9_]';
const UNICODE_WORD = '[\\p{Alphabetic}\\p{M}\\p{Nd}\\p{Pc}\\p{Join_Control}]';
// java.util.regex's \b: Character.isLetterOrDigit or '_'.
const JAVA_BOUNDARY_WORD = '[\\p{L}\\p{Nd}_]';
const HORIZONTAL_SPACE = '[\\u{20}\\t\\u{a0}\\u{1680}\\u{180e}\\u{2000}-\\u{200a}\\u{202f}\\u{205f}\\u{3000}]';
const VERTICAL_SPACE = '[\\n\\u{b}\\u{c}\\r\\u{85}\\u{2028}\\u{2029}]';

const POSIX_ASCII: Record<string, string> = {
  Lower: '[a-z]',
  Upper: '[A-Z]',
  ASCII: '[\\u{0}-\\u{7f}]',
  Alpha: '[a-zA-Z]',
  Digit: '[0-9]',
  Alnum: '[a-zA-Z0-9]',
  Punct: '[\\u{21}-\\u{2f}\\u{3a}-\\u{40}\\u{5b}-\\u{60}\\u{7b}-\\u{7e}]',
  Graph: '[\\u{21}-\\u{7e}]',
  Print: '[\\u{20}-\\u{7e}]',
  Blank: '[\\u{20}\\t]',
  Cntrl: '[\\u{0}-\\u{1f}\\u{7f}]',
  XDigit: '[0-9a-fA-F]',
  Space: '[\\u{20}\\t\\n\\u{b}\\u{c}\\r]',
};

const GRAPH = '[^\\p{Zs}\\p{Zl}\\p{Zp}\\p{Cc}\\p{Cs}\\p{Cn}]';
// java.lang.Character.UnicodeProp (the `\p{IsX}` binary properties and, with
// UNICODE_CHARACTER_CLASS, the POSIX names).
const UNICODE_PROPS: Record<string, string> = {
  ALPHABETIC: '\\p{Alphabetic}',
  LETTER: '\\p{L}',
  IDEOGRAPHIC: '\\p{Ideographic}',
  LOWERCASE: '\\p{Lowercase}',
  UPPERCASE: '\\p{Uppercase}',
  TITLECASE: '\\p{Lt}',
  WHITE_SPACE: '[\\p{Zs}\\p{Zl}\\p{Zp}\\t-\\r\\u{85}]',
  WHITESPACE: '[\\p{Zs}\\p{Zl}\\p{Zp}\\t-\\r\\u{85}]',
  CONTROL: '\\p{Cc}',
  PUNCTUATION: '\\p{P}',
  HEX_DIGIT: '[\\p{Nd}\\p{Hex_Digit}]',
  HEXDIGIT: '[\\p{Nd}\\p{Hex_Digit}]',
  ASSIGNED: '\\P{Cn}',
  NONCHARACTER_CODE_POINT: '\\p{Noncharacter_Code_Point}',
  NONCHARACTERCODEPOINT: '\\p{Noncharacter_Code_Point}',
  DIGIT: '\\p{Nd}',
  ALNUM: '[\\p{Alphabetic}\\p{Nd}]',
  BLANK: '[\\p{Zs}\\t]',
  GRAPH,
  PRINT: `[[${GRAPH}\\p{Zs}\\t]--\\p{Cc}]`,
  WORD: UNICODE_WORD,
  JOIN_CONTROL: '\\p{Join_Control}',
  JOINCONTROL: '\\p{Join_Control}',
  EMOJI: '\\p{Emoji}',
  EMOJI_PRESENTATION: '\\p{Emoji_Presentation}',
  EMOJI_MODIFIER: '\\p{Emoji_Modifier}',
  EMOJI_MODIFIER_BASE: '\\p{Emoji_Modifier_Base}',
  EMOJI_COMPONENT: '\\p{Emoji_Component}',
  EXTENDED_PICTOGRAPHIC: '\\p{Extended_Pictographic}',
};
const POSIX_UNICODE: Record<string, string> = {
  ALPHA: 'ALPHABETIC',
  LOWER: 'LOWERCASE',
  UPPER: 'UPPERCASE',
  SPACE: 'WHITE_SPACE',
  PUNCT: 'PUNCTUATION',
  XDIGIT: 'HEX_DIGIT',
  ALNUM: 'ALNUM',
  CNTRL: 'CONTROL',
  DIGIT: 'DIGIT',
  BLANK: 'BLANK',
  GRAPH: 'GRAPH',
  PRINT: 'PRINT',
};

const JAVA_CHAR_CLASSES: Record<string, string> = {
  javaLowerCase: '\\p{Lowercase}',
  javaUpperCase: '\\p{Uppercase}',
  javaAlphabetic: '\\p{Alphabetic}',
  javaIdeographic: '\\p{Ideographic}',
  javaTitleCase: '\\p{Lt}',
  javaDigit: '\\p{Nd}',
  javaDefined: '\\P{Cn}',
  javaLetter: '\\p{L}',
  javaLetterOrDigit: '[\\p{L}\\p{Nd}]',
  javaJavaIdentifierStart: '[\\p{L}\\p{Nl}\\p{Sc}\\p{Pc}]',
  javaJavaIdentifierPart: '[\\p{L}\\p{Nl}\\p{Sc}\\p{Pc}\\p{Nd}\\p{Mn}\\p{Mc}\\u{0}-\\u{8}\\u{e}-\\u{1b}\\u{7f}-\\u{9f}\\p{Cf}]',
  javaUnicodeIdentifierStart: '\\p{ID_Start}',
  javaUnicodeIdentifierPart: '[\\p{ID_Continue}\\u{0}-\\u{8}\\u{e}-\\u{1b}\\u{7f}-\\u{9f}\\p{Cf}]',
  javaIdentifierIgnorable: '[\\u{0}-\\u{8}\\u{e}-\\u{1b}\\u{7f}-\\u{9f}\\p{Cf}]',
  javaSpaceChar: '[\\p{Zs}\\p{Zl}\\p{Zp}]',
  javaWhitespace: '[[\\p{Zs}\\p{Zl}\\p{Zp}\\t-\\r\\u{1c}-\\u{1f}]--[\\u{a0}\\u{2007}\\u{202f}]]',
  javaISOControl: '[\\u{0}-\\u{1f}\\u{7f}-\\u{9f}]',
  javaMirrored: '\\p{Bidi_Mirrored}',
};

const CATEGORIES = new Set(
  'Cn Lu Ll Lt Lm Lo Mn Me Mc Nd Nl No Zs Zl Zp Cc Cf Co Cs Pd Ps Pe Pc Po Sm Sc Sk So Pi Pf L M N Z C P S LC'.split(' '),
);

// Unicode blocks (a selection; JavaScript has no block property). Keys are normalised as
// Character.UnicodeBlock.forName compares them: upper case, without spaces, '_' or '-'.
const BLOCKS: Record<string, [number, number]> = {
  BASICLATIN: [0x0000, 0x007f],
  LATIN1SUPPLEMENT: [0x0080, 0x00ff],
  LATINEXTENDEDA: [0x0100, 0x017f],
  LATINEXTENDEDB: [0x0180, 0x024f],
  IPAEXTENSIONS: [0x0250, 0x02af],
  SPACINGMODIFIERLETTERS: [0x02b0, 0x02ff],
  COMBININGDIACRITICALMARKS: [0x0300, 0x036f],
  GREEK: [0x0370, 0x03ff],
  GREEKANDCOPTIC: [0x0370, 0x03ff],
  CYRILLIC: [0x0400, 0x04ff],
  ARMENIAN: [0x0530, 0x058f],
  HEBREW: [0x0590, 0x05ff],
  ARABIC: [0x0600, 0x06ff],
  DEVANAGARI: [0x0900, 0x097f],
  BENGALI: [0x0980, 0x09ff],
  THAI: [0x0e00, 0x0e7f],
  GEORGIAN: [0x10a0, 0x10ff],
  HANGULJAMO: [0x1100, 0x11ff],
  LATINEXTENDEDADDITIONAL: [0x1e00, 0x1eff],
  GREEKEXTENDED: [0x1f00, 0x1fff],
  GENERALPUNCTUATION: [0x2000, 0x206f],
  SUPERSCRIPTSANDSUBSCRIPTS: [0x2070, 0x209f],
  CURRENCYSYMBOLS: [0x20a0, 0x20cf],
  LETTERLIKESYMBOLS: [0x2100, 0x214f],
  NUMBERFORMS: [0x2150, 0x218f],
  ARROWS: [0x2190, 0x21ff],
  MATHEMATICALOPERATORS: [0x2200, 0x22ff],
  MISCELLANEOUSTECHNICAL: [0x2300, 0x23ff],
  BOXDRAWING: [0x2500, 0x257f],
  BLOCKELEMENTS: [0x2580, 0x259f],
  GEOMETRICSHAPES: [0x25a0, 0x25ff],
  MISCELLANEOUSSYMBOLS: [0x2600, 0x26ff],
  DINGBATS: [0x2700, 0x27bf],
  CJKSYMBOLSANDPUNCTUATION: [0x3000, 0x303f],
  HIRAGANA: [0x3040, 0x309f],
  KATAKANA: [0x30a0, 0x30ff],
  CJKUNIFIEDIDEOGRAPHS: [0x4e00, 0x9fff],
  HANGULSYLLABLES: [0xac00, 0xd7af],
  PRIVATEUSEAREA: [0xe000, 0xf8ff],
  ALPHABETICPRESENTATIONFORMS: [0xfb00, 0xfb4f],
  HALFWIDTHANDFULLWIDTHFORMS: [0xff00, 0xffef],
  SPECIALS: [0xfff0, 0xffff],
  MISCELLANEOUSSYMBOLSANDPICTOGRAPHS: [0x1f300, 0x1f5ff],
  EMOTICONS: [0x1f600, 0x1f64f],
  TRANSPORTANDMAPSYMBOLS: [0x1f680, 0x1f6ff],
  SUPPLEMENTALSYMBOLSANDPICTOGRAPHS: [0x1f900, 0x1f9ff],
};

function validProperty(text: string): boolean {
  try {
    new RegExp(text, 'v');
    return true;
  } catch {
    return false;
  }
}

/** `\p{Script=…}` for a Java script name or alias (case-insensitive in Java, not in JS). */
function scriptProperty(name: string): string | undefined {
  const words = name.split(/[_ ]/).map((w) => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase());
  for (const candidate of [words.join('_'), name, name.charAt(0).toUpperCase() + name.slice(1).toLowerCase()]) {
    const text = `\\p{Script=${candidate}}`;
    if (/^[A-Za-z_]+$/.test(candidate) && validProperty(text)) return text;
  }
  return undefined;
}

function caseVariants(cp: number, unicode: boolean): number[] {
  if (!unicode) {
    if (cp >= 0x61 && cp <= 0x7a) return [cp, cp - 32];
    if (cp >= 0x41 && cp <= 0x5a) return [cp, cp + 32];
    return [cp];
  }
  const out = new Set<number>([cp]);
  const s = String.fromCodePoint(cp);
  for (const t of [s.toLowerCase(), s.toUpperCase(), s.toUpperCase().toLowerCase(), s.toLowerCase().toUpperCase()]) {
    const cps = [...t];
    if (cps.length === 1) out.add(cps[0]!.codePointAt(0)!);
  }
  return [...out];
}

/** Removes `\Q…\E` quoting the way Pattern.RemoveQEQuoting does: quoted characters get escaped. */
function removeQuoting(cps: number[]): number[] {
  const out: number[] = [];
  let i = 0;
  while (i < cps.length) {
    const c = cps[i]!;
    if (c === BACKSLASH && i + 1 < cps.length) {
      if (cps[i + 1] !== C('Q')) {
        out.push(c, cps[i + 1]!);
        i += 2;
        continue;
      }
      i += 2;
      while (i < cps.length) {
        if (cps[i] === BACKSLASH && cps[i + 1] === C('E')) {
          i += 2;
          break;
        }
        const q = cps[i++]!;
        if (isAsciiLetter(q) || isDigit(q)) out.push(q);
        else out.push(BACKSLASH, q);
      }
      continue;
    }
    out.push(c);
    i++;
  }
  return out;
}

class Translator {
  private readonly cps: number[];
  private at = 0;
  private flags: number;
  private ids = 0;
  /** Helper-group id of each Java group (index 0 unused). */
  readonly javaGroups: number[] = [0];
  readonly names = new Map<string, number>();

  constructor(
    private readonly source: string,
    flags: number,
  ) {
    this.cps = removeQuoting([...source].map((ch) => ch.codePointAt(0)!));
    this.flags = flags;
  }

  private error(description: string, index = this.at): JavaPatternSyntaxError {
    return new JavaPatternSyntaxError(description, this.source, index);
  }

  private has(f: number): boolean {
    return (this.flags & f) !== 0;
  }

  private peekRaw(): number | undefined {
    return this.cps[this.at];
  }

  /** The next code point, past whitespace and comments in COMMENTS mode. */
  private peek(): number | undefined {
    if (this.has(F_X)) this.skipComments();
    return this.cps[this.at];
  }

  private skipComments(): void {
    for (;;) {
      const c = this.cps[this.at];
      if (isAsciiSpace(c)) {
        this.at++;
        continue;
      }
      if (c === C('#')) {
        while (this.at < this.cps.length) {
          const t = this.cps[this.at]!;
          if (t === 0x0a || (!this.has(F_D) && (t === 0x0d || t === 0x85 || t === 0x2028 || t === 0x2029))) break;
          this.at++;
        }
        continue;
      }
      return;
    }
  }

  translate(): Part[] {
    const parts = this.alternation();
    if (this.at < this.cps.length) {
      if (this.cps[this.at] === C(')')) throw this.error("Unmatched closing ')'", this.at - 1);
      throw this.error('Unexpected internal error');
    }
    return parts;
  }

  private alternation(): Part[] {
    const out = this.sequence();
    while (this.peek() === C('|')) {
      this.at++;
      out.push('|', ...this.sequence());
    }
    return out;
  }

  private sequence(): Part[] {
    const out: Part[] = [];
    for (;;) {
      const c = this.peek();
      if (c === undefined || c === C('|') || c === C(')')) return out;
      const atom = this.atom();
      if (atom) out.push(...this.closure(atom));
    }
  }

  private atom(): Atom | undefined {
    const c = this.peek()!;
    switch (String.fromCodePoint(c)) {
      case '(':
        return this.group();
      case '[':
        return { parts: [this.charClass()], quantifiable: true };
      case '.':
        this.at++;
        return { parts: [this.has(F_S) ? '[\\s\\S]' : this.has(F_D) ? '[^\\n]' : `[^${LINE_TERMINATORS}]`], quantifiable: true };
      case '^':
        this.at++;
        return { parts: [this.caret()], quantifiable: false };
      case '$':
        this.at++;
        return { parts: [this.dollar(this.has(F_M))], quantifiable: false };
      case '\\': {
        const e = this.escape(false);
        if (e.k === 'atom') return e.atom;
        if (e.k === 'set') return { parts: [e.text], quantifiable: true };
        return { parts: [this.literal(e.cp)], quantifiable: true };
      }
      case '*':
      case '+':
      case '?':
        throw this.error(`Dangling meta character '${String.fromCodePoint(c)}'`);
      case '{':
        throw this.error('Illegal repetition');
      default:
        this.at++;
        return { parts: [this.literal(c)], quantifiable: true };
    }
  }

  private literal(cp: number): string {
    if (!this.has(F_I)) return lit(cp);
    const variants = caseVariants(cp, this.has(F_U));
    return variants.length === 1 ? lit(cp) : `[${variants.map(lit).join('')}]`;
  }

  private caret(): string {
    if (!this.has(F_M)) return '^';
    if (this.has(F_D)) return '(?:(?:^|(?<=\\n))(?!$))';
    // Not at the end of input, and not between \r and \n.
    return `(?:(?:^|(?<=[${LINE_TERMINATORS}]))(?!$)(?!(?<=\\r)\\n))`;
  }

  private dollar(multiline: boolean): string {
    if (this.has(F_D)) return multiline ? '(?=\\n|$)' : '(?=\\n?$)';
    if (multiline) return '(?:$|(?=[\\r\\u{85}\\u{2028}\\u{2029}])|(?<!\\r)(?=\\n))';
    return '(?:(?=(?:\\r\\n|[\\r\\u{85}\\u{2028}\\u{2029}])?$)|(?<!\\r)(?=\\n$))';
  }

  private closure(atom: Atom): Part[] {
    const c = this.peek();
    let q: string;
    if (c === C('?') || c === C('*') || c === C('+')) {
      this.at++;
      q = String.fromCodePoint(c!);
    } else if (c === C('{')) {
      const start = this.at;
      this.at++;
      const min = this.digits();
      if (min === undefined) throw this.error('Illegal repetition', start);
      let max: number | undefined = min;
      if (this.peekRaw() === C(',')) {
        this.at++;
        max = this.peekRaw() === C('}') ? undefined : this.digits();
        if (max === undefined && this.peekRaw() !== C('}')) throw this.error('Unclosed counted closure');
      }
      if (this.peekRaw() !== C('}')) throw this.error('Unclosed counted closure');
      this.at++;
      if (max !== undefined && max < min) throw this.error('Illegal repetition range', start);
      q = max === min ? `{${min}}` : max === undefined ? `{${min},}` : `{${min},${max}}`;
    } else {
      return atom.parts;
    }
    const body: Part[] = atom.quantifiable ? atom.parts : ['(?:', ...atom.parts, ')'];
    const next = this.peekRaw();
    if (next === C('?')) {
      this.at++;
      return [...body, q + '?'];
    }
    if (next === C('+')) {
      // possessive: match greedily once, never backtrack into it
      this.at++;
      const id = ++this.ids;
      return ['(?:(?=', { open: id }, ...body, q, '))', { ref: id }, ')'];
    }
    return [...body, q];
  }

  private digits(): number | undefined {
    const start = this.at;
    while (isDigit(this.peekRaw())) this.at++;
    if (this.at === start) return undefined;
    const n = Number(String.fromCodePoint(...this.cps.slice(start, this.at)));
    if (n > 0x7fffffff) throw this.error('Illegal repetition range', start);
    return n;
  }

  private group(): Atom | undefined {
    this.at++; // (
    const saved = this.flags;
    let atom: Atom;
    if (this.peekRaw() === C('?')) {
      this.at++;
      const c = this.peekRaw();
      if (c === C(':')) {
        this.at++;
        atom = { parts: ['(?:', ...this.alternation(), ')'], quantifiable: true };
      } else if (c === C('=') || c === C('!')) {
        this.at++;
        atom = { parts: [`(?${String.fromCodePoint(c)}`, ...this.alternation(), ')'], quantifiable: false };
      } else if (c === C('<')) {
        this.at++;
        const d = this.peekRaw();
        if (d === C('=') || d === C('!')) {
          this.at++;
          atom = { parts: [`(?<${String.fromCodePoint(d)}`, ...this.alternation(), ')'], quantifiable: false };
        } else if (isAsciiLetter(d)) {
          const nameStart = this.at;
          while (isAsciiLetter(this.peekRaw()) || isDigit(this.peekRaw())) this.at++;
          const name = String.fromCodePoint(...this.cps.slice(nameStart, this.at));
          if (this.peekRaw() !== C('>')) throw this.error("named capturing group is missing trailing '>'");
          this.at++;
          if (this.names.has(name)) throw this.error(`Named capturing group <${name}> is already defined`);
          const id = ++this.ids;
          this.names.set(name, this.javaGroups.length);
          this.javaGroups.push(id);
          atom = { parts: [{ open: id }, ...this.alternation(), ')'], quantifiable: true };
        } else {
          throw this.error('Unknown look-behind group');
        }
      } else if (c === C('>')) {
        this.at++;
        const id = ++this.ids;
        atom = { parts: ['(?:(?=', { open: id }, ...this.alternation(), '))', { ref: id }, ')'], quantifiable: true };
      } else {
        this.inlineFlags();
        const d = this.peekRaw();
        this.at++;
        if (d === C(')')) return undefined; // flags for the rest of the enclosing group
        if (d !== C(':')) throw this.error('Unknown inline modifier', this.at - 1);
        atom = { parts: ['(?:', ...this.alternation(), ')'], quantifiable: true };
      }
    } else {
      const id = ++this.ids;
      this.javaGroups.push(id);
      atom = { parts: [{ open: id }, ...this.alternation(), ')'], quantifiable: true };
    }
    if (this.peek() !== C(')')) throw this.error('Unclosed group', this.cps.length);
    this.at++;
    this.flags = saved;
    return atom;
  }

  private inlineFlags(): void {
    let on = true;
    for (;;) {
      const c = this.peekRaw();
      let f = 0;
      switch (c === undefined ? '' : String.fromCodePoint(c)) {
        case 'i':
          f = F_I;
          break;
        case 'd':
          f = F_D;
          break;
        case 'm':
          f = F_M;
          break;
        case 's':
          f = F_S;
          break;
        case 'u':
          f = F_U;
          break;
        case 'x':
          f = F_X;
          break;
        case 'U':
          f = F_UC | F_U;
          break;
        case 'c':
          f = 0; // CANON_EQ: not supported, accepted as a no-op
          break;
        case '-':
          if (!on) return;
          on = false;
          this.at++;
          continue;
        default:
          return;
      }
      this.flags = on ? this.flags | f : this.flags & ~f;
      this.at++;
    }
  }

  /** After a backslash (at points to it). */
  private escape(inClass: boolean): Escape {
    const start = this.at;
    this.at++;
    const c = this.cps[this.at++];
    if (c === undefined) throw this.error('Unexpected internal error', start);
    const ch = String.fromCodePoint(c);
    const unicodeClasses = this.has(F_UC);
    const atom = (text: string, quantifiable = false): Escape => {
      if (inClass) throw this.error('Illegal/unsupported escape sequence', this.at - 1);
      return { k: 'atom', atom: { parts: [text], quantifiable } };
    };
    switch (ch) {
      case '0':
        return { k: 'cp', cp: this.octal() };
      case '1':
      case '2':
      case '3':
      case '4':
      case '5':
      case '6':
      case '7':
      case '8':
      case '9': {
        if (inClass) throw this.error('Illegal/unsupported escape sequence', this.at - 1);
        // Take more digits while they still name an existing group.
        let ref = c - 0x30;
        while (isDigit(this.peekRaw())) {
          const next = ref * 10 + (this.peekRaw()! - 0x30);
          if (this.javaGroups.length - 1 < next) break;
          ref = next;
          this.at++;
        }
        return { k: 'atom', atom: { parts: [{ jref: ref }], quantifiable: true } };
      }
      case 'a':
        return { k: 'cp', cp: 0x07 };
      case 'e':
        return { k: 'cp', cp: 0x1b };
      case 'f':
        return { k: 'cp', cp: 0x0c };
      case 'n':
        return { k: 'cp', cp: 0x0a };
      case 'r':
        return { k: 'cp', cp: 0x0d };
      case 't':
        return { k: 'cp', cp: 0x09 };
      case 'c': {
        const x = this.cps[this.at++];
        if (x === undefined) throw this.error('Illegal control escape sequence');
        return { k: 'cp', cp: x ^ 64 };
      }
      case 'x':
        return { k: 'cp', cp: this.hexEscape() };
      case 'u':
        return { k: 'cp', cp: this.unicodeEscape() };
      case 'd':
        return { k: 'set', text: unicodeClasses ? '\\p{Nd}' : '[0-9]' };
      case 'D':
        return { k: 'set', text: unicodeClasses ? '\\P{Nd}' : '[^0-9]' };
      case 's':
        return { k: 'set', text: unicodeClasses ? UNICODE_PROPS.WHITE_SPACE! : '[\\t\\n\\u{b}\\u{c}\\r\\u{20}]' };
      case 'S':
        return { k: 'set', text: `[^${unicodeClasses ? UNICODE_PROPS.WHITE_SPACE! : '[\\t\\n\\u{b}\\u{c}\\r\\u{20}]'}]` };
      case 'w':
        return { k: 'set', text: unicodeClasses ? UNICODE_WORD : ASCII_WORD };
      case 'W':
        return { k: 'set', text: `[^${unicodeClasses ? UNICODE_WORD : ASCII_WORD}]` };
      case 'h':
        return { k: 'set', text: HORIZONTAL_SPACE };
      case 'H':
        return { k: 'set', text: `[^${HORIZONTAL_SPACE}]` };
      case 'v':
        return { k: 'set', text: VERTICAL_SPACE };
      case 'V':
        return { k: 'set', text: `[^${VERTICAL_SPACE}]` };
      case 'p':
      case 'P':
        return { k: 'set', text: this.property(ch === 'P') };
      case 'b': {
        if (this.peekRaw() === C('{')) throw this.error('Illegal/unsupported escape sequence');
        const w = unicodeClasses ? UNICODE_WORD : JAVA_BOUNDARY_WORD;
        return atom(`(?:(?<=${w})(?!${w})|(?<!${w})(?=${w}))`);
      }
      case 'B': {
        const w = unicodeClasses ? UNICODE_WORD : JAVA_BOUNDARY_WORD;
        return atom(`(?:(?<=${w})(?=${w})|(?<!${w})(?!${w}))`);
      }
      case 'A':
        return atom('^');
      case 'z':
        return atom('$');
      case 'Z':
        return atom(this.dollar(false));
      case 'R':
        return atom('(?:\\r\\n|[\\n\\u{b}\\u{c}\\r\\u{85}\\u{2028}\\u{2029}])', true);
      case 'k': {
        if (inClass) throw this.error('Illegal/unsupported escape sequence', this.at - 1);
        if (this.cps[this.at] !== C('<')) throw this.error("\\k is not followed by '<' for named capturing group");
        this.at++;
        const nameStart = this.at;
        while (isAsciiLetter(this.peekRaw()) || isDigit(this.peekRaw())) this.at++;
        const name = String.fromCodePoint(...this.cps.slice(nameStart, this.at));
        if (this.cps[this.at] !== C('>')) throw this.error("named capturing group is missing trailing '>'");
        this.at++;
        const group = this.names.get(name);
        if (group === undefined) throw this.error(`named capturing group <${name}> does not exist`);
        return { k: 'atom', atom: { parts: [{ jref: group }], quantifiable: true } };
      }
      default:
        if (isAsciiLetter(c)) throw this.error('Illegal/unsupported escape sequence', this.at - 1);
        return { k: 'cp', cp: c };
    }
  }

  private octal(): number {
    const d = (c: number | undefined): number => (c !== undefined && c >= 0x30 && c <= 0x37 ? c - 0x30 : -1);
    const n = d(this.cps[this.at]);
    if (n < 0) throw this.error('Illegal octal escape sequence');
    this.at++;
    const m = d(this.cps[this.at]);
    if (m < 0) return n;
    this.at++;
    const o = d(this.cps[this.at]);
    if (o >= 0 && n <= 3) {
      this.at++;
      return n * 64 + m * 8 + o;
    }
    return n * 8 + m;
  }

  private hexEscape(): number {
    const a = this.cps[this.at];
    if (isHex(a) && isHex(this.cps[this.at + 1])) {
      const v = parseInt(String.fromCodePoint(a!, this.cps[this.at + 1]!), 16);
      this.at += 2;
      return v;
    }
    if (a === C('{')) {
      const start = ++this.at;
      while (isHex(this.cps[this.at])) this.at++;
      if (this.at > start && this.cps[this.at] === C('}')) {
        const v = parseInt(String.fromCodePoint(...this.cps.slice(start, this.at)), 16);
        this.at++;
        if (v <= 0x10ffff) return v;
        throw this.error('Hexadecimal codepoint is too big');
      }
      throw this.error('Unclosed hexadecimal escape sequence');
    }
    throw this.error('Illegal hexadecimal escape sequence');
  }

  private fourHex(): number {
    for (let i = 0; i < 4; i++) if (!isHex(this.cps[this.at + i])) throw this.error('Illegal Unicode escape sequence');
    const v = parseInt(String.fromCodePoint(...this.cps.slice(this.at, this.at + 4)), 16);
    this.at += 4;
    return v;
  }

  private unicodeEscape(): number {
    const n = this.fourHex();
    if (n >= 0xd800 && n <= 0xdbff && this.cps[this.at] === BACKSLASH && this.cps[this.at + 1] === C('u')) {
      const save = this.at;
      this.at += 2;
      try {
        const m = this.fourHex();
        if (m >= 0xdc00 && m <= 0xdfff) return 0x10000 + ((n - 0xd800) << 10) + (m - 0xdc00);
      } catch {
        // not a pair
      }
      this.at = save;
    }
    return n;
  }

  /** `\p{…}` / `\pX` (after the p). */
  private property(negate: boolean): string {
    let name: string;
    if (this.cps[this.at] === C('{')) {
      const start = ++this.at;
      while (this.at < this.cps.length && this.cps[this.at] !== C('}')) this.at++;
      if (this.at >= this.cps.length) throw this.error('Unclosed character family');
      name = String.fromCodePoint(...this.cps.slice(start, this.at));
      this.at++;
      if (name === '') throw this.error('Empty character family');
    } else {
      const c = this.cps[this.at++];
      if (c === undefined) throw this.error('Illegal character family');
      name = String.fromCodePoint(c);
    }
    const text = this.propertyText(name);
    if (text === undefined) throw this.error(`Unknown character property name {${name}}`);
    if (!negate) return text;
    return text.startsWith('\\p{') ? '\\P' + text.slice(2) : text.startsWith('\\P{') ? '\\p' + text.slice(2) : `[^${text}]`;
  }

  private propertyText(name: string): string | undefined {
    const eq = name.indexOf('=');
    if (eq >= 0) {
      const key = name.slice(0, eq).toLowerCase();
      const value = name.slice(eq + 1);
      if (key === 'sc' || key === 'script') return scriptProperty(value);
      if (key === 'blk' || key === 'block') return blockText(value);
      if (key === 'gc' || key === 'general_category') return categoryText(value);
      return undefined;
    }
    if (name.startsWith('In')) return blockText(name.slice(2));
    if (name.startsWith('Is')) {
      const rest = name.slice(2);
      return UNICODE_PROPS[rest.toUpperCase()] ?? categoryText(rest) ?? scriptProperty(rest);
    }
    if (this.has(F_UC)) {
      const posix = POSIX_UNICODE[name.toUpperCase()];
      if (posix) return UNICODE_PROPS[posix];
    }
    return categoryText(name) ?? POSIX_ASCII[name] ?? JAVA_CHAR_CLASSES[name];
  }

  /** A character class, `[` at the cursor; returns a `v`-flag class. */
  private charClass(): string {
    const open = this.at;
    this.at++;
    let negate = false;
    if (this.peekRaw() === C('^')) {
      negate = true;
      this.at++;
    }
    const operands: string[][] = [];
    let items: string[] = [];
    let any = false;
    for (;;) {
      if (this.has(F_X)) this.skipComments();
      const c = this.cps[this.at];
      if (c === undefined) throw this.error('Unclosed character class', this.cps.length - 1);
      if (c === C(']') && any) {
        this.at++;
        break;
      }
      any = true;
      if (c === C('[')) {
        items.push(this.charClass());
        continue;
      }
      if (c === C('&') && this.cps[this.at + 1] === C('&')) {
        this.at += 2;
        if (items.length > 0) operands.push(items);
        items = [];
        continue;
      }
      items.push(...this.classRange());
    }
    if (items.length > 0) operands.push(items);
    if (operands.length === 0) throw this.error('Bad class syntax', open);
    const union = (xs: string[]): string => `[${xs.join('')}]`;
    const body = operands.length === 1 ? operands[0]!.join('') : operands.map(union).join('&&');
    return `[${negate ? '^' : ''}${body}]`;
  }

  /** One class member: a character, a range or a predefined set (with case variants). */
  private classRange(): string[] {
    const lo = this.classAtom();
    if (typeof lo === 'string') return [lo];
    if (this.cps[this.at] === C('-')) {
      const after = this.cps[this.at + 1];
      if (after !== undefined && after !== C(']') && after !== C('[')) {
        this.at++;
        const hi = this.classAtom();
        if (typeof hi === 'string' || hi < lo) throw this.error('Illegal character range', this.at - 1);
        return this.rangeItems(lo, hi);
      }
    }
    return this.has(F_I) ? caseVariants(lo, this.has(F_U)).map(lit) : [lit(lo)];
  }

  private rangeItems(lo: number, hi: number): string[] {
    const out = [`${lit(lo)}-${lit(hi)}`];
    if (!this.has(F_I)) return out;
    if (!this.has(F_U) || hi - lo > 2048) {
      // ASCII letters of the range, in the other case
      const add = (a: number, b: number, shift: number): void => {
        const from = Math.max(lo, a);
        const to = Math.min(hi, b);
        if (from <= to) out.push(`${lit(from + shift)}-${lit(to + shift)}`);
      };
      add(0x41, 0x5a, 32);
      add(0x61, 0x7a, -32);
      return out;
    }
    for (let cp = lo; cp <= hi; cp++) for (const v of caseVariants(cp, true)) if (v < lo || v > hi) out.push(lit(v));
    return out;
  }

  /** A code point, or a set's text for `\d`, `\p{…}`, .... */
  private classAtom(): number | string {
    const c = this.cps[this.at]!;
    if (c === BACKSLASH) {
      const e = this.escape(true);
      if (e.k === 'cp') return e.cp;
      if (e.k === 'set') return e.text;
      throw this.error('Illegal/unsupported escape sequence');
    }
    this.at++;
    return c;
  }
}

function categoryText(name: string): string | undefined {
  if (CATEGORIES.has(name)) return `\\p{${name}}`;
  if (name === 'LD') return '[\\p{L}\\p{Nd}]';
  if (name === 'L1') return '[\\u{0}-\\u{ff}]';
  if (name === 'all') return '[\\s\\S]';
  return undefined;
}

function blockText(name: string): string | undefined {
  const range = BLOCKS[name.toUpperCase().replace(/[ _-]/g, '')];
  return range && `[${lit(range[0])}-${lit(range[1])}]`;
}

function render(parts: readonly Part[], javaGroups: readonly number[]): { text: string; numbers: Map<number, number> } {
  const numbers = new Map<number, number>();
  let n = 0;
  for (const p of parts) if (typeof p === 'object' && 'open' in p) numbers.set(p.open, ++n);
  let text = '';
  for (const p of parts) {
    if (typeof p === 'string') text += p;
    else if ('open' in p) text += '(';
    else {
      const id = 'ref' in p ? p.ref : javaGroups[p.jref];
      const num = id === undefined ? undefined : numbers.get(id);
      // Java fails a reference to a group the pattern does not have.
      text += num === undefined ? '(?!)' : `(?:\\${num})`;
    }
  }
  return { text, numbers };
}

const cache = new Map<string, JavaPattern>();
const CACHE_LIMIT = 500;

/** `Pattern.compile(source)`; throws JavaPatternSyntaxError as Java throws PatternSyntaxException. */
export function compileJavaPattern(source: string): JavaPattern {
  const hit = cache.get(source);
  if (hit) return hit;
  const t = new Translator(source, 0);
  const parts = t.translate();
  const { text, numbers } = render(parts, t.javaGroups);
  let regex: RegExp;
  try {
    regex = new RegExp(text, 'gv');
  } catch (err) {
    throw new JavaPatternSyntaxError(`Unsupported pattern (${(err as Error).message})`, source, 0);
  }
  const groupMap = t.javaGroups.map((id, i) => (i === 0 ? 0 : numbers.get(id)!));
  const pattern: JavaPattern = { source, regex, groupCount: t.javaGroups.length - 1, groupMap, names: t.names };
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(source, pattern);
  return pattern;
}

export interface JavaMatch {
  readonly start: number;
  readonly end: number;
  /** Group texts by Java group number (null: the group did not participate). */
  group(n: number): string | null;
}

function toMatch(p: JavaPattern, m: RegExpExecArray): JavaMatch {
  return {
    start: m.index,
    end: m.index + m[0].length,
    group: (n) => {
      if (!Number.isInteger(n) || n < 0 || n > p.groupCount) throw new RangeError(`No group ${n}`);
      return m[p.groupMap[n]!] ?? null;
    },
  };
}

/** `matcher.find(from)`: the first match starting at or after `from`. */
export function findFrom(p: JavaPattern, input: string, from: number): JavaMatch | undefined {
  // A search cannot start between the halves of a surrogate pair (JavaScript would step back
  // to the pair's start): start after the pair.
  if (from > 0 && from < input.length && isLow(input.charCodeAt(from)) && isHigh(input.charCodeAt(from - 1))) from++;
  if (from > input.length) return undefined;
  p.regex.lastIndex = from;
  const m = p.regex.exec(input);
  return m ? toMatch(p, m) : undefined;
}

const isHigh = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

/** Where the next search starts after an empty match at `at` (one character further). */
function stepOver(input: string, at: number): number {
  return isHigh(input.charCodeAt(at)) && isLow(input.charCodeAt(at + 1)) ? at + 2 : at + 1;
}

/** The matches successive `matcher.find()` calls give. */
export function* findAll(p: JavaPattern, input: string): Generator<JavaMatch> {
  let from = 0;
  while (from <= input.length) {
    const m = findFrom(p, input, from);
    if (!m) return;
    yield m;
    from = m.end === m.start ? stepOver(input, m.end) : m.end;
  }
}

/** Whether the pattern matches the empty string as a whole (`p.matcher("").matches()`). */
export function matchesEmpty(p: JavaPattern): boolean {
  return findFrom(p, '', 0) !== undefined;
}

type ReplacementPart = string | number;

/** Parses a `Matcher.appendReplacement` string: `$n`, `${name}`, `\x`. */
function parseReplacement(p: JavaPattern, replacement: string): ReplacementPart[] {
  const out: ReplacementPart[] = [];
  let lit = '';
  let i = 0;
  while (i < replacement.length) {
    const c = replacement[i]!;
    if (c === '\\') {
      i++;
      if (i === replacement.length) throw new Error('character to be escaped is missing');
      lit += replacement[i++];
    } else if (c === '$') {
      i++;
      if (i === replacement.length) throw new Error('Illegal group reference: group index is missing');
      let ref: number;
      if (replacement[i] === '{') {
        i++;
        let name = '';
        while (i < replacement.length && /[A-Za-z0-9]/.test(replacement[i]!)) name += replacement[i++];
        if (name === '') throw new Error('named capturing group has 0 length name');
        if (replacement[i] !== '}') throw new Error("named capturing group is missing trailing '}'");
        i++;
        if (/^[0-9]/.test(name)) throw new Error(`capturing group name {${name}} starts with digit character`);
        const g = p.names.get(name);
        if (g === undefined) throw new Error(`No group with name {${name}}`);
        ref = g;
      } else {
        ref = replacement.charCodeAt(i) - 0x30;
        if (ref < 0 || ref > 9) throw new Error('Illegal group reference');
        i++;
        while (i < replacement.length) {
          const d = replacement.charCodeAt(i) - 0x30;
          if (d < 0 || d > 9) break;
          const next = ref * 10 + d;
          if (p.groupCount < next) break;
          ref = next;
          i++;
        }
        if (ref > p.groupCount) throw new Error(`No group ${ref}`);
      }
      if (lit) out.push(lit);
      lit = '';
      out.push(ref);
    } else {
      lit += c;
      i++;
    }
  }
  if (lit) out.push(lit);
  return out;
}

/** `input.replaceAll(regex, replacement)` with Java's replacement syntax. */
export function replaceAll(p: JavaPattern, input: string, replacement: string): string {
  let template: ReplacementPart[] | undefined;
  let out = '';
  let last = 0;
  for (const m of findAll(p, input)) {
    // Java only reads the replacement once something matched.
    template ??= parseReplacement(p, replacement);
    out += input.slice(last, m.start);
    for (const part of template) out += typeof part === 'string' ? part : (m.group(part) ?? '');
    last = m.end;
  }
  return template ? out + input.slice(last) : input;
}

/** `pattern.split(input)` (limit 0: trailing empty strings removed). */
export function javaSplit(p: JavaPattern, input: string): string[] {
  const out: string[] = [];
  let index = 0;
  let matched = false;
  for (const m of findAll(p, input)) {
    // no leading empty string for a zero-width match at the beginning
    if (index === 0 && m.start === 0 && m.end === 0) continue;
    out.push(input.slice(index, m.start));
    index = m.end;
    matched = true;
  }
  if (!matched) return [input];
  out.push(input.slice(index));
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out;
}

/** Guava's `Splitter.on(pattern).splitToList(input)`: every piece kept. */
export function guavaPatternSplit(p: JavaPattern, input: string): string[] {
  const out: string[] = [];
  let offset = 0;
  let nextStart = 0;
  while (offset !== -1) {
    const start = nextStart;
    let end: number;
    const m = findFrom(p, input, offset);
    if (!m) {
      end = input.length;
      offset = -1;
    } else {
      end = m.start;
      offset = m.end;
    }
    if (offset === nextStart) {
      // an empty match where the piece starts: look further, same piece
      offset++;
      if (offset > input.length) offset = -1;
      continue;
    }
    out.push(input.slice(start, end));
    nextStart = offset;
  }
  return out;
}
