/**
 * A bare HTTP/2 client over a TCP socket, for specs that need a peer node:http2 will not play: one
 * that opens more streams than the server allows, or never acknowledges a PING. It writes frames
 * as RFC 9113 §4.1 lays them out, encodes request headers as HPACK literals without indexing
 * (RFC 7541 §6.2.2), and records every frame the server sends without decoding header blocks.
 */
import net from 'node:net';

export const FrameType = { DATA: 0, HEADERS: 1, RST_STREAM: 3, SETTINGS: 4, PING: 6, GOAWAY: 7, WINDOW_UPDATE: 8 } as const;
const END_STREAM = 0x1;
const ACK = 0x1;
const END_HEADERS = 0x4;
const PREFACE = 'PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n';

export interface Frame {
  readonly type: number;
  readonly flags: number;
  readonly streamId: number;
  readonly payload: Buffer;
}

export interface RawH2Options {
  /** Answer the server's SETTINGS with an ACK (default true). PINGs are never acknowledged. */
  readonly ackSettings?: boolean;
}

export class RawH2 {
  readonly frames: Frame[] = [];
  readonly closed: Promise<void>;
  private buffer = Buffer.alloc(0);
  private waiters: (() => void)[] = [];

  private constructor(
    private readonly socket: net.Socket,
    private readonly options: RawH2Options,
  ) {
    this.closed = new Promise((resolve) => socket.once('close', () => resolve()));
    socket.on('data', (chunk: Buffer) => this.receive(chunk));
    socket.on('error', () => undefined);
    socket.on('close', () => this.wake());
  }

  static connect(port: number, options: RawH2Options = {}): Promise<RawH2> {
    return new Promise((resolve, reject) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        const client = new RawH2(socket, options);
        socket.write(PREFACE);
        client.send(FrameType.SETTINGS, 0, 0, Buffer.alloc(0));
        resolve(client);
      });
      socket.once('error', reject);
    });
  }

  send(type: number, flags: number, streamId: number, payload: Buffer): void {
    const header = Buffer.alloc(9);
    header.writeUIntBE(payload.length, 0, 3);
    header[3] = type;
    header[4] = flags;
    header.writeUInt32BE(streamId, 5);
    this.socket.write(Buffer.concat([header, payload]));
  }

  /** A request's HEADERS; with a body, one DATA frame follows that ends the stream. */
  request(streamId: number, method: string, path: string, body?: string, endStream = true): void {
    const block = encodeHeaders([[':method', method], [':scheme', 'http'], [':authority', 'localhost'], [':path', path]]);
    const ended = body === undefined && endStream;
    this.send(FrameType.HEADERS, END_HEADERS | (ended ? END_STREAM : 0), streamId, block);
    if (body !== undefined) this.send(FrameType.DATA, endStream ? END_STREAM : 0, streamId, Buffer.from(body));
  }

  /** The first frame, received so far or later, that passes `test`. */
  async waitFor(test: (f: Frame) => boolean, timeoutMs = 3000): Promise<Frame> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.frames.find(test);
      if (found) return found;
      if (this.socket.destroyed) throw new Error('connection closed');
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no such frame within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => (clearTimeout(timer), resolve()));
      });
    }
  }

  destroy(): void {
    this.socket.destroy();
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    while (this.buffer.length >= 9) {
      const length = this.buffer.readUIntBE(0, 3);
      if (this.buffer.length < 9 + length) break;
      const frame = { type: this.buffer[3]!, flags: this.buffer[4]!, streamId: this.buffer.readUInt32BE(5) & 0x7fffffff, payload: this.buffer.subarray(9, 9 + length) };
      this.buffer = this.buffer.subarray(9 + length);
      this.frames.push(frame);
      if (frame.type === FrameType.SETTINGS && !(frame.flags & ACK) && this.options.ackSettings !== false) this.send(FrameType.SETTINGS, ACK, 0, Buffer.alloc(0));
    }
    this.wake();
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }
}

/** HPACK literal header fields without indexing, new names, no Huffman coding; short strings only. */
function encodeHeaders(headers: readonly (readonly [string, string])[]): Buffer {
  const parts: Buffer[] = [];
  for (const [name, value] of headers) parts.push(Buffer.from([0x00]), literal(name), literal(value));
  return Buffer.concat(parts);
}

function literal(text: string): Buffer {
  const bytes = Buffer.from(text, 'latin1');
  if (bytes.length >= 127) throw new Error('header strings this long need a multi-byte length');
  return Buffer.concat([Buffer.from([bytes.length]), bytes]);
}

/** The error code of an RST_STREAM or GOAWAY frame. */
export function errorCodeOf(frame: Frame): number {
  return frame.type === FrameType.GOAWAY ? frame.payload.readUInt32BE(4) : frame.payload.readUInt32BE(0);
}
