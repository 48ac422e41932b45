/**
 * Query ids as ksqlDB forms them (protocol spec §2.6): transient push queries
 * `transient_<SOURCE>_<positive random long>`, pull queries `query_<epoch millis>`, scalable push
 * queries `SCALABLE_PUSH_QUERY_<uuid>`.
 */
import { randomBytes, randomUUID } from 'node:crypto';

export function transientQueryId(sourceName: string): string {
  const n = randomBytes(8).readBigUInt64BE() & 0x7fffffffffffffffn;
  return `transient_${sourceName}_${n}`;
}

export function pullQueryId(): string {
  return `query_${Date.now()}`;
}

export function scalablePushQueryId(): string {
  return `SCALABLE_PUSH_QUERY_${randomUUID()}`;
}
