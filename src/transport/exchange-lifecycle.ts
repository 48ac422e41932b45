/** Close bookkeeping shared by every Exchange implementation. */
import { PendingWrites } from './write-queue.js';

export abstract class ExchangeLifecycle {
  protected readonly writes = new PendingWrites();
  private closeListeners: (() => void)[] = [];
  private isClosed = false;
  bodyLimit: number | undefined = undefined;

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

/** The path of a request target: what comes before its query string. */
export function pathOf(target: string): string {
  const q = target.indexOf('?');
  return q < 0 ? target : target.slice(0, q);
}
