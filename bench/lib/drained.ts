/** Resolves when a stream that refused a write has drained, or has closed (then nothing will drain). */
import type { EventEmitter } from 'node:events';

export function drained(stream: EventEmitter): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      stream.off('drain', done);
      stream.off('close', done);
      resolve();
    };
    stream.on('drain', done);
    stream.on('close', done);
  });
}
