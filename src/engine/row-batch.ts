/** The OutputBatch of the engine: rows plus the encodings sinks have made of them. */
import type { OutputBatch, OutputRow } from './sink.js';

export class RowBatch implements OutputBatch {
  private memo: Map<string, unknown> | undefined;

  constructor(readonly rows: readonly OutputRow[]) {}

  encoded<T>(key: string, encode: (rows: readonly OutputRow[]) => T): T {
    this.memo ??= new Map();
    if (this.memo.has(key)) return this.memo.get(key) as T;
    const value = encode(this.rows);
    this.memo.set(key, value);
    return value;
  }
}
