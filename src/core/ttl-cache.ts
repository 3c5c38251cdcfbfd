/**
 * A bounded map whose entries expire: at most `capacity` entries, the least recently used
 * dropped first, each gone `ttlMs` after it was set (by the injected clock, so tests move time;
 * `Infinity` never expires). A Map keeps insertion order, so re-inserting on use makes its first
 * key the least recent. Used for arXiv's answers, the page cache's once-asked addresses and the
 * analysed texts of highlights.
 */

export class TtlCache<K, V> {
  private readonly entries = new Map<K, { value: V; expires: number }>();

  constructor(
    private readonly capacity: number,
    private readonly clock: { now(): number } = { now: Date.now },
  ) {}

  get(key: K): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    if (entry.expires <= this.clock.now()) return undefined;
    this.entries.set(key, entry);
    return entry.value;
  }

  set(key: K, value: V, ttlMs: number): void {
    this.entries.delete(key);
    if (this.capacity <= 0 || ttlMs <= 0) return;
    this.entries.set(key, { value, expires: this.clock.now() + ttlMs });
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as K);
  }

  get size(): number {
    return this.entries.size;
  }
}
