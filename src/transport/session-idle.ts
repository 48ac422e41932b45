/**
 * Idle HTTP/2 sessions: one with no open stream for the idle timeout is closed gracefully with a
 * GOAWAY (RFC 9113 §6.8). A session with any open stream (a push query, an insert stream) is never
 * idle, however quiet the stream is; PINGs do not count as use.
 */
import type { ServerHttp2Session } from 'node:http2';

export const DEFAULT_IDLE_TIMEOUT_MS = 300_000;

export function closeWhenIdle(session: ServerHttp2Session, idleMs: number): void {
  if (idleMs <= 0) return;
  let open = 0;
  // One timer per session, restarted (not re-created) each time the last open stream closes;
  // when it fires while streams are open it does nothing, and the next quiet spell restarts it.
  const timer = setTimeout(() => {
    if (open === 0 && !session.closed) session.close();
  }, idleMs);
  const closed = (): void => {
    if (--open === 0) timer.refresh();
  };
  session.on('stream', (stream) => {
    open++;
    stream.once('close', closed);
  });
  session.once('close', () => clearTimeout(timer));
}
