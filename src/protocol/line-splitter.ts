/**
 * Splits a request body into `\n`-terminated lines as chunks arrive, keeping bytes (not
 * strings) until a line is whole so multi-byte characters split across chunks survive. A line
 * longer than `maxLineBytes` is reported instead of buffered without bound.
 */
export class LineTooLongError extends Error {
  constructor(readonly limit: number) {
    super(`Line is longer than the limit of ${limit} bytes`);
    this.name = 'LineTooLongError';
  }
}

export class LineSplitter {
  private pending: Buffer[] = [];
  private pendingBytes = 0;

  constructor(private readonly maxLineBytes: number) {}

  /** The complete lines in this chunk (without their `\n`). */
  push(chunk: Buffer): Buffer[] {
    const lines: Buffer[] = [];
    let start = 0;
    for (let nl = chunk.indexOf(10); nl !== -1; nl = chunk.indexOf(10, start)) {
      lines.push(this.take(chunk.subarray(start, nl)));
      start = nl + 1;
    }
    if (start < chunk.length) this.keep(chunk.subarray(start));
    return lines;
  }

  /** What is left at the end of the body: a last line without `\n`, if any. */
  finish(): Buffer | undefined {
    if (this.pendingBytes === 0) return undefined;
    return this.take(Buffer.alloc(0));
  }

  private keep(part: Buffer): void {
    this.pendingBytes += part.length;
    if (this.pendingBytes > this.maxLineBytes) throw new LineTooLongError(this.maxLineBytes);
    this.pending.push(part);
  }

  private take(tail: Buffer): Buffer {
    if (this.pendingBytes + tail.length > this.maxLineBytes) throw new LineTooLongError(this.maxLineBytes);
    if (this.pending.length === 0) return tail;
    const line = Buffer.concat([...this.pending, tail]);
    this.pending = [];
    this.pendingBytes = 0;
    return line;
  }
}
