/**
 * Text ⇄ bytes conversions with the JVM's behaviour, which ksqlDB's string and bytes functions
 * inherit:
 * - `String.getBytes(UTF_8)` writes `?` for an unpaired surrogate (Node writes U+FFFD);
 * - `String.getBytes(US_ASCII)` writes `?` for every character (a surrogate pair counts once)
 *   outside ASCII; `new String(bytes, US_ASCII)` reads every byte above 0x7F as U+FFFD;
 * - `new String(bytes, UTF_8)` replaces malformed input with U+FFFD (here the WHATWG decoder:
 *   the same except that an encoded surrogate, ED A0..BF xx, gives three U+FFFD where the JVM
 *   gives one);
 * - hex and Base64 in the flavours the functions use: `javax.xml.bind.DatatypeConverter`
 *   (upper-case output, strict input), Apache commons-codec `Hex` (lower-case output, strict
 *   input) and `Base64` (lenient input), `java.util.Base64` basic (strict input).
 */

const UNPAIRED_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** `s.getBytes(StandardCharsets.UTF_8)`. */
export function javaUtf8Bytes(s: string): Buffer {
  return Buffer.from(s.replace(UNPAIRED_SURROGATE, '?'), 'utf8');
}

/** `new String(bytes, StandardCharsets.UTF_8)`. */
export function javaUtf8String(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
}

/** `s.getBytes(StandardCharsets.US_ASCII)`. */
export function javaAsciiBytes(s: string): Buffer {
  const out: number[] = [];
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    out.push(c < 0x80 ? c : 0x3f);
  }
  return Buffer.from(out);
}

/** `new String(bytes, StandardCharsets.US_ASCII)`. */
export function javaAsciiString(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    out += b < 0x80 ? String.fromCharCode(b) : '\uFFFD';
  }
  return out;
}

const HEX_DIGIT = /^[0-9a-fA-F]*$/;

/** Lower-case hex (commons-codec `Hex.encodeHex`). */
export function hexLower(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
}

/** Upper-case hex (`DatatypeConverter.printHexBinary`). */
export function hexUpper(bytes: Uint8Array): string {
  return hexLower(bytes).toUpperCase();
}

/**
 * Strict hex decoding: an even number of hex digits of either case, anything else throws
 * (`DatatypeConverter.parseHexBinary`, commons-codec `Hex.decodeHex`).
 */
export function hexDecode(s: string): Buffer {
  if (s.length % 2 !== 0) throw new Error('hexBinary needs to be even-length: ' + s);
  if (!HEX_DIGIT.test(s)) throw new Error('contains illegal character for hexBinary: ' + s);
  return Buffer.from(s, 'hex');
}

/** Standard Base64 with padding, no line breaks. */
export function base64Encode(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_STD = new Int16Array(128).fill(-1);
const B64_ANY = new Int16Array(128).fill(-1);
for (let i = 0; i < 64; i++) {
  B64_STD[B64.charCodeAt(i)] = i;
  B64_ANY[B64.charCodeAt(i)] = i;
}
B64_ANY['-'.charCodeAt(0)] = 62;
B64_ANY['_'.charCodeAt(0)] = 63;

/** Packs 6-bit values into bytes, dropping the bits of an incomplete last byte. */
function packSextets(values: readonly number[]): Buffer {
  const out = Buffer.alloc(Math.floor((values.length * 6) / 8));
  let acc = 0;
  let bits = 0;
  let o = 0;
  for (const v of values) {
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
  }
  return out;
}

/**
 * `java.util.Base64.getDecoder().decode(s)`: only the standard alphabet; padding optional but,
 * when present, complete and final; a lone trailing character is an error.
 */
export function base64DecodeStrict(s: string): Buffer {
  const values: number[] = [];
  let i = 0;
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x3d) break;
    const v = c < 128 ? B64_STD[c]! : -1;
    if (v < 0) throw new Error(`Illegal base64 character ${c.toString(16)}`);
    values.push(v);
  }
  const rest = values.length % 4;
  if (i < s.length) {
    // '=' seen: "xx==" or "xxx=" closes the input
    const pad = rest === 2 ? '==' : rest === 3 ? '=' : undefined;
    if (pad === undefined || s.slice(i, i + pad.length) !== pad) throw new Error('Input byte array has wrong 4-byte ending unit');
    if (i + pad.length !== s.length) throw new Error('Input byte array has incorrect ending byte');
  } else if (rest === 1) {
    throw new Error('Last unit does not have enough valid bits');
  }
  return packSextets(values);
}

/**
 * commons-codec `Base64.decodeBase64(s)`: both alphabets, anything else skipped, stops at the
 * first '='; an incomplete last group keeps its whole bytes.
 */
export function base64DecodeLenient(s: string): Buffer {
  const values: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x3d) break;
    const v = c < 128 ? B64_ANY[c]! : -1;
    if (v >= 0) values.push(v);
  }
  return packSextets(values);
}
