/** Counts the connections the listener has taken on; one past the maximum is not taken on. */
import type { Socket } from 'node:net';

export const DEFAULT_MAX_CONNECTIONS = 10_000;

export class ConnectionLimit {
  private open = 0;

  /** `max` 0: no limit. */
  constructor(private readonly max: number) {}

  /** True, and the socket counted until it closes, while there is room; false past the limit. */
  admit(socket: Socket): boolean {
    if (this.max > 0 && this.open >= this.max) return false;
    this.open++;
    socket.once('close', () => this.open--);
    return true;
  }
}
