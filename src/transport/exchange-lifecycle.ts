/** Close bookkeeping shared by every Exchange implementation. */
import { PendingWrites } from './write-queue.js';

export abstract class ExchangeLifecycle {
  protected readonly writes = new PendingWrites();
  private closeListeners: (() => void)[] = [];
  private isClosed = false;

  get closed(): boolean {
    return this.isClosed;
  }

  onClose(listener: () => void): void {
    if (this.isClosed) queueMicrotask(listener);
    else this.closeListeners.push(listener);
  }

  /** Called by the implementation when its stream or response is gone. */
  protected finish(): void {
    if (this.isClosed) return;
    this.isClosed = true;
    this.writes.releaseAll();
    const listeners = this.closeListeners;
    this.closeListeners = [];
    for (const l of listeners) l();
  }
}

/** Splits a request target into path and query. */
export function splitTarget(target: string): { path: string; query: URLSearchParams } {
  const q = target.indexOf('?');
  return {
    path: q < 0 ? target : target.slice(0, q),
    query: new URLSearchParams(q < 0 ? '' : target.slice(q + 1)),
  };
}
