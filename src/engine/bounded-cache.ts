/**
 * A map that forgets its oldest entries past a fixed size. Used for plans keyed by statement
 * text: a client that sends endless distinct statements costs a bounded amount of memory.
 */
export class BoundedCache<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(private readonly capacity: number) {}

  get(key: K): V | undefined {
    return this.entries.get(key);
  }

  set(key: K, value: V): void {
    if (this.entries.size >= this.capacity && !this.entries.has(key)) {
      this.entries.delete(this.entries.keys().next().value as K);
    }
    this.entries.set(key, value);
  }

  get size(): number {
    return this.entries.size;
  }
}
