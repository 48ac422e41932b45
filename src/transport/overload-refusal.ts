/**
 * What a connection past the limit is told, in the protocol it opened with, before it is closed:
 * HTTP/1.1 gets `503 Service Unavailable` with `Retry-After` (RFC 9110 §15.6.4, §10.2.3); HTTP/2
 * gets the server preface (an empty SETTINGS frame, RFC 9113 §3.4) and a GOAWAY with NO_ERROR and
 * last stream 0 (§6.8), which tells the client that none of its requests was processed and all may
 * be retried. Whatever the client still sends is read and dropped so the answer is not lost to a
 * reset.
 */
import type { Socket } from 'node:net';

const FRAME_SETTINGS = 0x4;
const FRAME_GOAWAY = 0x7;
const NO_ERROR = 0x0;
/** How long a refused client may take to read the answer before its socket is destroyed. */
const LINGER_MS = 2000;

export function refuseH1(socket: Socket, body: string): void {
  const head = [
    'HTTP/1.1 503 Service Unavailable',
    'Retry-After: 1',
    'Connection: close',
    `Content-Length: ${Buffer.byteLength(body)}`,
  ];
  finish(socket, Buffer.from(`${head.join('\r\n')}\r\n\r\n${body}`, 'utf8'));
}

export function refuseH2(socket: Socket): void {
  const goaway = Buffer.alloc(8);
  goaway.writeUInt32BE(0, 0);
  goaway.writeUInt32BE(NO_ERROR, 4);
  finish(socket, Buffer.concat([frame(FRAME_SETTINGS, Buffer.alloc(0)), frame(FRAME_GOAWAY, Buffer.concat([goaway, Buffer.from('too many connections')]))]));
}

/** A frame on stream 0 with no flags (RFC 9113 §4.1). */
function frame(type: number, payload: Buffer): Buffer {
  const header = Buffer.alloc(9);
  header.writeUIntBE(payload.length, 0, 3);
  header[3] = type;
  return Buffer.concat([header, payload]);
}

function finish(socket: Socket, answer: Buffer): void {
  socket.on('data', () => undefined);
  socket.on('error', () => undefined);
  socket.resume();
  socket.end(answer);
  setTimeout(() => socket.destroy(), LINGER_MS).unref();
}
