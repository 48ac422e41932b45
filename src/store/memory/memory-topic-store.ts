import {
  TopicExistsError,
  type RetentionLimits,
  type TopicConfig,
  type TopicLog,
  type TopicStore,
} from '../topic-log.js';
import { MemoryTopicLog, validateRetention } from './memory-topic-log.js';

/**
 * Default retention per partition: 1,000,000 records and 256 MiB, whichever is reached first.
 * Bounded rather than unlimited so that a forgotten demo generator cannot exhaust the heap; a
 * topic's own `retention` (or the store option) overrides either limit, and Infinity lifts it.
 */
export const DEFAULT_RETENTION: RetentionLimits = Object.freeze({
  maxRecords: 1_000_000,
  maxBytes: 256 * 1024 * 1024,
});

export interface MemoryTopicStoreOptions {
  /** Retention for topics whose config does not set it; missing fields fall back to DEFAULT_RETENTION. */
  readonly defaultRetention?: Partial<RetentionLimits>;
}

/** Topics in a Map (insertion order = creation order). */
export class MemoryTopicStore implements TopicStore {
  private readonly topics = new Map<string, MemoryTopicLog>();
  private readonly defaultRetention: RetentionLimits;
  private isClosed = false;

  constructor(options: MemoryTopicStoreOptions = {}) {
    const given = definedOnly(options.defaultRetention);
    this.defaultRetention = validateRetention({ ...DEFAULT_RETENTION, ...given });
  }

  create(name: string, config: TopicConfig): Promise<TopicLog> {
    try {
      if (this.isClosed) throw new Error('Topic store is closed');
      if (typeof name !== 'string' || name.length === 0) {
        throw new RangeError('Topic name must be a non-empty string');
      }
      if (this.topics.has(name)) throw new TopicExistsError(name);
      const partitions = config.partitions;
      if (!Number.isInteger(partitions) || partitions < 1) {
        throw new RangeError(`Topic ${name}: partitions must be a positive integer, got ${partitions}`);
      }
      const retention = { ...this.defaultRetention, ...definedOnly(config.retention) };
      const log = new MemoryTopicLog(name, partitions, retention);
      this.topics.set(name, log);
      return Promise.resolve(log);
    } catch (err) {
      return Promise.reject(err);
    }
  }

  get(name: string): TopicLog | undefined {
    return this.topics.get(name);
  }

  delete(name: string): Promise<boolean> {
    const log = this.topics.get(name);
    if (log === undefined) return Promise.resolve(false);
    this.topics.delete(name);
    log.markDeleted();
    return Promise.resolve(true);
  }

  list(): TopicLog[] {
    return [...this.topics.values()];
  }

  /** Deletes every topic (closing their cursors); later creates reject. */
  close(): Promise<void> {
    this.isClosed = true;
    for (const log of this.topics.values()) log.markDeleted();
    this.topics.clear();
    return Promise.resolve();
  }
}

/** `{ maxRecords: undefined }` must not override a default. */
function definedOnly(limits: Partial<RetentionLimits> | undefined): Partial<RetentionLimits> {
  const out: { maxRecords?: number; maxBytes?: number } = {};
  if (limits?.maxRecords !== undefined) out.maxRecords = limits.maxRecords;
  if (limits?.maxBytes !== undefined) out.maxBytes = limits.maxBytes;
  return out;
}
