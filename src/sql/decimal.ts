/**
 * Exact decimal numbers, the runtime value of SQL DECIMAL(p, s) (see src/sql/types.ts).
 *
 * Same model as java.math.BigDecimal: value = unscaled × 10^-scale, where scale may be negative
 * (`Decimal.parse('1E+3')` is unscaled 1, scale -3, exactly as in Java). Instances are immutable:
 * every operation returns a new Decimal (or `this` when nothing changes). Arithmetic works on the
 * bigint directly, never through strings.
 *
 * `|scale|` is capped at MAX_SCALE so that a hostile literal such as `1e999999999` fails at parse
 * time instead of making `setScale` allocate a gigabyte-sized bigint.
 */

export type RoundingMode = 'HALF_UP' | 'HALF_EVEN' | 'HALF_DOWN' | 'UP' | 'DOWN' | 'CEILING' | 'FLOOR' | 'UNNECESSARY';

/** Thrown by `Decimal.parse` for text that is not a decimal number (Java: NumberFormatException). */
export class DecimalFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DecimalFormatError';
  }
}

const POW10: bigint[] = [];
for (let i = 0, p = 1n; i <= 64; i++, p *= 10n) POW10.push(p);

function pow10(n: number): bigint {
  return n < POW10.length ? POW10[n]! : 10n ** BigInt(n);
}

function absBig(n: bigint): bigint {
  return n < 0n ? -n : n;
}

/** Whether a truncated quotient q (remainder r ≠ 0, divisor d) moves one step away from zero. */
function roundsAway(mode: RoundingMode, q: bigint, r: bigint, d: bigint, negative: boolean): boolean {
  switch (mode) {
    case 'DOWN':
      return false;
    case 'UP':
      return true;
    case 'CEILING':
      return !negative;
    case 'FLOOR':
      return negative;
    case 'UNNECESSARY':
      throw new RangeError('Rounding necessary');
    default: {
      const twice = absBig(r) * 2n;
      const half = absBig(d);
      if (twice !== half) return twice > half;
      return mode === 'HALF_UP' || (mode === 'HALF_EVEN' && (q & 1n) !== 0n);
    }
  }
}

/** Largest |scale| accepted (BigDecimal allows any int32; we stay far below that). */
const MAX_SCALE = 100_000;

function checkScale(scale: number): void {
  if (!Number.isInteger(scale) || Math.abs(scale) > MAX_SCALE) throw new RangeError(`Decimal scale out of range: ${scale}`);
}

/** n / d rounded by mode (d ≠ 0). */
function divideRounded(n: bigint, d: bigint, mode: RoundingMode): bigint {
  const q = n / d;
  const r = n % d;
  if (r === 0n) return q;
  const negative = n < 0n !== d < 0n;
  if (!roundsAway(mode, q, r, d, negative)) return q;
  return negative ? q - 1n : q + 1n;
}

// sign, integer digits, fraction digits, exponent — the syntax of `new BigDecimal(String)`.
const DECIMAL_SYNTAX = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

export class Decimal {
  static readonly MAX_SCALE = MAX_SCALE;
  static readonly ZERO = new Decimal(0n, 0);
  static readonly ONE = new Decimal(1n, 0);

  readonly unscaled: bigint;
  readonly scale: number;

  constructor(unscaled: bigint, scale = 0) {
    checkScale(scale);
    this.unscaled = unscaled;
    this.scale = scale;
  }

  /**
   * Parses plain or exponent notation with an optional sign, like `new BigDecimal(text)`:
   * `1.10`, `-0.5`, `.5`, `1.`, `+3`, `1.5e-3`, `1E+3`. No surrounding spaces, no NaN/Infinity.
   */
  static parse(text: string): Decimal {
    const m = DECIMAL_SYNTAX.exec(text);
    const intDigits = m?.[2] ?? '';
    const fracDigits = m?.[3] ?? '';
    if (!m || intDigits.length + fracDigits.length === 0) {
      throw new DecimalFormatError(`Invalid decimal: '${text}'`);
    }
    const exponent = m[4] === undefined ? 0 : Number(m[4]);
    const scale = fracDigits.length - exponent;
    if (!(Math.abs(scale) <= Decimal.MAX_SCALE)) {
      throw new DecimalFormatError(`Decimal exponent out of range: '${text}'`);
    }
    const magnitude = BigInt(intDigits + fracDigits);
    return new Decimal(m[1] === '-' ? -magnitude : magnitude, scale);
  }

  /**
   * The decimal written by the shortest round-trip string of x (what `String(x)` prints):
   * `fromNumber(0.1)` is 0.1 (scale 1), `fromNumber(2)` is 2 (scale 0), `fromNumber(1e21)` is
   * 1E+21 (scale -21). The value equals Java's `BigDecimal.valueOf(double)`; the scale can differ,
   * because Java's Double.toString always writes a fractional digit (`2.0` → scale 1).
   * Throws RangeError for NaN and ±Infinity.
   */
  static fromNumber(x: number): Decimal {
    if (Number.isSafeInteger(x)) return new Decimal(BigInt(x), 0);
    if (!Number.isFinite(x)) throw new RangeError(`Not a finite number: ${x}`);
    return Decimal.parse(String(x));
  }

  /** Numeric comparison (-1, 0, 1), ignoring scale: a comparator for sorting. */
  static compare(a: Decimal, b: Decimal): number {
    return a.compareValue(b);
  }

  /** Plain notation keeping the scale, like BigDecimal.toPlainString: `1.10`, `1000`, `-0.5`, `0.000`. */
  toString(): string {
    const { unscaled, scale } = this;
    if (scale === 0) return unscaled.toString();
    if (scale < 0) return unscaled === 0n ? '0' : unscaled.toString() + '0'.repeat(-scale);
    const digits = absBig(unscaled).toString().padStart(scale + 1, '0');
    const point = digits.length - scale;
    const sign = unscaled < 0n ? '-' : '';
    return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
  }

  /** Number of digits of the unscaled value; 0 has precision 1 (BigDecimal.precision). */
  precision(): number {
    return absBig(this.unscaled).toString().length;
  }

  signum(): number {
    return this.unscaled > 0n ? 1 : this.unscaled < 0n ? -1 : 0;
  }

  isZero(): boolean {
    return this.unscaled === 0n;
  }

  negate(): Decimal {
    return new Decimal(-this.unscaled, this.scale);
  }

  abs(): Decimal {
    return this.unscaled < 0n ? this.negate() : this;
  }

  /** The same value with another scale, rounding when digits are dropped (default HALF_UP). */
  setScale(scale: number, rounding: RoundingMode = 'HALF_UP'): Decimal {
    if (scale === this.scale) return this;
    // Before the power of ten, which for a scale far out of range would take minutes to compute.
    checkScale(scale);
    if (scale > this.scale) return new Decimal(this.unscaled * pow10(scale - this.scale), scale);
    return new Decimal(divideRounded(this.unscaled, pow10(this.scale - scale), rounding), scale);
  }

  /** Value and scale both equal, like BigDecimal.equals (so 1.0 is not equal to 1.00). */
  equals(other: unknown): boolean {
    return other instanceof Decimal && other.unscaled === this.unscaled && other.scale === this.scale;
  }

  /** Numeric comparison (-1, 0, 1), ignoring scale, like BigDecimal.compareTo. */
  compareValue(other: Decimal): number {
    const scale = Math.max(this.scale, other.scale);
    const a = this.unscaledAt(scale);
    const b = other.unscaledAt(scale);
    return a < b ? -1 : a > b ? 1 : 0;
  }

  /** Exact sum; the scale is the larger of the two. */
  add(other: Decimal): Decimal {
    if (this.scale === other.scale) return new Decimal(this.unscaled + other.unscaled, this.scale);
    const scale = Math.max(this.scale, other.scale);
    return new Decimal(this.unscaledAt(scale) + other.unscaledAt(scale), scale);
  }

  /** Exact difference; the scale is the larger of the two. */
  subtract(other: Decimal): Decimal {
    if (this.scale === other.scale) return new Decimal(this.unscaled - other.unscaled, this.scale);
    const scale = Math.max(this.scale, other.scale);
    return new Decimal(this.unscaledAt(scale) - other.unscaledAt(scale), scale);
  }

  /** Exact product; the scale is the sum of the two. */
  multiply(other: Decimal): Decimal {
    return new Decimal(this.unscaled * other.unscaled, this.scale + other.scale);
  }

  /** this / other with the given result scale, rounded (default HALF_UP). RangeError on division by zero. */
  divide(other: Decimal, scale: number, rounding: RoundingMode = 'HALF_UP'): Decimal {
    if (other.unscaled === 0n) throw new RangeError('Division by zero');
    const shift = scale - this.scale + other.scale;
    const quotient =
      shift >= 0
        ? divideRounded(this.unscaled * pow10(shift), other.unscaled, rounding)
        : divideRounded(this.unscaled, other.unscaled * pow10(-shift), rounding);
    return new Decimal(quotient, scale);
  }

  /** The nearest double (correctly rounded). */
  toNumber(): number {
    if (this.scale === 0) return Number(this.unscaled);
    return Number(`${this.unscaled}e${-this.scale}`);
  }

  /** The unscaled value at a scale not smaller than this one's. */
  private unscaledAt(scale: number): bigint {
    return scale === this.scale ? this.unscaled : this.unscaled * pow10(scale - this.scale);
  }
}
