/**
 * Java's `Double.toString(double)` in JavaScript (protocol spec §0.1), which is how Jackson writes
 * DOUBLE values.
 *
 * Layout: when 10^-3 <= |x| < 10^7, plain notation with at least one fractional digit (`1.0`,
 * `234.0`, `0.001`, `9999999.0`); otherwise "computerized scientific" `d.dddE±n` with at least one
 * fractional digit, a bare `E` for positive exponents and `E-` for negative ones (`1.0E7`,
 * `1.23456789E8`, `1.0E-4`). Zero is `0.0` / `-0.0`.
 *
 * Digits: JavaScript's Number#toString picks the shortest decimal that rounds back to x (closest
 * to x on ties), which is what JDK 19+ prints (Raffaello Giulietti's algorithm, JDK-4511638). One
 * difference remains in the specification: when a single digit would do, Java picks the closest
 * decimal of *two* digits instead. That only changes the output for subnormals with very few
 * significant bits (Double.MIN_VALUE is `4.9E-324` in Java, `5e-324` in JavaScript), so it is
 * handled there and nowhere else.
 *
 * JDK 8–18 used another algorithm (FloatingDecimal). Compared with JDK 17 on 200,000 doubles
 * (random bit patterns, random decimals, subnormals), the shortest digits differ in 1.2% of the
 * random bit patterns and in none of the others. Nearly all of those differences are integers in
 * [2^53, 2^63), which the old code prints from the exact integer value, dropping at most two
 * "insignificant" digits with rounding (`8.1717599280958416E16` where JDK 19+ prints
 * `8.171759928095842E16`). setJavaDoubleDigits('jdk8-18') reproduces that case exactly (checked
 * on 50,000 more integers); what remains is not reproduced: 3 of the 200,000 (all >= 2^63),
 * about 0.1% of the doubles in [2^63, 2^64), and 5 of the 5,000 smallest subnormals (JDK 17 prints
 * 1.0E-323 where JDK 19+ prints 9.9E-324). Default: 'shortest', identical to JDK 25 on 358,000
 * doubles including all of those.
 */

/** Which JVM's Double.toString digits to reproduce: JDK 19+ ('shortest', default) or JDK 8–18. */
export type JavaDoubleDigits = 'shortest' | 'jdk8-18';
let legacyIntegers = false;

/** Process-wide choice, to match the JVM of the ksqlDB server being replaced. */
export function setJavaDoubleDigits(mode: JavaDoubleDigits): void {
  legacyIntegers = mode === 'jdk8-18';
}

/** Smallest positive normal double: below it a one-digit shortest form may differ from Java's. */
const MIN_NORMAL = 2.2250738585072014e-308;

/** `Double.toString` for every double, including `NaN`, `Infinity`, `-Infinity`. */
export function formatJavaDouble(x: number): string {
  if ((x >= 1e-3 && x < 1e7) || (x <= -1e-3 && x > -1e7)) {
    const s = String(x);
    return Number.isInteger(x) ? s + '.0' : s;
  }
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  if (x !== x) return 'NaN';
  if (x === Infinity) return 'Infinity';
  if (x === -Infinity) return '-Infinity';
  return formatScientific(x);
}

/**
 * A DOUBLE as a JSON value the way ksqlDB's mapper writes it: a number in `Double.toString` form,
 * or the JSON strings `"NaN"`, `"Infinity"`, `"-Infinity"` (Jackson's QUOTE_NON_NUMERIC_NUMBERS).
 */
export function formatJavaDoubleJson(x: number): string {
  return Number.isFinite(x) ? formatJavaDouble(x) : `"${formatJavaDouble(x)}"`;
}

interface Digits {
  /** Significant digits, no leading or trailing zeros (at least one digit). */
  readonly digits: string;
  /** Decimal exponent of the first digit: x = d.ddd × 10^exponent. */
  readonly exponent: number;
}

function formatScientific(x: number): string {
  const abs = Math.abs(x);
  let d = legacyIntegers && abs >= TWO_53 && abs < TWO_63 ? legacyLongDigits(abs) : decimalDigits(String(abs));
  if (d.digits.length === 1 && abs < MIN_NORMAL) d = closestTwoDigits(abs, d);
  const fraction = d.digits.length > 1 ? d.digits.slice(1) : '0';
  return `${x < 0 ? '-' : ''}${d.digits[0]}.${fraction}E${d.exponent}`;
}

/** Java's rule for a one-digit shortest form: the closest two-digit decimal that still rounds to x. */
function closestTwoDigits(abs: number, shortest: Digits): Digits {
  const two = abs.toPrecision(2);
  return Number(two) === abs ? decimalDigits(two) : shortest;
}

const TWO_53 = 2 ** 53;
const TWO_63 = 2 ** 63;
// FloatingDecimal.insignificantDigitsNumber, indexed by binaryExponent - 54 (JDK 8–18).
const INSIGNIFICANT_DIGITS = [0, 0, 0, 0, 1, 1, 1, 2, 2];

/** JDK 8–18 digits of an integer-valued double in [2^53, 2^63) (FloatingDecimal's long path). */
function legacyLongDigits(abs: number): Digits {
  let binExp = 53;
  while (abs >= 2 ** (binExp + 1)) binExp++;
  const insignificant = INSIGNIFICANT_DIGITS[binExp - 54] ?? 0;
  let value = BigInt(abs);
  if (insignificant > 0) {
    const unit = 10n ** BigInt(insignificant);
    const residue = value % unit;
    value /= unit;
    if (residue * 2n >= unit) value++;
  }
  const d = decimalDigits(value.toString());
  return { digits: d.digits, exponent: d.exponent + insignificant };
}

/** Splits a JavaScript number string (`123.45`, `0.00012`, `1.5e-7`, `1e+21`) into digits and exponent. */
function decimalDigits(s: string): Digits {
  const e = s.indexOf('e');
  const mantissa = e < 0 ? s : s.slice(0, e);
  let exponent = e < 0 ? 0 : Number(s.slice(e + 1));
  const dot = mantissa.indexOf('.');
  const intPart = dot < 0 ? mantissa : mantissa.slice(0, dot);
  let digits = dot < 0 ? mantissa : intPart + mantissa.slice(dot + 1);
  exponent += intPart.length - 1;
  let lead = 0;
  while (lead < digits.length - 1 && digits.charCodeAt(lead) === 48) lead++;
  let end = digits.length;
  while (end > lead + 1 && digits.charCodeAt(end - 1) === 48) end--;
  digits = digits.slice(lead, end);
  return { digits, exponent: exponent - lead };
}
