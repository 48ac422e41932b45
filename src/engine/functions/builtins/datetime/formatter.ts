/**
 * java.time's DateTimeFormatter, compiled from a pattern (`yyyy-MM-dd'T'HH:mm:ss.SSSX`) by the
 * rules of DateTimeFormatterBuilder.appendPattern: the same pattern letters and letter counts,
 * adjacent value parsing (`yyyyMMdd`), optional sections, padding, strict parsing (no leniency in
 * widths or signs), English texts. Formatting prints a date, a time or a zoned date-time; parsing
 * yields the parsed fields, which resolve.ts turns into a date and a time as Java's SMART
 * resolver does.
 */
import { DateTimeError, fieldDisplayName, floorDiv, fromEpochDay, MONTH_NAMES, DAY_NAMES, SECONDS_PER_DAY, type Ymd } from './calendar.js';
import { dateField, timeField, type Field, type WeekDef } from './fields.js';
import { availableZoneIds, offsetZone, zoneNamesForParsing, zoneName, zoneOf, type Zone } from './zones.js';

// ---- what is printed ------------------------------------------------------------------------

/** A date (epoch day), a time (nanos of day), or a zoned date-time (both, with offset and zone). */
export class Temporal {
  private ymdCache: Ymd | undefined;

  constructor(
    readonly date: number | undefined,
    readonly time: number | undefined,
    readonly offset: number | undefined,
    readonly zone: Zone | undefined,
  ) {}

  static ofDate(epochDay: number): Temporal {
    return new Temporal(epochDay, undefined, undefined, undefined);
  }

  static ofTime(nanoOfDay: number): Temporal {
    return new Temporal(undefined, nanoOfDay, undefined, undefined);
  }

  /** An instant (epoch second and nanos) seen in a zone with the given offset. */
  static zoned(epochSecond: number, nanos: number, offset: number, zone: Zone): Temporal {
    const local = epochSecond + offset;
    const day = floorDiv(local, SECONDS_PER_DAY);
    const sod = local - day * SECONDS_PER_DAY;
    return new Temporal(day, sod * 1e9 + nanos, offset, zone);
  }

  get(f: Field, week: WeekDef): number | undefined {
    if (f === 'OFFSET_SECONDS') return this.offset;
    if (f === 'INSTANT_SECONDS') {
      if (this.offset === undefined || this.date === undefined || this.time === undefined) return undefined;
      return this.date * SECONDS_PER_DAY + Math.floor(this.time / 1e9) - this.offset;
    }
    if (this.time !== undefined) {
      const v = timeField(this.time, f);
      if (v !== undefined) return v;
    }
    if (this.date !== undefined) {
      this.ymdCache ??= fromEpochDay(this.date);
      return dateField(this.date, f, week, this.ymdCache);
    }
    return undefined;
  }

  epochSecond(): number | undefined {
    return this.get('INSTANT_SECONDS', { firstDay: 1, minDays: 1 });
  }

  describe(): string {
    return this.date !== undefined && this.time !== undefined ? 'ZonedDateTime' : this.date !== undefined ? 'LocalDate' : 'LocalTime';
  }
}

class PrintContext {
  optional = 0;
  constructor(
    readonly temporal: Temporal,
    readonly week: WeekDef,
  ) {}

  value(f: Field): number | undefined {
    const v = this.temporal.get(f, this.week);
    if (v === undefined && this.optional === 0) throw new DateTimeError(`Unsupported field: ${fieldDisplayName(f)}`);
    return v;
  }

  zone(query: 'zoneId' | 'zone'): Zone | undefined {
    let z = this.temporal.zone;
    if (!z && query === 'zone' && this.temporal.offset !== undefined) z = offsetZone(this.temporal.offset);
    if (!z && this.optional === 0) throw new DateTimeError(`Unable to extract ZoneId from temporal ${this.temporal.describe()}`);
    return z;
  }
}

// ---- what is parsed -------------------------------------------------------------------------

/** Fields and zone collected while parsing (java.time's unresolved Parsed). */
export interface ParsedFields {
  fields: Map<Field, number>;
  zone: Zone | null;
}

class ParseContext {
  private readonly stack: ParsedFields[] = [{ fields: new Map(), zone: null }];
  constructor(
    readonly caseSensitive: boolean,
    readonly week: WeekDef,
  ) {}

  get current(): ParsedFields {
    return this.stack[this.stack.length - 1]!;
  }

  charEquals(a: string, b: string): boolean {
    if (a === b) return true;
    if (this.caseSensitive) return false;
    return a.toUpperCase() === b.toUpperCase() || a.toLowerCase() === b.toLowerCase();
  }

  /** Whether `text` at `at` starts with `s`. */
  matches(text: string, at: number, s: string): boolean {
    if (at + s.length > text.length) return false;
    for (let i = 0; i < s.length; i++) {
      if (!this.charEquals(text[at + i]!, s[i]!)) return false;
    }
    return true;
  }

  set(f: Field, value: number, errorPos: number, successPos: number): number {
    const fields = this.current.fields;
    const old = fields.get(f);
    fields.set(f, value);
    return old !== undefined && old !== value ? ~errorPos : successPos;
  }

  setZone(zone: Zone): void {
    this.current.zone = zone;
  }

  startOptional(): void {
    const c = this.current;
    this.stack.push({ fields: new Map(c.fields), zone: c.zone });
  }

  endOptional(successful: boolean): void {
    const top = this.stack.pop()!;
    if (successful) this.stack[this.stack.length - 1] = top;
  }
}

// ---- printer-parsers ------------------------------------------------------------------------

interface PrinterParser {
  /** Appends the text; false when a value is missing inside an optional section. */
  format(ctx: PrintContext, out: string[]): boolean;
  /** The position after the parsed text, or the complement (~) of the error position. */
  parse(ctx: ParseContext, text: string, pos: number): number;
}

type SignStyle = 'NORMAL' | 'ALWAYS' | 'NEVER' | 'NOT_NEGATIVE' | 'EXCEEDS_PAD';

const EXCEED_POINTS = [0, 10, 100, 1000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000, 10_000_000_000];

function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

class CharLiteral implements PrinterParser {
  constructor(readonly ch: string) {}
  format(_ctx: PrintContext, out: string[]): boolean {
    out.push(this.ch);
    return true;
  }
  parse(ctx: ParseContext, text: string, pos: number): number {
    if (pos === text.length) return ~pos;
    return ctx.charEquals(this.ch, text[pos]!) ? pos + 1 : ~pos;
  }
}

class StringLiteral implements PrinterParser {
  constructor(readonly s: string) {}
  format(_ctx: PrintContext, out: string[]): boolean {
    out.push(this.s);
    return true;
  }
  parse(ctx: ParseContext, text: string, pos: number): number {
    return ctx.matches(text, pos, this.s) ? pos + this.s.length : ~pos;
  }
}

class NumberPP implements PrinterParser {
  constructor(
    readonly field: Field,
    readonly minWidth: number,
    readonly maxWidth: number,
    readonly sign: SignStyle,
    /** Digits the following fixed-width fields need (-1: this one is fixed-width itself). */
    readonly subsequentWidth = 0,
  ) {}

  withFixedWidth(): NumberPP {
    return this.subsequentWidth === -1 ? this : this.copy(-1);
  }

  withSubsequentWidth(width: number): NumberPP {
    return this.copy(this.subsequentWidth + width);
  }

  protected copy(subsequentWidth: number): NumberPP {
    return new NumberPP(this.field, this.minWidth, this.maxWidth, this.sign, subsequentWidth);
  }

  protected printValue(value: number): number {
    return value;
  }

  format(ctx: PrintContext, out: string[]): boolean {
    const raw = ctx.value(this.field);
    if (raw === undefined) return false;
    const value = this.printValue(raw);
    const str = String(Math.abs(value));
    if (str.length > this.maxWidth) {
      throw new DateTimeError(`Field ${fieldDisplayName(this.field)} cannot be printed as the value ${value} exceeds the maximum print width of ${this.maxWidth}`);
    }
    if (value >= 0) {
      if (this.sign === 'EXCEEDS_PAD' ? this.minWidth < 19 && value >= EXCEED_POINTS[this.minWidth]! : this.sign === 'ALWAYS') out.push('+');
    } else if (this.sign === 'NORMAL' || this.sign === 'EXCEEDS_PAD' || this.sign === 'ALWAYS') {
      out.push('-');
    } else if (this.sign === 'NOT_NEGATIVE') {
      throw new DateTimeError(`Field ${fieldDisplayName(this.field)} cannot be printed as the value ${value} cannot be negative according to the SignStyle`);
    }
    if (str.length < this.minWidth) out.push('0'.repeat(this.minWidth - str.length));
    out.push(str);
    return true;
  }

  protected isFixedWidth(): boolean {
    return this.subsequentWidth === -1 || (this.subsequentWidth > 0 && this.minWidth === this.maxWidth && this.sign === 'NOT_NEGATIVE');
  }

  /** SignStyle.parse: whether a sign may appear (the context is always strict). */
  private signAllowed(positive: boolean): boolean {
    switch (this.sign) {
      case 'NORMAL':
        return !positive;
      case 'ALWAYS':
      case 'EXCEEDS_PAD':
        return true;
      default:
        return false;
    }
  }

  parse(ctx: ParseContext, text: string, position: number): number {
    const length = text.length;
    if (position === length) return ~position;
    const signChar = text[position];
    let negative = false;
    let positive = false;
    if (signChar === '+') {
      if (!this.signAllowed(true)) return ~position;
      positive = true;
      position++;
    } else if (signChar === '-') {
      if (!this.signAllowed(false)) return ~position;
      negative = true;
      position++;
    } else if (this.sign === 'ALWAYS') {
      return ~position;
    }
    const effMin = this.minWidth;
    const minEndPos = position + effMin;
    if (minEndPos > length) return ~position;
    let effMax = this.maxWidth + Math.max(this.subsequentWidth, 0);
    let total = 0n;
    let pos = position;
    for (let pass = 0; pass < 2; pass++) {
      const maxEndPos = Math.min(pos + effMax, length);
      while (pos < maxEndPos) {
        const ch = text[pos++]!;
        if (!isDigit(ch)) {
          pos--;
          if (pos < minEndPos) return ~position;
          break;
        }
        total = total * 10n + BigInt(ch.charCodeAt(0) - 48);
      }
      if (this.subsequentWidth > 0 && pass === 0) {
        const parseLen = pos - position;
        effMax = Math.max(effMin, parseLen - this.subsequentWidth);
        pos = position;
        total = 0n;
      } else {
        break;
      }
    }
    if (negative) {
      if (total === 0n) return ~(position - 1);
      total = -total;
    } else if (this.sign === 'EXCEEDS_PAD') {
      const parseLen = pos - position;
      if (positive) {
        if (parseLen <= this.minWidth) return ~(position - 1);
      } else if (parseLen > this.minWidth) {
        return ~position;
      }
    }
    if (total > 9_223_372_036_854_775_807n || total < -9_223_372_036_854_775_808n) {
      total /= 10n;
      pos--;
    }
    return this.setValue(ctx, Number(total), position, pos);
  }

  protected setValue(ctx: ParseContext, value: number, errorPos: number, successPos: number): number {
    return ctx.set(this.field, value, errorPos, successPos);
  }
}

/** Two-digit years: printed modulo 100, parsed into 2000-2099 (ReducedPrinterParser). */
class ReducedPP extends NumberPP {
  constructor(field: Field, subsequentWidth = 0) {
    super(field, 2, 2, 'NOT_NEGATIVE', subsequentWidth);
  }
  protected override copy(subsequentWidth: number): NumberPP {
    return new ReducedPP(this.field, subsequentWidth);
  }
  protected override printValue(value: number): number {
    return Math.abs(value) % 100;
  }
  protected override setValue(ctx: ParseContext, value: number, errorPos: number, successPos: number): number {
    let v = value;
    if (successPos - errorPos === 2 && v >= 0) {
      v += 2000;
      if (v < 2000) v += 100;
    }
    return ctx.set(this.field, v, errorPos, successPos);
  }
}

/** Fractions of a second (`S`...): digits of the nano-of-second, truncated. */
class FractionPP extends NumberPP {
  constructor(minWidth: number, maxWidth: number, subsequentWidth = 0) {
    super('NANO_OF_SECOND', minWidth, maxWidth, 'NOT_NEGATIVE', subsequentWidth);
  }
  protected override copy(subsequentWidth: number): NumberPP {
    return new FractionPP(this.minWidth, this.maxWidth, subsequentWidth);
  }
  override format(ctx: PrintContext, out: string[]): boolean {
    const value = ctx.value('NANO_OF_SECOND');
    if (value === undefined) return false;
    const digits = String(value).padStart(9, '0');
    const scale = digits.replace(/0+$/, '').length;
    if (scale === 0) {
      if (this.minWidth > 0) out.push('0'.repeat(this.minWidth));
    } else {
      out.push(digits.slice(0, Math.min(Math.max(scale, this.minWidth), this.maxWidth)));
    }
    return true;
  }
  override parse(ctx: ParseContext, text: string, position: number): number {
    const length = text.length;
    if (position === length) return this.minWidth > 0 ? ~position : position;
    const minEndPos = position + this.minWidth;
    if (minEndPos > length) return ~position;
    const maxEndPos = Math.min(position + this.maxWidth, length);
    let total = 0;
    let pos = position;
    while (pos < maxEndPos) {
      const ch = text[pos++]!;
      if (!isDigit(ch)) {
        // As in the JDK, the position is compared after it has moved past the non-digit.
        if (pos < minEndPos) return ~position;
        pos--;
        break;
      }
      total = total * 10 + (ch.charCodeAt(0) - 48);
    }
    const value = total * 10 ** (9 - (pos - position));
    return ctx.set('NANO_OF_SECOND', value, position, pos);
  }
}

type TextStyle = 'FULL' | 'SHORT' | 'NARROW';

const TEXTS: Partial<Record<Field, Record<TextStyle, readonly string[]>>> = {
  MONTH_OF_YEAR: {
    FULL: MONTH_NAMES,
    SHORT: MONTH_NAMES.map((m) => m.slice(0, 3)),
    NARROW: MONTH_NAMES.map((m) => m[0]!),
  },
  DAY_OF_WEEK: {
    FULL: DAY_NAMES,
    SHORT: DAY_NAMES.map((d) => d.slice(0, 3)),
    NARROW: DAY_NAMES.map((d) => d[0]!),
  },
  AMPM_OF_DAY: { FULL: ['AM', 'PM'], SHORT: ['AM', 'PM'], NARROW: ['a', 'p'] },
  ERA: { FULL: ['Before Christ', 'Anno Domini'], SHORT: ['BC', 'AD'], NARROW: ['B', 'A'] },
  QUARTER_OF_YEAR: {
    FULL: ['1st quarter', '2nd quarter', '3rd quarter', '4th quarter'],
    SHORT: ['Q1', 'Q2', 'Q3', 'Q4'],
    NARROW: ['1', '2', '3', '4'],
  },
};

/** The first value each text table starts at (months 1, eras 0...). */
function textBase(f: Field): number {
  return f === 'AMPM_OF_DAY' || f === 'ERA' ? 0 : 1;
}

const parseTextCache = new Map<string, [string, number][]>();

/** Texts with their values, longest first; a text shared by several values stands for the last. */
function parseTexts(f: Field, style: TextStyle): [string, number][] {
  const key = `${f}/${style}`;
  let list = parseTextCache.get(key);
  if (!list) {
    const map = new Map<string, number>();
    TEXTS[f]![style].forEach((t, i) => map.set(t, i + textBase(f)));
    list = [...map.entries()].sort((a, b) => b[0].length - a[0].length);
    parseTextCache.set(key, list);
  }
  return list;
}

class TextPP implements PrinterParser {
  constructor(
    readonly field: Field,
    readonly style: TextStyle,
  ) {}
  format(ctx: PrintContext, out: string[]): boolean {
    const value = ctx.value(this.field);
    if (value === undefined) return false;
    const text = TEXTS[this.field]?.[this.style][value - textBase(this.field)];
    if (text === undefined) return new NumberPP(this.field, 1, 19, 'NORMAL').format(ctx, out);
    out.push(text);
    return true;
  }
  parse(ctx: ParseContext, text: string, pos: number): number {
    for (const [t, value] of parseTexts(this.field, this.style)) {
      if (ctx.matches(text, pos, t)) return ctx.set(this.field, value, pos, pos + t.length);
    }
    return ~pos;
  }
}

// Offset patterns in OffsetIdPrinterParser's order; the index is its "type".
const OFFSET_PATTERNS = ['+HH', '+HHmm', '+HH:mm', '+HHMM', '+HH:MM', '+HHMMss', '+HH:MM:ss', '+HHMMSS', '+HH:MM:SS', '+HHmmss', '+HH:mm:ss'];

class OffsetPP implements PrinterParser {
  readonly type: number;
  constructor(
    pattern: string,
    readonly noOffsetText: string,
  ) {
    this.type = OFFSET_PATTERNS.indexOf(pattern);
  }

  private get colon(): boolean {
    return this.type > 0 && this.type % 2 === 0;
  }

  format(ctx: PrintContext, out: string[]): boolean {
    const total = ctx.value('OFFSET_SECONDS');
    if (total === undefined) return false;
    if (total === 0) {
      out.push(this.noOffsetText);
      return true;
    }
    const absHours = Math.abs(Math.trunc(total / 3600) % 100);
    const absMinutes = Math.abs(Math.trunc(total / 60) % 60);
    const absSeconds = Math.abs(total % 60);
    const t = this.type;
    let s = (total < 0 ? '-' : '+') + pad(absHours, 2);
    let output = absHours;
    if ((t >= 3 && t <= 8) || (t >= 9 && absSeconds > 0) || (t >= 1 && absMinutes > 0)) {
      s += (this.colon ? ':' : '') + pad(absMinutes, 2);
      output += absMinutes;
      if (t === 7 || t === 8 || (t >= 5 && absSeconds > 0)) {
        s += (this.colon ? ':' : '') + pad(absSeconds, 2);
        output += absSeconds;
      }
    }
    out.push(output === 0 ? this.noOffsetText : s);
    return true;
  }

  parse(ctx: ParseContext, text: string, position: number): number {
    const length = text.length;
    const noLen = this.noOffsetText.length;
    if (noLen === 0) {
      if (position === length) return ctx.set('OFFSET_SECONDS', 0, position, position);
    } else {
      if (position === length) return ~position;
      if (ctx.matches(text, position, this.noOffsetText)) return ctx.set('OFFSET_SECONDS', 0, position, position + noLen);
    }
    const sign = text[position];
    if (sign === '+' || sign === '-') {
      const negative = sign === '-' ? -1 : 1;
      const array = [position + 1, 0, 0, 0];
      const colon = this.colon;
      const digits = (index: number): boolean => {
        let pos = array[0]!;
        if (pos < 0) return true;
        if (colon && index !== 1) {
          if (pos + 1 > length || text[pos] !== ':') return false;
          pos++;
        }
        if (pos + 2 > length) return false;
        const a = text[pos++]!;
        const b = text[pos++]!;
        if (!isDigit(a) || !isDigit(b)) return false;
        const value = (a.charCodeAt(0) - 48) * 10 + (b.charCodeAt(0) - 48);
        if (value > 59) return false;
        array[index] = value;
        array[0] = pos;
        return true;
      };
      const hour = (): void => {
        if (!digits(1)) array[0] = ~array[0]!;
      };
      const part = (index: number, mandatory: boolean): void => {
        if (!digits(index) && mandatory) array[0] = ~array[0]!;
      };
      switch (this.type) {
        case 0:
          hour();
          break;
        case 1:
        case 2:
          hour();
          part(2, false);
          break;
        case 3:
        case 4:
          hour();
          part(2, true);
          break;
        case 5:
        case 6:
          hour();
          part(2, true);
          part(3, false);
          break;
        case 7:
        case 8:
          hour();
          part(2, true);
          part(3, true);
          break;
        default:
          hour();
          if (digits(2)) digits(3);
          break;
      }
      if (array[0]! > 0) {
        if (array[1]! > 23 || array[2]! > 59 || array[3]! > 59) throw new DateTimeError('Value out of range: Hour[0-23], Minute[0-59], Second[0-59]');
        const secs = negative * (array[1]! * 3600 + array[2]! * 60 + array[3]!);
        return ctx.set('OFFSET_SECONDS', secs, position, array[0]!);
      }
    }
    if (noLen === 0) return ctx.set('OFFSET_SECONDS', 0, position, position);
    return ~position;
  }
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** `O` and `ZZZZ`: `GMT+8`, `GMT+08:00`. */
class LocalizedOffsetPP implements PrinterParser {
  constructor(readonly full: boolean) {}
  format(ctx: PrintContext, out: string[]): boolean {
    const total = ctx.value('OFFSET_SECONDS');
    if (total === undefined) return false;
    let s = 'GMT';
    if (total !== 0) {
      const h = Math.abs(Math.trunc(total / 3600) % 100);
      const m = Math.abs(Math.trunc(total / 60) % 60);
      const sec = Math.abs(total % 60);
      s += total < 0 ? '-' : '+';
      if (this.full) {
        s += `${pad(h, 2)}:${pad(m, 2)}${sec ? `:${pad(sec, 2)}` : ''}`;
      } else {
        s += String(h);
        if (m || sec) s += `:${pad(m, 2)}${sec ? `:${pad(sec, 2)}` : ''}`;
      }
    }
    out.push(s);
    return true;
  }
  parse(ctx: ParseContext, text: string, position: number): number {
    if (!ctx.matches(text, position, 'GMT')) return ~position;
    let pos = position + 3;
    const sign = text[pos];
    if (sign !== '+' && sign !== '-') return ctx.set('OFFSET_SECONDS', 0, position, pos);
    pos++;
    const num = (min: number, max: number): number | undefined => {
      let end = pos;
      while (end < text.length && end - pos < max && isDigit(text[end])) end++;
      if (end - pos < min) return undefined;
      const v = Number(text.slice(pos, end));
      pos = end;
      return v;
    };
    const h = this.full ? num(2, 2) : num(1, 2);
    if (h === undefined) return ~position;
    let m = 0;
    let s = 0;
    if (text[pos] === ':') {
      pos++;
      const mm = num(2, 2);
      if (mm === undefined) return ~position;
      m = mm;
      if (text[pos] === ':') {
        pos++;
        const ss = num(2, 2);
        if (ss === undefined) return ~position;
        s = ss;
      }
    } else if (this.full) {
      return ~position;
    }
    const total = (h * 3600 + m * 60 + s) * (sign === '-' ? -1 : 1);
    return ctx.set('OFFSET_SECONDS', total, position, pos);
  }
}

/** `VV` (and the start of `z` parsing): a zone ID, or an offset-based ID. */
class ZoneIdPP implements PrinterParser {
  constructor(readonly names: boolean) {}

  format(ctx: PrintContext, out: string[]): boolean {
    const zone = ctx.zone('zoneId');
    if (!zone) return false;
    out.push(zone.id);
    return true;
  }

  parse(ctx: ParseContext, text: string, position: number): number {
    const length = text.length;
    if (position >= length) return ~position;
    const next = text[position]!;
    if (next === '+' || next === '-') return this.offsetBased(ctx, text, position, position, 'Z');
    if (length >= position + 2) {
      const second = text[position + 1]!;
      if (ctx.charEquals(next, 'U') && ctx.charEquals(second, 'T')) {
        if (length >= position + 3 && ctx.charEquals(text[position + 2]!, 'C')) return this.offsetBased(ctx, text, position, position + 3, '0');
        return this.offsetBased(ctx, text, position, position + 2, '0');
      }
      if (ctx.charEquals(next, 'G') && length >= position + 3 && ctx.charEquals(second, 'M') && ctx.charEquals(text[position + 2]!, 'T')) {
        if (length >= position + 4 && ctx.charEquals(text[position + 3]!, '0')) {
          ctx.setZone(zoneOf('GMT0'));
          return position + 4;
        }
        return this.offsetBased(ctx, text, position, position + 3, '0');
      }
    }
    let best: [string, string] | undefined;
    for (const id of availableZoneIds()) {
      if (ctx.matches(text, position, id)) {
        best = [id, id];
        break;
      }
    }
    if (this.names) {
      for (const [name, id] of zoneNamesForParsing()) {
        if ((!best || name.length > best[0].length) && ctx.matches(text, position, name)) {
          best = [name, id];
          break;
        }
      }
    }
    if (!best) {
      if (ctx.charEquals(next, 'Z')) {
        ctx.setZone(offsetZone(0));
        return position + 1;
      }
      return ~position;
    }
    ctx.setZone(zoneOf(best[1]));
    return position + best[0].length;
  }

  private offsetBased(ctx: ParseContext, text: string, prefixPos: number, position: number, noOffset: 'Z' | '0'): number {
    const prefix = text.slice(prefixPos, position).toUpperCase();
    if (position >= text.length || text[position] === '0' || ctx.charEquals(text[position]!, 'Z')) {
      ctx.setZone(zoneOf(prefix));
      return position;
    }
    const probe = new ParseContext(ctx.caseSensitive, ctx.week);
    const end = new OffsetPP('+HH:MM:ss', noOffset).parse(probe, text, position);
    if (end < 0) {
      if (noOffset === 'Z') return ~prefixPos;
      ctx.setZone(zoneOf(prefix));
      return position;
    }
    const offset = probe.current.fields.get('OFFSET_SECONDS')!;
    if (prefix === '') {
      ctx.setZone(offsetZone(offset));
    } else {
      try {
        ctx.setZone(zoneOf(offset === 0 ? prefix : prefix + offsetZone(offset).id));
      } catch {
        return ~prefixPos;
      }
    }
    return end;
  }
}

/** `z`, `zzzz`, `v`, `vvvv`: zone names. */
class ZoneTextPP extends ZoneIdPP {
  constructor(
    readonly full: boolean,
    readonly generic: boolean,
  ) {
    super(true);
  }
  override format(ctx: PrintContext, out: string[]): boolean {
    const zone = ctx.zone('zoneId');
    if (!zone) return false;
    // Only zoned date-times carry a zone, so the instant is known.
    out.push(zoneName(zone, ctx.temporal.epochSecond() ?? 0, this.full, this.generic));
    return true;
  }
}

class PadPP implements PrinterParser {
  constructor(
    readonly inner: PrinterParser,
    readonly width: number,
  ) {}
  format(ctx: PrintContext, out: string[]): boolean {
    const buf: string[] = [];
    if (!this.inner.format(ctx, buf)) return false;
    const s = buf.join('');
    if (s.length > this.width) throw new DateTimeError(`Cannot print as output of ${s.length} characters exceeds pad width of ${this.width}`);
    out.push(' '.repeat(this.width - s.length), s);
    return true;
  }
  parse(ctx: ParseContext, text: string, position: number): number {
    if (position === text.length) return ~position;
    const endPos = position + this.width;
    if (endPos > text.length) return ~position;
    let pos = position;
    while (pos < endPos && ctx.charEquals(text[pos]!, ' ')) pos++;
    const result = this.inner.parse(ctx, text.slice(0, endPos), pos);
    if (result !== endPos) return ~(position + pos);
    return result;
  }
}

class CompositePP implements PrinterParser {
  constructor(
    readonly parts: readonly PrinterParser[],
    readonly optional: boolean,
  ) {}
  format(ctx: PrintContext, out: string[]): boolean {
    const mark = out.length;
    if (this.optional) ctx.optional++;
    try {
      for (const p of this.parts) {
        if (!p.format(ctx, out)) {
          out.length = mark;
          return true;
        }
      }
    } finally {
      if (this.optional) ctx.optional--;
    }
    return true;
  }
  parse(ctx: ParseContext, text: string, position: number): number {
    if (this.optional) {
      ctx.startOptional();
      let pos = position;
      for (const p of this.parts) {
        pos = p.parse(ctx, text, pos);
        if (pos < 0) {
          ctx.endOptional(false);
          return position;
        }
      }
      ctx.endOptional(true);
      return pos;
    }
    let pos = position;
    for (const p of this.parts) {
      pos = p.parse(ctx, text, pos);
      if (pos < 0) break;
    }
    return pos;
  }
}

// ---- the pattern compiler -------------------------------------------------------------------

interface Level {
  readonly parent: Level | undefined;
  readonly optional: boolean;
  readonly parts: PrinterParser[];
  valueParserIndex: number;
  padNext: number;
}

class Builder {
  private active: Level = { parent: undefined, optional: false, parts: [], valueParserIndex: -1, padNext: 0 };

  appendInternal(pp: PrinterParser): number {
    let p = pp;
    if (this.active.padNext > 0) {
      p = new PadPP(pp, this.active.padNext);
      this.active.padNext = 0;
    }
    this.active.parts.push(p);
    this.active.valueParserIndex = -1;
    return this.active.parts.length - 1;
  }

  /** Adjacent value parsing: a fixed-width number after another number reserves its width there. */
  appendValue(pp: NumberPP): void {
    const a = this.active;
    const base = a.valueParserIndex >= 0 ? a.parts[a.valueParserIndex] : undefined;
    if (base instanceof NumberPP) {
      const index = a.valueParserIndex;
      if (pp.minWidth === pp.maxWidth && pp.sign === 'NOT_NEGATIVE') {
        a.parts[index] = base.withSubsequentWidth(pp.maxWidth);
        this.appendInternal(pp.withFixedWidth());
        a.valueParserIndex = index;
      } else {
        a.parts[index] = base.withFixedWidth();
        a.valueParserIndex = this.appendInternal(pp);
      }
    } else {
      a.valueParserIndex = this.appendInternal(pp);
    }
  }

  padNext(width: number): void {
    this.active.padNext = width;
  }

  optionalStart(): void {
    this.active.valueParserIndex = -1;
    this.active = { parent: this.active, optional: true, parts: [], valueParserIndex: -1, padNext: 0 };
  }

  optionalEnd(): void {
    const a = this.active;
    if (!a.parent) throw new DateTimeError('Cannot call optionalEnd() as there was no previous call to optionalStart()');
    this.active = a.parent;
    if (a.parts.length > 0) this.appendInternal(new CompositePP(a.parts, a.optional));
  }

  get nested(): boolean {
    return this.active.parent !== undefined;
  }

  build(): CompositePP {
    while (this.active.parent) this.optionalEnd();
    return new CompositePP(this.active.parts, false);
  }
}

const FIELD_LETTERS: Readonly<Record<string, Field>> = {
  G: 'ERA',
  y: 'YEAR_OF_ERA',
  u: 'YEAR',
  Q: 'QUARTER_OF_YEAR',
  q: 'QUARTER_OF_YEAR',
  M: 'MONTH_OF_YEAR',
  L: 'MONTH_OF_YEAR',
  D: 'DAY_OF_YEAR',
  d: 'DAY_OF_MONTH',
  F: 'ALIGNED_DAY_OF_WEEK_IN_MONTH',
  E: 'DAY_OF_WEEK',
  c: 'DAY_OF_WEEK',
  e: 'DAY_OF_WEEK',
  a: 'AMPM_OF_DAY',
  H: 'HOUR_OF_DAY',
  k: 'CLOCK_HOUR_OF_DAY',
  K: 'HOUR_OF_AMPM',
  h: 'CLOCK_HOUR_OF_AMPM',
  m: 'MINUTE_OF_HOUR',
  s: 'SECOND_OF_MINUTE',
  S: 'NANO_OF_SECOND',
  A: 'MILLI_OF_DAY',
  n: 'NANO_OF_SECOND',
  N: 'NANO_OF_DAY',
  g: 'MODIFIED_JULIAN_DAY',
};

function tooMany(ch: string): DateTimeError {
  return new DateTimeError(`Too many pattern letters: ${ch}`);
}

function isLetter(ch: string): boolean {
  return (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z');
}

function parseField(b: Builder, cur: string, count: number, field: Field): void {
  let standalone = false;
  switch (cur) {
    case 'u':
    case 'y':
      if (count === 2) b.appendValue(new ReducedPP(field));
      else if (count < 4) b.appendValue(new NumberPP(field, count, 19, 'NORMAL'));
      else b.appendValue(new NumberPP(field, count, 19, 'EXCEEDS_PAD'));
      return;
    case 'c':
      if (count === 1) {
        b.appendValue(new NumberPP('LOCALIZED_DAY_OF_WEEK', 1, 2, 'NOT_NEGATIVE'));
        return;
      }
      if (count === 2) throw new DateTimeError('Invalid pattern "cc"');
      standalone = true;
      break;
    case 'L':
    case 'q':
      standalone = true;
      break;
  }
  void standalone; // English stand-alone texts equal the format texts
  switch (cur) {
    case 'c':
    case 'L':
    case 'q':
    case 'M':
    case 'Q':
    case 'E':
    case 'e':
      switch (count) {
        case 1:
        case 2:
          if (cur === 'e') b.appendValue(new NumberPP('LOCALIZED_DAY_OF_WEEK', count, 2, 'NOT_NEGATIVE'));
          else if (cur === 'E') b.appendInternal(new TextPP(field, 'SHORT'));
          else if (count === 1) b.appendValue(new NumberPP(field, 1, 19, 'NORMAL'));
          else b.appendValue(new NumberPP(field, 2, 2, 'NOT_NEGATIVE'));
          return;
        case 3:
          b.appendInternal(new TextPP(field, 'SHORT'));
          return;
        case 4:
          b.appendInternal(new TextPP(field, 'FULL'));
          return;
        case 5:
          b.appendInternal(new TextPP(field, 'NARROW'));
          return;
        default:
          throw tooMany(cur);
      }
    case 'a':
      if (count !== 1) throw tooMany(cur);
      b.appendInternal(new TextPP(field, 'SHORT'));
      return;
    case 'G':
      if (count <= 3) b.appendInternal(new TextPP(field, 'SHORT'));
      else if (count === 4) b.appendInternal(new TextPP(field, 'FULL'));
      else if (count === 5) b.appendInternal(new TextPP(field, 'NARROW'));
      else throw tooMany(cur);
      return;
    case 'S':
      if (count > 9) throw new DateTimeError(`Maximum width must be from 1 to 9 inclusive but was ${count}`);
      b.appendValue(new FractionPP(count, count));
      return;
    case 'F':
      if (count !== 1) throw tooMany(cur);
      b.appendValue(new NumberPP(field, 1, 19, 'NORMAL'));
      return;
    case 'd':
    case 'h':
    case 'H':
    case 'k':
    case 'K':
    case 'm':
    case 's':
      if (count === 1) b.appendValue(new NumberPP(field, 1, 19, 'NORMAL'));
      else if (count === 2) b.appendValue(new NumberPP(field, 2, 2, 'NOT_NEGATIVE'));
      else throw tooMany(cur);
      return;
    case 'D':
      if (count === 1) b.appendValue(new NumberPP(field, 1, 19, 'NORMAL'));
      else if (count === 2 || count === 3) b.appendValue(new NumberPP(field, count, 3, 'NOT_NEGATIVE'));
      else throw tooMany(cur);
      return;
    case 'g':
      b.appendValue(new NumberPP(field, count, 19, 'NORMAL'));
      return;
    case 'A':
    case 'n':
    case 'N':
      if (count > 19) throw new DateTimeError(`The minimum width must be from 1 to 19 inclusive but was ${count}`);
      b.appendValue(new NumberPP(field, count, 19, 'NOT_NEGATIVE'));
      return;
    default:
      if (count === 1) b.appendValue(new NumberPP(field, 1, 19, 'NORMAL'));
      else b.appendValue(new NumberPP(field, count, count, 'NOT_NEGATIVE'));
  }
}

function compilePattern(pattern: string): CompositePP {
  const b = new Builder();
  for (let pos = 0; pos < pattern.length; pos++) {
    let cur = pattern[pos]!;
    if (isLetter(cur)) {
      let start = pos++;
      while (pos < pattern.length && pattern[pos] === cur) pos++;
      let count = pos - start;
      if (cur === 'p') {
        let padWidth = 0;
        if (pos < pattern.length) {
          cur = pattern[pos]!;
          if (isLetter(cur)) {
            padWidth = count;
            start = pos++;
            while (pos < pattern.length && pattern[pos] === cur) pos++;
            count = pos - start;
          }
        }
        if (padWidth === 0) throw new DateTimeError(`Pad letter 'p' must be followed by valid pad pattern: ${pattern}`);
        b.padNext(padWidth);
      }
      const field = FIELD_LETTERS[cur];
      if (field) {
        parseField(b, cur, count, field);
      } else if (cur === 'z') {
        if (count > 4) throw tooMany(cur);
        b.appendInternal(new ZoneTextPP(count === 4, false));
      } else if (cur === 'V') {
        if (count !== 2) throw new DateTimeError(`Pattern letter count must be 2: ${cur}`);
        b.appendInternal(new ZoneIdPP(false));
      } else if (cur === 'v') {
        if (count !== 1 && count !== 4) throw new DateTimeError(`Wrong number of  pattern letters: ${cur}`);
        b.appendInternal(new ZoneTextPP(count === 4, true));
      } else if (cur === 'Z') {
        if (count < 4) b.appendInternal(new OffsetPP('+HHMM', '+0000'));
        else if (count === 4) b.appendInternal(new LocalizedOffsetPP(true));
        else if (count === 5) b.appendInternal(new OffsetPP('+HH:MM:ss', 'Z'));
        else throw tooMany(cur);
      } else if (cur === 'O') {
        if (count === 1) b.appendInternal(new LocalizedOffsetPP(false));
        else if (count === 4) b.appendInternal(new LocalizedOffsetPP(true));
        else throw new DateTimeError(`Pattern letter count must be 1 or 4: ${cur}`);
      } else if (cur === 'X' || cur === 'x') {
        if (count > 5) throw tooMany(cur);
        const zero = cur === 'X' ? 'Z' : count === 1 ? '+00' : count % 2 === 0 ? '+0000' : '+00:00';
        b.appendInternal(new OffsetPP(OFFSET_PATTERNS[count + (count === 1 ? 0 : 1)]!, zero));
      } else if (cur === 'W') {
        if (count > 1) throw tooMany(cur);
        b.appendValue(new NumberPP('WEEK_OF_MONTH', 1, 2, 'NOT_NEGATIVE'));
      } else if (cur === 'w') {
        if (count > 2) throw tooMany(cur);
        b.appendValue(new NumberPP('WEEK_OF_WEEK_BASED_YEAR', count, 2, 'NOT_NEGATIVE'));
      } else if (cur === 'Y') {
        if (count === 2) b.appendValue(new ReducedPP('WEEK_BASED_YEAR'));
        else b.appendValue(new NumberPP('WEEK_BASED_YEAR', count, 19, count < 4 ? 'NORMAL' : 'EXCEEDS_PAD'));
      } else {
        throw new DateTimeError(`Unknown pattern letter: ${cur}`);
      }
      pos--;
    } else if (cur === "'") {
      const start = pos++;
      for (; pos < pattern.length; pos++) {
        if (pattern[pos] === "'") {
          if (pos + 1 < pattern.length && pattern[pos + 1] === "'") pos++;
          else break;
        }
      }
      if (pos >= pattern.length) throw new DateTimeError(`Pattern ends with an incomplete string literal: ${pattern}`);
      const str = pattern.slice(start + 1, pos);
      if (str === '') b.appendInternal(new CharLiteral("'"));
      else {
        const lit = str.replace(/''/g, "'");
        b.appendInternal(lit.length === 1 ? new CharLiteral(lit) : new StringLiteral(lit));
      }
    } else if (cur === '[') {
      b.optionalStart();
    } else if (cur === ']') {
      if (!b.nested) throw new DateTimeError('Pattern invalid as it contains ] without previous [');
      b.optionalEnd();
    } else if (cur === '{' || cur === '}' || cur === '#') {
      throw new DateTimeError(`Pattern includes reserved character: '${cur}'`);
    } else {
      b.appendInternal(new CharLiteral(cur));
    }
  }
  return b.build();
}

// ---- formatters -----------------------------------------------------------------------------

export interface FormatterOptions {
  /** DateTimeFormatterBuilder.parseCaseInsensitive. */
  readonly caseInsensitive: boolean;
  /** The locale's week definition (en_US for ofPattern, ROOT for ksqlDB's timestamp parser). */
  readonly week: WeekDef;
}

export class Formatter {
  constructor(
    readonly pattern: string,
    private readonly root: CompositePP,
    readonly options: FormatterOptions,
  ) {}

  format(t: Temporal): string {
    const out: string[] = [];
    this.root.format(new PrintContext(t, this.options.week), out);
    return out.join('');
  }

  /** The fields parsed from the whole text (DateTimeFormatter.parseUnresolved plus the end check). */
  parseFields(text: string): ParsedFields {
    const ctx = new ParseContext(!this.options.caseInsensitive, this.options.week);
    const pos = this.root.parse(ctx, text, 0);
    if (pos < 0) throw new DateTimeError(`Text '${text}' could not be parsed at index ${~pos}`);
    if (pos < text.length) throw new DateTimeError(`Text '${text}' could not be parsed, unparsed text found at index ${pos}`);
    return ctx.current;
  }
}

const caches = new Map<string, Map<string, Formatter | DateTimeError>>();

/** DateTimeFormatter.ofPattern, compiled once per pattern and options (the UDFs cache up to 1000). */
export function formatter(pattern: string, options: FormatterOptions): Formatter {
  const key = `${options.caseInsensitive ? 'i' : 's'}${options.week.firstDay}${options.week.minDays}`;
  let cache = caches.get(key);
  if (!cache) {
    cache = new Map();
    caches.set(key, cache);
  }
  let f = cache.get(pattern);
  if (!f) {
    try {
      f = new Formatter(pattern, compilePattern(pattern), options);
    } catch (err) {
      f = err instanceof DateTimeError ? err : new DateTimeError(String(err));
    }
    if (cache.size >= 1000) cache.clear();
    cache.set(pattern, f);
  }
  if (f instanceof DateTimeError) throw f;
  return f;
}
