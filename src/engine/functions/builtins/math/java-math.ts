/**
 * Java's floating-point library where JavaScript's differs.
 *
 * On the x86-64 JVMs ksqlDB runs on, Math.log, Math.exp, Math.pow, Math.sin, Math.cos and Math.tan
 * are HotSpot intrinsics whose results are the correctly rounded value in practically every case
 * (ksqlDB's tests expect LN(3) = 1.0986122886681098, the correctly rounded value). V8 computes these
 * with fdlibm, which is off by one unit in the last place for a few percent of arguments
 * (V8: Math.log(3) = 1.0986122886681096). So those six are computed here in double-double
 * arithmetic (about 106 significant bits) and rounded once to the nearest double.
 *
 * The others (asin, acos, atan, atan2, sinh, cosh, tanh, cbrt) are StrictMath's fdlibm algorithms
 * in Java, which V8's Math functions also use: those are taken from Math as they are.
 */

// ---------------------------------------------------------------------------
// Double-double arithmetic: a value is hi + lo with |lo| <= ulp(hi) / 2.

interface DD {
  readonly hi: number;
  readonly lo: number;
}

const SPLITTER = 134217729; // 2^27 + 1, Dekker's split of a double into two 26-bit halves

function dd(hi: number, lo = 0): DD {
  return { hi, lo };
}

/** a + b exactly, as a normalized pair (no condition on the magnitudes). */
function twoSum(a: number, b: number): DD {
  const s = a + b;
  const bb = s - a;
  return { hi: s, lo: a - (s - bb) + (b - bb) };
}

/** a + b exactly, when |a| >= |b|. */
function fastTwoSum(a: number, b: number): DD {
  const s = a + b;
  return { hi: s, lo: b - (s - a) };
}

/** a × b exactly (Dekker), for |a|, |b| well inside the double range. */
function twoProd(a: number, b: number): DD {
  const p = a * b;
  let t = SPLITTER * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLITTER * b;
  const bh = t - (t - b);
  const bl = b - bh;
  return { hi: p, lo: ah * bh - p + ah * bl + al * bh + al * bl };
}

function add(a: DD, b: DD): DD {
  const s = twoSum(a.hi, b.hi);
  const t = twoSum(a.lo, b.lo);
  const u = fastTwoSum(s.hi, s.lo + t.hi);
  return fastTwoSum(u.hi, u.lo + t.lo);
}

function neg(a: DD): DD {
  return { hi: -a.hi, lo: -a.lo };
}

function mul(a: DD, b: DD): DD {
  const p = twoProd(a.hi, b.hi);
  return fastTwoSum(p.hi, p.lo + (a.hi * b.lo + a.lo * b.hi));
}

function mulNum(a: DD, b: number): DD {
  const p = twoProd(a.hi, b);
  return fastTwoSum(p.hi, p.lo + a.lo * b);
}

function div(a: DD, b: DD): DD {
  const q1 = a.hi / b.hi;
  let r = add(a, neg(mulNum(b, q1)));
  const q2 = r.hi / b.hi;
  r = add(r, neg(mulNum(b, q2)));
  const q3 = r.hi / b.hi;
  return add(fastTwoSum(q1, q2), dd(q3));
}

/** The nearest double to a double-double. */
function round(a: DD): number {
  return a.hi + a.lo;
}

// Constants, each to about 106 bits.
const LN2 = dd(0.6931471805599453, 2.3190468138462996e-17);
// π/2 in three parts (about 159 bits) for the trigonometric argument reduction.
const PIO2_1 = 1.5707963267948966;
const PIO2_2 = 6.123233995736766e-17;
const PIO2_3 = -1.4973849048591698e-33;

/** 1/(2k+1) for the atanh series of the logarithm, and 1/n! for the exp, sin and cos series. */
const INV_ODD: DD[] = [];
for (let k = 0; k <= 22; k++) INV_ODD.push(div(dd(1), dd(2 * k + 1)));
const INV_FACT: DD[] = [dd(1)];
for (let n = 1; n <= 30; n++) INV_FACT.push(div(INV_FACT[n - 1]!, dd(n)));

const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer);
// Index of the high 32 bits of a double in U32 (little- or big-endian host).
const HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;

/** [m, e] with x = m × 2^e and 1 <= m < 2, for a positive finite x. */
function frexp(x: number): [number, number] {
  let bias = 0;
  if (x < 2.2250738585072014e-308) {
    x *= 18014398509481984; // 2^54: subnormals become normal
    bias = -54;
  }
  F64[0] = x;
  const hi = U32[HI]!;
  const e = ((hi >>> 20) & 0x7ff) - 1023;
  U32[HI] = (hi & 0x800fffff) | (1023 << 20);
  return [F64[0], e + bias];
}

function pow2(k: number): number {
  return 2 ** k;
}

// ---------------------------------------------------------------------------
// Logarithm and exponential

/** ln(x) as a double-double, for a positive finite x. */
function lnDD(x: number): DD {
  let [m, e] = frexp(x);
  if (m > Math.SQRT2) {
    m /= 2;
    e += 1;
  }
  // ln(m) = 2 atanh(s) = 2 (s + s³/3 + s⁵/5 + ...), s = (m - 1) / (m + 1), |s| <= 0.1716.
  const s = div(dd(m - 1), twoSum(m, 1));
  const s2 = mul(s, s);
  let sum = INV_ODD[21]!;
  for (let k = 20; k >= 0; k--) sum = add(mul(sum, s2), INV_ODD[k]!);
  const lnM = mulNum(mul(s, sum), 2);
  return e === 0 ? lnM : add(mulNum(LN2, e), lnM);
}

/** Java's Math.log. */
export function javaLog(x: number): number {
  if (!(x > 0)) return x === 0 ? -Infinity : NaN;
  if (x === Infinity) return x;
  if (x === 1) return 0;
  return round(lnDD(x));
}

/** e^(a) for a double-double a with |a.hi| <= 746; overflow and underflow as Java's. */
function expOf(a: DD): number {
  if (a.hi > 709.8) return Infinity;
  if (a.hi < -745.2) return 0;
  const k = Math.round(a.hi / LN2.hi);
  // r = a - k ln2, |r| <= 0.35, then e^r = (e^(r/1024))^1024.
  const r = add(a, neg(mulNum(LN2, k)));
  const t = dd(r.hi / 1024, r.lo / 1024);
  let p = INV_FACT[10]!;
  for (let n = 9; n >= 0; n--) p = add(mul(p, t), INV_FACT[n]!);
  for (let i = 0; i < 10; i++) p = mul(p, p);
  // Scale by 2^k in two steps so that neither factor overflows; results in the subnormal range
  // are rounded twice (a last-place difference is possible there).
  const half = k >> 1;
  return round(p) * pow2(half) * pow2(k - half);
}

/** Java's Math.exp. */
export function javaExp(x: number): number {
  if (x !== x) return NaN;
  if (x === 0) return 1;
  return expOf(dd(x));
}

/**
 * Java's Math.pow. The special cases of its specification (NaN, infinities, zeros, ±1, negative
 * bases with non-integer exponents) are those of JavaScript's `**`; `pow(x, 2)` is `x * x` as
 * in HotSpot.
 */
export function javaPow(x: number, y: number): number {
  if (y === 0) return 1;
  if (x !== x || y !== y || !Number.isFinite(x) || !Number.isFinite(y) || x === 0 || x === 1) return x ** y;
  if (y === 1) return x;
  if (y === 2) return x * x;
  let negate = false;
  if (x < 0) {
    if (!Number.isInteger(y)) return NaN;
    negate = Math.abs(y) < 9007199254740992 && y % 2 !== 0;
    x = -x;
  }
  const r = expOf(mulNum(lnDD(x), y));
  return negate ? -r : r;
}

// ---------------------------------------------------------------------------
// Sine, cosine, tangent

/** Beyond this the reduction below is not exact enough; fdlibm (Math.sin, ...) takes over. */
const REDUCTION_LIMIT = 524288; // 2^19

/** [quadrant, r] with x = quadrant × π/2 + r, |r| <= π/4 (about), for |x| < 2^19. */
function reduce(x: number): [number, DD] {
  if (Math.abs(x) <= 0.7853981633974483) return [0, dd(x)];
  const k = Math.round(x / PIO2_1);
  // r = ((x - k p1) - k p2) - k p3, the first two products exact.
  let r = add(dd(x), neg(twoProd(k, PIO2_1)));
  r = add(r, neg(twoProd(k, PIO2_2)));
  r = add(r, dd(-k * PIO2_3));
  return [((k % 4) + 4) % 4, r];
}

function sinDD(r: DD): DD {
  const r2 = mul(r, r);
  // r (1 - r²/3! + r⁴/5! - ...), up to r^26/27!
  let sum = INV_FACT[27]!;
  for (let n = 25; n >= 1; n -= 2) sum = add(INV_FACT[n]!, neg(mul(sum, r2)));
  return mul(r, sum);
}

function cosDD(r: DD): DD {
  const r2 = mul(r, r);
  // 1 - r²/2! + r⁴/4! - ..., up to r^28/28!
  let sum = INV_FACT[28]!;
  for (let n = 26; n >= 0; n -= 2) sum = add(INV_FACT[n]!, neg(mul(sum, r2)));
  return sum;
}

/** Java's Math.sin. */
export function javaSin(x: number): number {
  if (!Number.isFinite(x)) return NaN;
  if (Math.abs(x) < 1e-8) return x; // sin x = x - x³/6 rounds to x
  if (Math.abs(x) >= REDUCTION_LIMIT) return Math.sin(x);
  const [q, r] = reduce(x);
  switch (q) {
    case 0:
      return round(sinDD(r));
    case 1:
      return round(cosDD(r));
    case 2:
      return -round(sinDD(r));
    default:
      return -round(cosDD(r));
  }
}

/** Java's Math.cos. */
export function javaCos(x: number): number {
  if (!Number.isFinite(x)) return NaN;
  if (Math.abs(x) < 1e-8) return 1;
  if (Math.abs(x) >= REDUCTION_LIMIT) return Math.cos(x);
  const [q, r] = reduce(x);
  switch (q) {
    case 0:
      return round(cosDD(r));
    case 1:
      return -round(sinDD(r));
    case 2:
      return -round(cosDD(r));
    default:
      return round(sinDD(r));
  }
}

/** Java's Math.tan. */
export function javaTan(x: number): number {
  if (!Number.isFinite(x)) return NaN;
  if (Math.abs(x) < 1e-8) return x;
  if (Math.abs(x) >= REDUCTION_LIMIT) return Math.tan(x);
  const [q, r] = reduce(x);
  const s = sinDD(r);
  const c = cosDD(r);
  return q % 2 === 0 ? round(div(s, c)) : -round(div(c, s));
}
