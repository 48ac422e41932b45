/**
 * URL handling as ksqlDB's URL functions get it from the JDK and Guava:
 * - `parseJavaUri`: the RFC 2396 parser of `java.net.URI` (with its deviations: '[' ']' for
 *   IPv6 hosts, empty authorities, visible non-ASCII characters allowed unescaped), giving the
 *   same components: an authority that is not a valid server (user@host:port) is kept as a
 *   registry-based authority with no host and no port; escapes are decoded as UTF-8 by the
 *   getters except inside square brackets;
 * - `urlDecode`: `java.net.URLDecoder.decode(s, "UTF-8")` ('+' is a space; `%xy` runs are
 *   UTF-8; a bad or truncated escape is an error);
 * - `formEncode`: Guava's `UrlEscapers.urlFormParameterEscaper()` (letters, digits and `-_.*`
 *   kept, space as '+', everything else as upper-case `%XY` of its UTF-8 bytes; an unpaired
 *   surrogate is an error).
 */
import { isIPv6 } from 'node:net';

export class UriSyntaxError extends Error {}

export interface JavaUri {
  readonly scheme: string | null;
  readonly host: string | null;
  /** -1 when absent. */
  readonly port: number;
  /** Raw (undecoded) components; null when absent. */
  readonly rawPath: string | null;
  readonly rawQuery: string | null;
  readonly rawFragment: string | null;
}

const range = (from: string, to: string): string => {
  let s = '';
  for (let c = from.charCodeAt(0); c <= to.charCodeAt(0); c++) s += String.fromCharCode(c);
  return s;
};
const DIGIT = range('0', '9');
const ALPHA = range('a', 'z') + range('A', 'Z');
const ALPHANUM = ALPHA + DIGIT;
const HEX = DIGIT + 'abcdefABCDEF';
const MARK = "-_.!~*'()";
const UNRESERVED = ALPHANUM + MARK;
const RESERVED = ';/?:@&=+$,[]';

interface CharSet {
  readonly chars: string;
  /** Whether `%XY` escapes and visible non-ASCII characters are allowed. */
  readonly escaped: boolean;
}
const set = (chars: string, escaped: boolean): CharSet => ({ chars, escaped });
const URIC = set(RESERVED + UNRESERVED, true);
const PATH = set(UNRESERVED + ':@&=+$,' + ';/', true);
const USERINFO = set(UNRESERVED + ';:&=+$,', true);
const REG_NAME = set(UNRESERVED + '$,;:@&=+', true);
const SERVER = set(USERINFO.chars + ALPHANUM + '-' + '.:@[]', true);
const SERVER_PERCENT = set(SERVER.chars + '%', true);
const SCHEME = set(ALPHANUM + '+-.', false);
const DIGITS = set(DIGIT, false);
const SCOPE_ID = set(ALPHANUM + '_.', false);

const isSpaceChar = (c: number): boolean => /[\p{Zs}\p{Zl}\p{Zp}]/u.test(String.fromCharCode(c));
const isIsoControl = (c: number): boolean => c <= 0x1f || (c >= 0x7f && c <= 0x9f);

class Parser {
  scheme: string | null = null;
  host: string | null = null;
  port = -1;
  path: string | null = null;
  query: string | null = null;
  fragment: string | null = null;

  constructor(private readonly input: string) {}

  private fail(reason: string, at: number): never {
    throw new UriSyntaxError(`${reason} at index ${at}: ${this.input}`);
  }

  private at(p: number, n: number, c: string): boolean {
    return p < n && this.input.startsWith(c, p) && p + c.length <= n;
  }

  /** Up to the first stop character; -1 if an error character comes first. */
  private scanStop(start: number, end: number, err: string, stop: string): number {
    let p = start;
    while (p < end) {
      const c = this.input[p]!;
      if (err.includes(c)) return -1;
      if (stop.includes(c)) break;
      p++;
    }
    return p;
  }

  /** Past the characters of the set. */
  private scan(start: number, end: number, cs: CharSet): number {
    let p = start;
    while (p < end) {
      const ch = this.input[p]!;
      if (cs.chars.includes(ch)) {
        p++;
        continue;
      }
      if (cs.escaped) {
        const q = this.scanEscape(p, end, ch);
        if (q > p) {
          p = q;
          continue;
        }
      }
      break;
    }
    return p;
  }

  private scanEscape(p: number, n: number, ch: string): number {
    const c = ch.charCodeAt(0);
    if (ch === '%') {
      if (p + 3 <= n && HEX.includes(this.input[p + 1]!) && HEX.includes(this.input[p + 2]!)) return p + 3;
      this.fail('Malformed escape pair', p);
    }
    if (c > 128 && !isSpaceChar(c) && !isIsoControl(c)) return p + 1;
    return p;
  }

  private checkChars(start: number, end: number, cs: CharSet, what: string): void {
    const p = this.scan(start, end, cs);
    if (p < end) this.fail(`Illegal character in ${what}`, p);
  }

  parse(): void {
    const input = this.input;
    const n = input.length;
    let p = this.scanStop(0, n, '/?#', ':');
    if (p >= 0 && this.at(p, n, ':')) {
      if (p === 0) this.fail('Expected scheme name', 0);
      if (!ALPHA.includes(input[0]!)) this.fail('Illegal character in scheme name', 0);
      this.checkChars(1, p, SCHEME, 'scheme name');
      this.scheme = input.slice(0, p);
      p++;
      if (this.at(p, n, '/')) {
        p = this.parseHierarchical(p, n);
      } else {
        // opaque: no path, query or authority
        const q = this.scanStop(p, n, '', '#');
        if (q <= p) this.fail('Expected scheme-specific part', p);
        this.checkChars(p, q, URIC, 'opaque part');
        p = q;
      }
    } else {
      p = this.parseHierarchical(0, n);
    }
    if (this.at(p, n, '#')) {
      this.checkChars(p + 1, n, URIC, 'fragment');
      this.fragment = input.slice(p + 1, n);
      p = n;
    }
    if (p < n) this.fail('Expected end of URI', p);
  }

  private parseHierarchical(start: number, n: number): number {
    let p = start;
    if (this.at(p, n, '/') && this.at(p + 1, n, '/')) {
      p += 2;
      const q = this.scanStop(p, n, '', '/?#');
      if (q > p) p = this.parseAuthority(p, q);
      else if (q >= n) this.fail('Expected authority', p);
    }
    let q = this.scanStop(p, n, '', '?#');
    this.checkChars(p, q, PATH, 'path');
    this.path = this.input.slice(p, q);
    p = q;
    if (this.at(p, n, '?')) {
      p++;
      q = this.scanStop(p, n, '', '#');
      this.checkChars(p, q, URIC, 'query');
      this.query = this.input.slice(p, q);
      p = q;
    }
    return p;
  }

  private parseAuthority(start: number, n: number): number {
    const p = start;
    const serverChars = this.scan(p, n, this.scanStop(p, n, '', ']') > p ? SERVER_PERCENT : SERVER) === n;
    const regChars = this.scan(p, n, REG_NAME) === n;
    if (regChars && !serverChars) return n;
    let q = p;
    let error: unknown;
    if (serverChars) {
      try {
        q = this.parseServer(p, n);
        if (q < n) this.fail('Expected end of authority', q);
      } catch (err) {
        this.host = null;
        this.port = -1;
        error = err;
        q = p;
      }
    }
    if (q < n) {
      if (regChars) return n; // a registry-based authority
      if (error) throw error;
      this.fail('Illegal character in authority', q);
    }
    return n;
  }

  private parseServer(start: number, n: number): number {
    let p = start;
    let q = this.scanStop(p, n, '/?#', '@');
    if (q >= p && this.at(q, n, '@')) {
      this.checkChars(p, q, USERINFO, 'user info');
      p = q + 1;
    }
    if (this.at(p, n, '[')) {
      p++;
      q = this.scanStop(p, n, '/?#', ']');
      if (q > p && this.at(q, n, ']')) {
        const r = this.scanStop(p, q, '', '%');
        if (!isIPv6(this.input.slice(p, r))) this.fail('Malformed IPv6 address', p);
        if (r < q) {
          if (r + 1 === q) this.fail('scope id expected', r);
          this.checkChars(r + 1, q, SCOPE_ID, 'scope id');
        }
        this.host = this.input.slice(p - 1, q + 1);
        p = q + 1;
      } else {
        this.fail('Expected closing bracket for IPv6 address', q);
      }
    } else {
      q = this.parseIPv4Address(p, n);
      if (q <= p) q = this.parseHostname(p, n);
      p = q;
    }
    if (this.at(p, n, ':')) {
      p++;
      q = this.scanStop(p, n, '', '/');
      if (q > p) {
        this.checkChars(p, q, DIGITS, 'port number');
        const port = Number(this.input.slice(p, q));
        if (port > 0x7fffffff) this.fail('Malformed port number', p);
        this.port = port;
        p = q;
      }
    }
    if (p < n) this.fail('Expected port number', p);
    return p;
  }

  private parseIPv4Address(start: number, n: number): number {
    let p = this.scanIPv4Address(start, n);
    if (p > start && p < n && this.input[p] !== ':') p = -1;
    if (p > start) this.host = this.input.slice(start, p);
    return p;
  }

  /** Four dotted bytes filling the run of digits and dots, or -1. */
  private scanIPv4Address(start: number, n: number): number {
    const m = this.scan(start, n, set(DIGIT + '.', false));
    if (m <= start) return -1;
    const parts = this.input.slice(start, m).split('.');
    if (parts.length !== 4) return -1;
    for (const part of parts) if (part === '' || part.length > 10 || Number(part) > 255) return -1;
    return m;
  }

  private parseHostname(start: number, n: number): number {
    const input = this.input;
    let p = start;
    let last = -1; // start of the last label
    do {
      let q = this.scan(p, n, set(ALPHANUM, false));
      if (q <= p) break;
      last = p;
      p = q;
      q = this.scan(p, n, set(ALPHANUM + '-', false));
      if (q > p) {
        if (input[q - 1] === '-') this.fail('Illegal character in hostname', q - 1);
        p = q;
      }
      if (!this.at(p, n, '.')) break;
      p++;
    } while (p < n);
    if (p < n && !this.at(p, n, ':')) this.fail('Illegal character in hostname', p);
    if (last < 0) this.fail('Expected hostname', start);
    // a fully qualified name's last label starts with a letter
    if (last > start && !ALPHA.includes(input[last]!)) this.fail('Illegal character in hostname', last);
    this.host = input.slice(start, p);
    return p;
  }
}

/** `new java.net.URI(s)`; throws UriSyntaxError. */
export function parseJavaUri(s: string): JavaUri {
  const p = new Parser(s);
  p.parse();
  return { scheme: p.scheme, host: p.host, port: p.port, rawPath: p.path, rawQuery: p.query, rawFragment: p.fragment };
}

/** `URI`'s decoding of a component: `%XY` runs as UTF-8, not inside square brackets. */
export function uriDecode(s: string | null): string | null {
  if (s === null || !s.includes('%')) return s;
  let out = '';
  let inBrackets = false;
  let i = 0;
  while (i < s.length) {
    const c = s[i]!;
    if (c === '[') inBrackets = true;
    else if (inBrackets && c === ']') inBrackets = false;
    if (c !== '%' || inBrackets) {
      out += c;
      i++;
      continue;
    }
    const bytes: number[] = [];
    while (s[i] === '%' && i + 2 < s.length) {
      bytes.push(parseInt(s.slice(i + 1, i + 3), 16));
      i += 3;
    }
    out += Buffer.from(bytes).toString('utf8');
  }
  return out;
}

/** `URLDecoder.decode(s, "UTF-8")`. */
export function urlDecode(s: string): string {
  let out = '';
  let i = 0;
  const n = s.length;
  while (i < n) {
    const c = s[i]!;
    if (c === '+') {
      out += ' ';
      i++;
    } else if (c === '%') {
      const bytes: number[] = [];
      while (i + 2 < n && s[i] === '%') {
        const hex = s.slice(i + 1, i + 3);
        // Integer.parseInt(hex, 16) also takes a sign
        if (!/^[+-]?[0-9a-fA-F]+$/.test(hex)) throw new Error('URLDecoder: Illegal hex characters in escape (%) pattern');
        const v = parseInt(hex, 16);
        if (v < 0) throw new Error('URLDecoder: Illegal hex characters in escape (%) pattern - negative value');
        bytes.push(v);
        i += 3;
      }
      if (i < n && s[i] === '%') throw new Error('URLDecoder: Incomplete trailing escape (%) pattern');
      out += Buffer.from(bytes).toString('utf8');
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

const FORM_SAFE = /^[A-Za-z0-9\-_.*]$/;

/** Guava `UrlEscapers.urlFormParameterEscaper().escape(s)`. */
export function formEncode(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (FORM_SAFE.test(ch)) {
      out += ch;
      continue;
    }
    if (ch === ' ') {
      out += '+';
      continue;
    }
    const c = s.charCodeAt(i);
    let cp = c;
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (!(d >= 0xdc00 && d <= 0xdfff)) throw new Error(`Trailing high surrogate at end of input or unpaired: ${i}`);
      cp = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
      i++;
    } else if (c >= 0xdc00 && c <= 0xdfff) {
      throw new Error(`Unexpected low surrogate character at index ${i}`);
    }
    for (const b of Buffer.from(String.fromCodePoint(cp), 'utf8')) out += '%' + b.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}
