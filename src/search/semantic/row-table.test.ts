/**
 * RowTable against a Map: any sequence of sets, deletes and renumberings leaves the same
 * id → row pairs, with ids that collide in few slots, growth past many GONE marks, and rows
 * renumbered in place as the semantic index does when it makes its lists.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { RowTable } from "./row-table.js";

type Op = { kind: "add"; id: number } | { kind: "remove"; id: number } | { kind: "renumber" };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 6, arbitrary: fc.nat(60).map((id) => ({ kind: "add" as const, id })) },
  { weight: 3, arbitrary: fc.nat(60).map((id) => ({ kind: "remove" as const, id })) },
  { weight: 1, arbitrary: fc.constant({ kind: "renumber" as const }) },
);

test("RowTable holds what a Map holds after any sequence of adds, removes and renumberings", () => {
  fc.assert(
    fc.property(fc.array(opArb, { maxLength: 400 }), fc.constantFrom("p", "2401.", "ü-"), (ops, prefix) => {
      // As SemanticIndex keeps them: ids by row, a removed row's id left in place.
      let ids: string[] = [];
      const table = new RowTable((row) => ids[row]!);
      const model = new Map<string, number>();
      for (const op of ops) {
        const id = `${prefix}${op.kind === "renumber" ? 0 : op.id}`;
        if (op.kind === "add") {
          table.delete(id);
          ids.push(id);
          table.set(id, ids.length - 1);
          model.set(id, ids.length - 1);
        } else if (op.kind === "remove") {
          assert.equal(table.delete(id), model.delete(id));
        } else {
          // Live rows in id order, removed ones dropped, as SemanticIndex.buildLists moves them.
          const order = [...model.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
          const newRow = new Uint32Array(ids.length);
          order.forEach(([, row], r) => (newRow[row] = r));
          ids = order.map(([kept]) => kept);
          table.renumber(newRow);
          model.clear();
          ids.forEach((kept, row) => model.set(kept, row));
        }
        assert.equal(table.size, model.size);
        for (let i = 0; i <= 60; i++) assert.equal(table.get(`${prefix}${i}`), model.get(`${prefix}${i}`), `${prefix}${i} after ${op.kind}`);
      }
      assert.deepEqual([...table.entries()].sort(), [...model.entries()].sort());
      assert.deepEqual([...table.values()].sort((a, b) => a - b), [...model.values()].sort((a, b) => a - b));
    }),
    { numRuns: 300 },
  );
});

test("RowTable: a million ids found again", () => {
  const ids = Array.from({ length: 1_000_000 }, (_, i) => `${2400 + (i % 100)}.${String(i).padStart(5, "0")}`);
  const table = new RowTable((row) => ids[row]!);
  ids.forEach((id, row) => table.set(id, row));
  assert.equal(table.size, ids.length);
  for (let row = 0; row < ids.length; row += 997) assert.equal(table.get(ids[row]!), row);
  assert.equal(table.get("2400.99999x"), undefined);
});
