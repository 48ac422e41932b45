/**
 * Bytes conversions and URL functions (ksqlDB reference: "Scalar functions › Bytes" and
 * "› URLs"; behaviour as in ksqlDB's ToBytes/FromBytes/*FromBytes UDFs over its BytesUtils, and
 * the url UDFs over java.net.URI, URLDecoder and Guava's form escaper).
 */
import type { FunctionRegistry } from '../function-registry.js';
import {
  base64DecodeStrict,
  base64Encode,
  hexDecode,
  hexUpper,
  javaAsciiBytes,
  javaAsciiString,
  javaUtf8Bytes,
  javaUtf8String,
} from './strings/java-charsets.js';
import { formEncode, parseJavaUri, uriDecode, urlDecode, type JavaUri } from './strings/java-uri.js';

type Encoding = 'hex' | 'utf8' | 'ascii' | 'base64';

/** ksqlDB's BytesUtils.Encoding.from: the four names, in any case. */
function encoding(name: string): Encoding {
  const lower = name.toLowerCase();
  if (lower === 'hex' || lower === 'utf8' || lower === 'ascii' || lower === 'base64') return lower;
  throw new Error(`Unknown encoding type '${name}'. Supported formats are 'hex', 'utf8', 'ascii', and 'base64'.`);
}

const TO_BYTES: Record<Encoding, (s: string) => Uint8Array> = {
  hex: hexDecode,
  utf8: javaUtf8Bytes,
  ascii: javaAsciiBytes,
  base64: base64DecodeStrict,
};

const FROM_BYTES: Record<Encoding, (b: Uint8Array) => string> = {
  hex: hexUpper,
  utf8: javaUtf8String,
  ascii: javaAsciiString,
  base64: base64Encode,
};

/** ksqlDB's BytesUtils.byteOrderType: true for little-endian. */
function littleEndian(order: string): boolean {
  const upper = order.toUpperCase();
  if (upper === 'BIG_ENDIAN') return false;
  if (upper === 'LITTLE_ENDIAN') return true;
  throw new Error(`Byte order must be BIG_ENDIAN or LITTLE_ENDIAN. Unknown byte order '${order}'.`);
}

function view(b: Uint8Array, size: number): DataView {
  if (b.length !== size) throw new Error(`Number of bytes must be equal to ${size}, but found ${b.length}`);
  return new DataView(b.buffer, b.byteOffset, b.byteLength);
}

function registerFromBytes(r: FunctionRegistry, name: string, returns: string, description: string, read: (b: Uint8Array, little: boolean) => unknown): void {
  r.register({
    name,
    category: 'CONVERSIONS',
    description,
    overloads: [
      { params: ['BYTES'], returns, impl: (b: Uint8Array) => read(b, false) },
      { params: ['BYTES', 'STRING'], returns, impl: (b: Uint8Array, order: string) => read(b, littleEndian(order)) },
    ],
  });
}

/** `UrlParser.extract`: the URI component, NULL for NULL, an error for an invalid URI. */
function urlFunction(r: FunctionRegistry, name: string, description: string, returns: string, get: (u: JavaUri) => unknown): void {
  r.register({
    name,
    category: 'URL',
    description,
    overloads: [{ params: ['STRING'], returns, impl: (url: string) => get(parseJavaUri(url)) }],
  });
}

function extractParameter(url: string, name: string): string | null {
  const query = uriDecode(parseJavaUri(url).rawQuery);
  if (query === null) return null;
  for (const param of query.split('&')) {
    const eq = param.indexOf('=');
    if (eq < 0) {
      if (param === name) return '';
    } else if (param.slice(0, eq) === name) {
      return param.slice(eq + 1);
    }
  }
  return null;
}

export function registerBytesUrl(r: FunctionRegistry): void {
  r.register({
    name: 'TO_BYTES',
    category: 'STRING',
    description: "Converts a string in the given encoding ('hex', 'utf8', 'ascii' or 'base64') to bytes.",
    overloads: [{ params: ['STRING', 'STRING'], returns: 'BYTES', impl: (s: string, enc: string) => TO_BYTES[encoding(enc)](s) }],
  });
  r.register({
    name: 'FROM_BYTES',
    category: 'STRING',
    description: "Converts bytes to a string in the given encoding ('hex', 'utf8', 'ascii' or 'base64').",
    overloads: [{ params: ['BYTES', 'STRING'], returns: 'STRING', impl: (b: Uint8Array, enc: string) => FROM_BYTES[encoding(enc)](b) }],
  });

  registerFromBytes(r, 'INT_FROM_BYTES', 'INTEGER', 'Reads an INT from exactly 4 bytes, BIG_ENDIAN (default) or LITTLE_ENDIAN.', (b, little) =>
    view(b, 4).getInt32(0, little),
  );
  registerFromBytes(r, 'BIGINT_FROM_BYTES', 'BIGINT', 'Reads a BIGINT from exactly 8 bytes, BIG_ENDIAN (default) or LITTLE_ENDIAN.', (b, little) =>
    view(b, 8).getBigInt64(0, little),
  );
  registerFromBytes(r, 'DOUBLE_FROM_BYTES', 'DOUBLE', 'Reads a DOUBLE from exactly 8 bytes, BIG_ENDIAN (default) or LITTLE_ENDIAN.', (b, little) =>
    view(b, 8).getFloat64(0, little),
  );

  r.register({
    name: 'URL_DECODE_PARAM',
    category: 'URL',
    description: 'Decodes an application/x-www-form-urlencoded value (\'+\' and %XY escapes).',
    overloads: [{ params: ['STRING'], returns: 'STRING', impl: urlDecode }],
  });
  r.register({
    name: 'URL_ENCODE_PARAM',
    category: 'URL',
    description: 'Encodes a value for a URL query parameter (application/x-www-form-urlencoded, space as \'+\').',
    overloads: [{ params: ['STRING'], returns: 'STRING', impl: formEncode }],
  });
  urlFunction(r, 'URL_EXTRACT_FRAGMENT', 'The decoded fragment of a URL, NULL if it has none.', 'STRING', (u) => uriDecode(u.rawFragment));
  urlFunction(r, 'URL_EXTRACT_HOST', 'The host of a URL, NULL if it has no server-based authority.', 'STRING', (u) => u.host);
  urlFunction(r, 'URL_EXTRACT_PATH', 'The decoded path of a URL (empty if it has none, NULL for an opaque URI).', 'STRING', (u) => uriDecode(u.rawPath));
  urlFunction(r, 'URL_EXTRACT_PORT', 'The explicit port of a URL, NULL if it has none.', 'INTEGER', (u) => (u.port < 0 ? null : u.port));
  urlFunction(r, 'URL_EXTRACT_PROTOCOL', 'The scheme of a URL, NULL if it has none.', 'STRING', (u) => u.scheme);
  urlFunction(r, 'URL_EXTRACT_QUERY', 'The decoded query string of a URL, NULL if it has none.', 'STRING', (u) => uriDecode(u.rawQuery));
  r.register({
    name: 'URL_EXTRACT_PARAMETER',
    category: 'URL',
    description: 'The decoded value of a query parameter of a URL: empty when it has no value, NULL when absent.',
    overloads: [{ params: ['STRING', 'STRING'], returns: 'STRING', impl: extractParameter }],
  });
}
