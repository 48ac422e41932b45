/**
 * The topics a statement sees. Validation runs against a sandbox that records creations and
 * deletions without touching the store, so a request either runs whole or not at all.
 */
import { KsqlStatementError } from '../errors.js';
import type { TopicStore } from '../store/topic-log.js';

/**
 * Most partitions a statement may give a new topic. Kafka's own bound is the cluster's capacity;
 * the embedded store keeps every partition in memory, so a statement asking for millions is
 * refused instead of exhausting the heap (the topic API has the same bound).
 */
export const MAX_PARTITIONS = 10_000;

/**
 * What the store would refuse, refused by the sandbox too, so that a request fails while it is
 * validated rather than halfway through running: Kafka's rule that a topic name is not empty, and
 * the partition bound above.
 */
function checkNewTopic(name: string, partitions: number): void {
  if (name === '') throw new KsqlStatementError("Invalid topic name '': a topic name must not be empty");
  if (partitions > MAX_PARTITIONS) {
    throw new KsqlStatementError(
      `Invalid value ${partitions} for property PARTITIONS of topic '${name}': at most ${MAX_PARTITIONS} partitions are supported`,
    );
  }
}

export interface TopicView {
  partitionsOf(name: string): number | undefined;
  create(name: string, partitions: number): Promise<void>;
  delete(name: string): Promise<void>;
}

export class StoreTopics implements TopicView {
  constructor(private readonly store: TopicStore) {}

  partitionsOf(name: string): number | undefined {
    return this.store.get(name)?.partitions;
  }

  async create(name: string, partitions: number): Promise<void> {
    checkNewTopic(name, partitions);
    if (!this.store.get(name)) await this.store.create(name, { partitions });
  }

  async delete(name: string): Promise<void> {
    await this.store.delete(name);
  }
}

export class SandboxTopics implements TopicView {
  private readonly created = new Map<string, number>();
  private readonly deleted = new Set<string>();

  constructor(private readonly base: TopicView) {}

  partitionsOf(name: string): number | undefined {
    if (this.deleted.has(name)) return undefined;
    return this.created.get(name) ?? this.base.partitionsOf(name);
  }

  async create(name: string, partitions: number): Promise<void> {
    checkNewTopic(name, partitions);
    this.deleted.delete(name);
    this.created.set(name, partitions);
  }

  async delete(name: string): Promise<void> {
    this.created.delete(name);
    this.deleted.add(name);
  }
}
