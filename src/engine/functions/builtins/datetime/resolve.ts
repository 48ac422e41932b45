/**
 * Resolving parsed fields into a date and a time as java.time's Parsed does with the SMART
 * resolver style (the default of DateTimeFormatter.ofPattern): year-of-era becomes the year, a
 * day of month past the month's end is clamped, `hh` needs `a`, hour 24 is the next midnight,
 * minutes and seconds default to zero once the hour is known, and fields that disagree with the
 * resolved date or time are an error.
 */
import {
  checkedEpochDay,
  checkField,
  DateTimeError,
  epochDayOfYearDay,
  fieldDisplayName,
  fromEpochDay,
  isLeap,
  monthLength,
  SECONDS_PER_DAY,
} from './calendar.js';
import { dateField, dateSupports, isTimeField, localizedDayOfWeek, ofWeekBasedYear, ofWeekOfMonth, timeField, type Field, type WeekDef } from './fields.js';
import type { ParsedFields } from './formatter.js';
import { ofLocal, offsetZone, type Zone } from './zones.js';

/** The resolved result of a parse (java.time's Parsed after resolve()). */
export class Resolved {
  constructor(
    readonly fields: Map<Field, number>,
    /** Epoch day, when the fields make a date. */
    readonly date: number | null,
    /** Nanos of day, when the fields make a time. */
    readonly time: number | null,
    /** The zone parsed from a zone ID or name. */
    readonly zone: Zone | null,
    readonly week: WeekDef,
  ) {}

  isSupported(f: Field): boolean {
    return this.fields.has(f) || (this.date !== null && dateSupports(f)) || (this.time !== null && isTimeField(f));
  }

  getLong(f: Field): number {
    const v = this.fields.get(f);
    if (v !== undefined) return v;
    if (this.date !== null) {
      const d = dateField(this.date, f, this.week);
      if (d !== undefined) return d;
    }
    if (this.time !== null) {
      const t = timeField(this.time, f);
      if (t !== undefined) return t;
    }
    throw new DateTimeError(`Unsupported field: ${fieldDisplayName(f)}`);
  }

  /** TemporalQueries.zone(): the parsed zone, else the parsed offset. */
  queryZone(): Zone | null {
    if (this.zone) return this.zone;
    const offset = this.fields.get('OFFSET_SECONDS');
    return offset === undefined ? null : offsetZone(offset);
  }
}

class Resolver {
  private date: number | null = null;
  private time: number | null = null;
  private excessDays = 0;

  constructor(
    private readonly fields: Map<Field, number>,
    private readonly zone: Zone | null,
    private readonly week: WeekDef,
  ) {}

  run(): Resolved {
    this.resolveFields();
    this.resolveTimeLenient();
    this.crossCheck();
    if (this.date !== null && this.time !== null && this.excessDays !== 0) {
      this.date += this.excessDays;
      this.excessDays = 0;
    }
    this.resolveFractional();
    this.resolveInstant();
    return new Resolved(this.fields, this.date, this.time, this.zone, this.week);
  }

  private take(f: Field): number {
    const v = this.fields.get(f)!;
    this.fields.delete(f);
    return v;
  }

  /** Moves a field to another, failing if the target already holds a different value. */
  private update(from: Field, to: Field, value: number): void {
    const old = this.fields.get(to);
    this.fields.set(to, value);
    if (old !== undefined && old !== value) {
      throw new DateTimeError(`Conflict found: ${fieldDisplayName(to)} ${old} differs from ${fieldDisplayName(to)} ${value} while resolving  ${fieldDisplayName(from)}`);
    }
  }

  private setDate(epochDay: number): void {
    if (this.date !== null && this.date !== epochDay) throw new DateTimeError('Conflict found: Fields resolved to two different dates');
    this.date = epochDay;
  }

  private resolveFields(): void {
    this.resolveDateFields();
    this.resolveTimeFields();
    if (this.resolveOtherFields()) {
      this.resolveDateFields();
      this.resolveTimeFields();
    }
  }

  /** IsoChronology.resolveDate (SMART). */
  private resolveDateFields(): void {
    const f = this.fields;
    if (f.has('EPOCH_DAY')) {
      this.setDate(checkField('EPOCH_DAY', this.take('EPOCH_DAY')));
      return;
    }
    if (f.has('PROLEPTIC_MONTH')) {
      const pm = checkField('PROLEPTIC_MONTH', this.take('PROLEPTIC_MONTH'));
      this.update('PROLEPTIC_MONTH', 'MONTH_OF_YEAR', (((pm % 12) + 12) % 12) + 1);
      this.update('PROLEPTIC_MONTH', 'YEAR', Math.floor(pm / 12));
    }
    if (f.has('YEAR_OF_ERA')) {
      const yoe = checkField('YEAR_OF_ERA', this.take('YEAR_OF_ERA'));
      const era = f.get('ERA');
      if (era === undefined) {
        const year = f.get('YEAR');
        this.update('YEAR_OF_ERA', 'YEAR', year === undefined || year > 0 ? yoe : 1 - yoe);
      } else {
        f.delete('ERA');
        if (era === 1) this.update('YEAR_OF_ERA', 'YEAR', yoe);
        else if (era === 0) this.update('YEAR_OF_ERA', 'YEAR', 1 - yoe);
        else throw new DateTimeError(`Invalid value for era: ${era}`);
      }
    } else if (f.has('ERA')) {
      checkField('ERA', f.get('ERA')!);
    }
    if (!f.has('YEAR')) return;
    if (f.has('MONTH_OF_YEAR')) {
      if (f.has('DAY_OF_MONTH')) {
        const y = checkField('YEAR', this.take('YEAR'));
        const m = checkField('MONTH_OF_YEAR', this.take('MONTH_OF_YEAR'));
        let d = checkField('DAY_OF_MONTH', this.take('DAY_OF_MONTH'));
        d = Math.min(d, monthLength(m, isLeap(y)));
        this.setDate(checkedEpochDay(y, m, d));
        return;
      }
      if (f.has('ALIGNED_WEEK_OF_MONTH') && (f.has('ALIGNED_DAY_OF_WEEK_IN_MONTH') || f.has('DAY_OF_WEEK'))) {
        const y = checkField('YEAR', this.take('YEAR'));
        const m = checkField('MONTH_OF_YEAR', this.take('MONTH_OF_YEAR'));
        const aw = checkField('ALIGNED_WEEK_OF_MONTH', this.take('ALIGNED_WEEK_OF_MONTH'));
        const first = checkedEpochDay(y, m, 1);
        let day: number;
        if (f.has('ALIGNED_DAY_OF_WEEK_IN_MONTH')) {
          day = first + (aw - 1) * 7 + (checkField('ALIGNED_DAY_OF_WEEK_IN_MONTH', this.take('ALIGNED_DAY_OF_WEEK_IN_MONTH')) - 1);
        } else {
          const dow = checkField('DAY_OF_WEEK', this.take('DAY_OF_WEEK'));
          const start = first + (aw - 1) * 7;
          day = start + ((((dow - dateField(start, 'DAY_OF_WEEK', this.week)!) % 7) + 7) % 7);
        }
        if (fromEpochDay(day).month !== m) throw new DateTimeError('Strict mode rejected resolved date as it is in a different month');
        this.setDate(day);
        return;
      }
    }
    if (f.has('DAY_OF_YEAR')) {
      const y = checkField('YEAR', this.take('YEAR'));
      this.setDate(epochDayOfYearDay(y, checkField('DAY_OF_YEAR', this.take('DAY_OF_YEAR'))));
      return;
    }
    if (f.has('ALIGNED_WEEK_OF_YEAR') && (f.has('ALIGNED_DAY_OF_WEEK_IN_YEAR') || f.has('DAY_OF_WEEK'))) {
      const y = checkField('YEAR', this.take('YEAR'));
      const aw = checkField('ALIGNED_WEEK_OF_YEAR', this.take('ALIGNED_WEEK_OF_YEAR'));
      const first = checkedEpochDay(y, 1, 1);
      let day: number;
      if (f.has('ALIGNED_DAY_OF_WEEK_IN_YEAR')) {
        day = first + (aw - 1) * 7 + (checkField('ALIGNED_DAY_OF_WEEK_IN_YEAR', this.take('ALIGNED_DAY_OF_WEEK_IN_YEAR')) - 1);
      } else {
        const dow = checkField('DAY_OF_WEEK', this.take('DAY_OF_WEEK'));
        const start = first + (aw - 1) * 7;
        day = start + ((((dow - dateField(start, 'DAY_OF_WEEK', this.week)!) % 7) + 7) % 7);
      }
      if (fromEpochDay(day).year !== y) throw new DateTimeError('Strict mode rejected resolved date as it is in a different year');
      this.setDate(day);
    }
  }

  private resolveTimeFields(): void {
    const f = this.fields;
    if (f.has('CLOCK_HOUR_OF_DAY')) {
      const ch = this.take('CLOCK_HOUR_OF_DAY');
      if (ch !== 0) checkField('CLOCK_HOUR_OF_DAY', ch);
      this.update('CLOCK_HOUR_OF_DAY', 'HOUR_OF_DAY', ch === 24 ? 0 : ch);
    }
    if (f.has('CLOCK_HOUR_OF_AMPM')) {
      const ch = this.take('CLOCK_HOUR_OF_AMPM');
      if (ch !== 0) checkField('CLOCK_HOUR_OF_AMPM', ch);
      this.update('CLOCK_HOUR_OF_AMPM', 'HOUR_OF_AMPM', ch === 12 ? 0 : ch);
    }
    if (f.has('AMPM_OF_DAY') && f.has('HOUR_OF_AMPM')) {
      const ap = checkField('AMPM_OF_DAY', this.take('AMPM_OF_DAY'));
      const hap = checkField('HOUR_OF_AMPM', this.take('HOUR_OF_AMPM'));
      this.update('AMPM_OF_DAY', 'HOUR_OF_DAY', ap * 12 + hap);
    }
    if (f.has('NANO_OF_DAY')) {
      const nod = checkField('NANO_OF_DAY', this.take('NANO_OF_DAY'));
      this.update('NANO_OF_DAY', 'HOUR_OF_DAY', Math.floor(nod / 3_600_000_000_000));
      this.update('NANO_OF_DAY', 'MINUTE_OF_HOUR', Math.floor(nod / 60_000_000_000) % 60);
      this.update('NANO_OF_DAY', 'SECOND_OF_MINUTE', Math.floor(nod / 1_000_000_000) % 60);
      this.update('NANO_OF_DAY', 'NANO_OF_SECOND', nod % 1_000_000_000);
    }
    if (f.has('MICRO_OF_DAY')) {
      const cod = checkField('MICRO_OF_DAY', this.take('MICRO_OF_DAY'));
      this.update('MICRO_OF_DAY', 'SECOND_OF_DAY', Math.floor(cod / 1_000_000));
      this.update('MICRO_OF_DAY', 'MICRO_OF_SECOND', cod % 1_000_000);
    }
    if (f.has('MILLI_OF_DAY')) {
      const lod = checkField('MILLI_OF_DAY', this.take('MILLI_OF_DAY'));
      this.update('MILLI_OF_DAY', 'SECOND_OF_DAY', Math.floor(lod / 1000));
      this.update('MILLI_OF_DAY', 'MILLI_OF_SECOND', lod % 1000);
    }
    if (f.has('SECOND_OF_DAY')) {
      const sod = checkField('SECOND_OF_DAY', this.take('SECOND_OF_DAY'));
      this.update('SECOND_OF_DAY', 'HOUR_OF_DAY', Math.floor(sod / 3600));
      this.update('SECOND_OF_DAY', 'MINUTE_OF_HOUR', Math.floor(sod / 60) % 60);
      this.update('SECOND_OF_DAY', 'SECOND_OF_MINUTE', sod % 60);
    }
    if (f.has('MINUTE_OF_DAY')) {
      const mod = checkField('MINUTE_OF_DAY', this.take('MINUTE_OF_DAY'));
      this.update('MINUTE_OF_DAY', 'HOUR_OF_DAY', Math.floor(mod / 60));
      this.update('MINUTE_OF_DAY', 'MINUTE_OF_HOUR', mod % 60);
    }
    if (f.has('NANO_OF_SECOND')) {
      let nos = checkField('NANO_OF_SECOND', f.get('NANO_OF_SECOND')!);
      if (f.has('MICRO_OF_SECOND')) {
        const cos = checkField('MICRO_OF_SECOND', this.take('MICRO_OF_SECOND'));
        nos = cos * 1000 + (nos % 1000);
        this.update('MICRO_OF_SECOND', 'NANO_OF_SECOND', nos);
      }
      if (f.has('MILLI_OF_SECOND')) {
        const los = checkField('MILLI_OF_SECOND', this.take('MILLI_OF_SECOND'));
        this.update('MILLI_OF_SECOND', 'NANO_OF_SECOND', los * 1_000_000 + (nos % 1_000_000));
      }
    }
    if (f.has('HOUR_OF_DAY') && f.has('MINUTE_OF_HOUR') && f.has('SECOND_OF_MINUTE') && f.has('NANO_OF_SECOND')) {
      this.resolveTime(this.take('HOUR_OF_DAY'), this.take('MINUTE_OF_HOUR'), this.take('SECOND_OF_MINUTE'), this.take('NANO_OF_SECOND'));
    }
  }

  private resolveTime(hod: number, moh: number, som: number, nos: number): void {
    checkField('MINUTE_OF_HOUR', moh);
    checkField('NANO_OF_SECOND', nos);
    let time: number;
    let excess = 0;
    if (hod === 24 && moh === 0 && som === 0 && nos === 0) {
      time = 0;
      excess = 1;
    } else {
      checkField('HOUR_OF_DAY', hod);
      checkField('SECOND_OF_MINUTE', som);
      time = ((hod * 60 + moh) * 60 + som) * 1e9 + nos;
    }
    if (this.time !== null && this.time !== time) throw new DateTimeError('Conflict found: Fields resolved to two different times');
    this.time = time;
    this.excessDays += excess;
  }

  /** The week-based fields, quarter and modified Julian day; true if a field changed. */
  private resolveOtherFields(): boolean {
    const f = this.fields;
    let changed = false;
    if (f.has('MODIFIED_JULIAN_DAY')) {
      this.update('MODIFIED_JULIAN_DAY', 'EPOCH_DAY', this.take('MODIFIED_JULIAN_DAY') - 40_587);
      changed = true;
    }
    if (f.has('LOCALIZED_DAY_OF_WEEK')) {
      const v = this.take('LOCALIZED_DAY_OF_WEEK');
      if (v < 1 || v > 7) throw new DateTimeError(`Invalid value for LocalizedDayOfWeek (valid values 1 - 7): ${v}`);
      f.set('DAY_OF_WEEK', (((this.week.firstDay - 1 + (v - 1)) % 7) + 7) % 7 + 1);
      changed = true;
    }
    if (!f.has('DAY_OF_WEEK')) return changed;
    const localDow = localizedDayOfWeek(checkField('DAY_OF_WEEK', f.get('DAY_OF_WEEK')!), this.week);
    if (f.has('YEAR')) {
      if (f.has('WEEK_OF_MONTH') && f.has('MONTH_OF_YEAR')) {
        const year = checkField('YEAR', f.get('YEAR')!);
        const month = checkField('MONTH_OF_YEAR', f.get('MONTH_OF_YEAR')!);
        const wom = f.get('WEEK_OF_MONTH')!;
        if (wom < 0 || wom > 6) throw new DateTimeError(`Invalid value for WeekOfMonth: ${wom}`);
        const day = ofWeekOfMonth(year, month, wom, localDow, this.week);
        for (const k of ['WEEK_OF_MONTH', 'YEAR', 'MONTH_OF_YEAR', 'DAY_OF_WEEK'] as const) f.delete(k);
        this.setDate(day);
        return true;
      }
    } else if (f.has('WEEK_BASED_YEAR') && f.has('WEEK_OF_WEEK_BASED_YEAR')) {
      const yowby = checkField('YEAR', f.get('WEEK_BASED_YEAR')!);
      const wowby = f.get('WEEK_OF_WEEK_BASED_YEAR')!;
      if (wowby < 1 || wowby > 53) throw new DateTimeError(`Invalid value for WeekOfWeekBasedYear (valid values 1 - 52/53): ${wowby}`);
      const day = ofWeekBasedYear(yowby, wowby, localDow, this.week);
      for (const k of ['WEEK_BASED_YEAR', 'WEEK_OF_WEEK_BASED_YEAR', 'DAY_OF_WEEK'] as const) f.delete(k);
      this.setDate(day);
      return true;
    }
    return changed;
  }

  private resolveTimeLenient(): void {
    const f = this.fields;
    if (this.time === null) {
      if (f.has('MILLI_OF_SECOND')) {
        const los = this.take('MILLI_OF_SECOND');
        if (f.has('MICRO_OF_SECOND')) {
          const cos = los * 1000 + (f.get('MICRO_OF_SECOND')! % 1000);
          this.update('MILLI_OF_SECOND', 'MICRO_OF_SECOND', cos);
          f.delete('MICRO_OF_SECOND');
          f.set('NANO_OF_SECOND', cos * 1000);
        } else {
          f.set('NANO_OF_SECOND', los * 1_000_000);
        }
      } else if (f.has('MICRO_OF_SECOND')) {
        f.set('NANO_OF_SECOND', this.take('MICRO_OF_SECOND') * 1000);
      }
      const hod = f.get('HOUR_OF_DAY');
      if (hod !== undefined) {
        const moh = f.get('MINUTE_OF_HOUR');
        const som = f.get('SECOND_OF_MINUTE');
        const nos = f.get('NANO_OF_SECOND');
        if ((moh === undefined && (som !== undefined || nos !== undefined)) || (moh !== undefined && som === undefined && nos !== undefined)) return;
        this.resolveTime(hod, moh ?? 0, som ?? 0, nos ?? 0);
        for (const k of ['HOUR_OF_DAY', 'MINUTE_OF_HOUR', 'SECOND_OF_MINUTE', 'NANO_OF_SECOND'] as const) f.delete(k);
      }
    }
    for (const [k, v] of f) {
      if (isTimeField(k)) checkField(k, v);
    }
  }

  /** Fields left over must agree with the resolved date and time; those that do are dropped. */
  private crossCheck(): void {
    if (this.date === null && this.time === null) return;
    for (const [k, v] of [...this.fields]) {
      let derived: number | undefined;
      if (this.date !== null && dateSupports(k)) derived = dateField(this.date, k, this.week);
      else if (this.time !== null && isTimeField(k)) derived = timeField(this.time, k);
      if (derived === undefined) continue;
      if (derived !== v) throw new DateTimeError(`Conflict found: Field ${fieldDisplayName(k)} ${derived} differs from ${fieldDisplayName(k)} ${v} derived from the parsed date-time`);
      this.fields.delete(k);
    }
  }

  private resolveFractional(): void {
    const f = this.fields;
    if (this.time === null && (f.has('INSTANT_SECONDS') || f.has('SECOND_OF_DAY') || f.has('SECOND_OF_MINUTE'))) {
      if (f.has('NANO_OF_SECOND')) {
        const nos = f.get('NANO_OF_SECOND')!;
        f.set('MICRO_OF_SECOND', Math.floor(nos / 1000));
        f.set('MILLI_OF_SECOND', Math.floor(nos / 1_000_000));
      } else {
        f.set('NANO_OF_SECOND', 0);
        f.set('MICRO_OF_SECOND', 0);
        f.set('MILLI_OF_SECOND', 0);
      }
    }
  }

  private resolveInstant(): void {
    if (this.date === null || this.time === null) return;
    const local = this.date * SECONDS_PER_DAY + Math.floor(this.time / 1e9);
    const offset = this.fields.get('OFFSET_SECONDS');
    if (offset !== undefined) {
      this.fields.set('INSTANT_SECONDS', local - offset);
    } else if (this.zone) {
      const r = ofLocal(this.zone, local);
      this.fields.set('INSTANT_SECONDS', r.localSecond - r.offset);
    }
  }
}

/** Parsed.resolve with ResolverStyle.SMART. */
export function resolve(parsed: ParsedFields, week: WeekDef): Resolved {
  return new Resolver(new Map(parsed.fields), parsed.zone, week).run();
}
