/**
 * Awaitable writes that never hang: a write resolves when the transport calls back, and every
 * pending write resolves when the exchange closes (the caller checks `closed` afterwards).
 */
export class PendingWrites {
  private readonly pending = new Set<() => void>();

  track(start: (done: () => void) => void): Promise<void> {
    return new Promise<void>((resolve) => {
      const done = (): void => {
        if (this.pending.delete(done)) resolve();
      };
      this.pending.add(done);
      start(done);
    });
  }

  releaseAll(): void {
    for (const done of [...this.pending]) done();
  }
}
