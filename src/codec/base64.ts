/**
 * Standard Base64 (RFC 4648 §4: alphabet `+/`, `=` padding, no line breaks), which is Jackson's
 * default variant for `byte[]` / `ByteBuffer` and so the BYTES encoding on the wire (spec §0.1).
 */
export function encodeBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}
