import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { TtlCache } from "./ttl-cache.js";

/** The rules spelled out on an array, least recent first: what the Map-based cache must equal. */
class ModelCache {
  entries: Array<{ key: number; value: number; expires: number }> = [];
  constructor(
    private readonly capacity: number,
    private readonly clock: { now(): number },
  ) {}
  get(key: number): number | undefined {
    const at = this.entries.findIndex((e) => e.key === key);
    if (at < 0) return undefined;
    const [entry] = this.entries.splice(at, 1);
    if (entry!.expires <= this.clock.now()) return undefined;
    this.entries.push(entry!);
    return entry!.value;
  }
  set(key: number, value: number, ttlMs: number): void {
    this.entries = this.entries.filter((e) => e.key !== key);
    if (this.capacity <= 0 || ttlMs <= 0) return;
    this.entries.push({ key, value, expires: this.clock.now() + ttlMs });
    while (this.entries.length > this.capacity) this.entries.shift();
  }
}

// Few keys, so that gets, re-inserts and evictions of the same keys meet often.
const op = fc.oneof(
  fc.record({ kind: fc.constant("get" as const), key: fc.integer({ min: 0, max: 12 }) }),
  fc.record({ kind: fc.constant("set" as const), key: fc.integer({ min: 0, max: 12 }), ttl: fc.constantFrom(Infinity, 5, 0) }),
  fc.record({ kind: fc.constant("tick" as const), ms: fc.integer({ min: 1, max: 3 }) }),
);

test("TtlCache keeps, evicts and expires exactly as the least-recently-used rules say", () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 6 }), fc.array(op, { maxLength: 200, size: "max" }), (capacity, ops) => {
      let now = 0;
      const clock = { now: () => now };
      const cache = new TtlCache<number, number>(capacity, clock);
      const model = new ModelCache(capacity, clock);
      ops.forEach((o, i) => {
        if (o.kind === "tick") now += o.ms;
        else if (o.kind === "get") assert.equal(cache.get(o.key), model.get(o.key), `get ${o.key} at step ${i}`);
        else {
          cache.set(o.key, i, o.ttl);
          model.set(o.key, i, o.ttl);
        }
        assert.equal(cache.size, model.entries.length, `size at step ${i}`);
      });
    }),
    { numRuns: 5_000 },
  );
});

test("a key read after evictions began is the newest again, not evicted in its old turn", () => {
  const cache = new TtlCache<string, number>(2);
  cache.set("x", 1, Infinity);
  cache.set("y", 2, Infinity);
  cache.set("w", 3, Infinity); // evicts x
  cache.get("y"); // now w is the oldest
  cache.set("v", 4, Infinity); // evicts w
  assert.deepEqual([cache.get("w"), cache.get("y"), cache.get("v")], [undefined, 2, 4]);
});
