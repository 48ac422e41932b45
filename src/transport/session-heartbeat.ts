/**
 * Liveness of HTTP/2 sessions: a session quiet for the interval gets a PING (RFC 9113 §6.7), which
 * every HTTP/2 peer acknowledges on its own. A session whose PING is not acknowledged within the
 * timeout is taken for dead and destroyed, and the requests on it end with it (their push queries
 * close). A session that keeps sending or receiving frames is never pinged.
 */
import type { ServerHttp2Session } from 'node:http2';

export const DEFAULT_PING_INTERVAL_MS = 30_000;
export const DEFAULT_PING_TIMEOUT_MS = 10_000;

export function keepSessionAlive(session: ServerHttp2Session, intervalMs: number, timeoutMs: number): void {
  if (intervalMs <= 0) return;
  const onQuiet = (): void => {
    if (session.destroyed || session.closed) return;
    const deadline = setTimeout(() => session.destroy(), timeoutMs);
    const acknowledged = (err: Error | null): void => {
      clearTimeout(deadline);
      // Node's session timeout fires once; arm it again for the next quiet spell.
      if (!err && !session.destroyed) session.setTimeout(intervalMs, onQuiet);
    };
    try {
      session.ping(acknowledged);
    } catch {
      clearTimeout(deadline);
    }
  };
  session.setTimeout(intervalMs, onQuiet);
}
