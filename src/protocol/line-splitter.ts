/**
 * Splits a request body into `\n`-terminated lines as chunks arrive, keeping bytes (not
 * strings) until a line is whole so multi-byte characters split across chunks survive. A line
 * longer than `maxLineBytes` is never buffered without bound: the splitter stops at it, hands out
 * the whole lines that came before it, and reports it through `overflow` (set as soon as the
 * line crosses the limit, even if its end never arrives).
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
  private tooLong: LineTooLongError | undefined;

  constructor(private readonly maxLineBytes: number) {}

  /** Set once a line is longer than the limit; nothing after it is split any more. */
  get overflow(): LineTooLongError | undefined {
    return this.tooLong;
  }

  /** The complete lines in this chunk (without their `\n`), up to an over-long one. */
  push(chunk: Buffer): Buffer[] {
    const lines: Buffer[] = [];
    let start = 0;
    for (let nl = chunk.indexOf(10); nl !== -1 && !this.tooLong; nl = chunk.indexOf(10, start)) {
      const line = this.take(chunk.subarray(start, nl));
      if (line) lines.push(line);
      start = nl + 1;
    }
    if (start < chunk.length && !this.tooLong) this.keep(chunk.subarray(start));
    return lines;
  }

  /** What is left at the end of the body: a last line without `\n`, if any. */
  finish(): Buffer | undefined {
    if (this.pendingBytes === 0 || this.tooLong) return undefined;
    return this.take(Buffer.alloc(0));
  }

  private keep(part: Buffer): void {
    this.pendingBytes += part.length;
    if (this.pendingBytes > this.maxLineBytes) this.fail();
    else this.pending.push(part);
  }

  private take(tail: Buffer): Buffer | undefined {
    if (this.pendingBytes + tail.length > this.maxLineBytes) return this.fail();
    if (this.pending.length === 0) return tail;
    const line = Buffer.concat([...this.pending, tail]);
    this.pending = [];
    this.pendingBytes = 0;
    return line;
  }

  private fail(): undefined {
    this.tooLong = new LineTooLongError(this.maxLineBytes);
    this.pending = [];
    this.pendingBytes = 0;
    return undefined;
  }
}
