/**
 * Reads a whole request body, bounded, and parses it as JSON. Content-Type is never inspected
 * (protocol spec §0.3).
 */
import { badRequest } from '../errors.js';
import type { Exchange } from '../transport/exchange.js';

export const DEFAULT_MAX_BODY_BYTES = 10 * 1024 * 1024;

export async function readBody(exchange: Exchange, maxBytes = DEFAULT_MAX_BODY_BYTES): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of exchange.body) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) throw badRequest(`Request body is larger than the limit of ${maxBytes} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function decodeUtf8(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw badRequest('Invalid JSON in request: the body is not valid UTF-8');
  }
}

/** Parses a JSON request body; malformed JSON gets ksqlDB's `Invalid JSON in request: ...`. */
export function parseJsonBody(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw badRequest(`Invalid JSON in request: ${(err as Error).message}`);
  }
}
