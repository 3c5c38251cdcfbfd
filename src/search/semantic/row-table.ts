/**
 * Paper id → row of the semantic index, for ids that the index already keeps by row.
 * An open-addressing table of row numbers (linear probing, FNV-1a of the id's UTF-16 code
 * units): a slot holds a row, and a row's id is read from `ids`, so the table itself is one
 * Int32Array. A Map of 2.6M ids took some 130 MB of heap beside the ids' strings; this takes 32 MB.
 * The caller keeps its ids and the table in step: `set` once row holds id, `delete` before the
 * row's id changes, and `renumber` when rows move (ids keep their slots: the hash is the id's).
 */

const EMPTY = -1;
/** A deleted entry: probing goes on past it, and an insertion may reuse it. */
const GONE = -2;

function hashOf(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

export class RowTable {
  private slots = new Int32Array(16).fill(EMPTY);
  private count = 0;
  /** Slots not EMPTY (entries and GONE marks): kept under half the table so probes stay short. */
  private used = 0;

  /** `idOf(row)`: the id kept at `row` (read, not copied, so the table holds numbers only). */
  constructor(private readonly idOf: (row: number) => string) {}

  get size(): number {
    return this.count;
  }

  get(id: string): number | undefined {
    const slot = this.find(id);
    return slot < 0 ? undefined : this.slots[slot]!;
  }

  has(id: string): boolean {
    return this.find(id) >= 0;
  }

  /** Maps `id` (which must be ids[row]) to `row`, replacing the row it had. */
  set(id: string, row: number): void {
    const found = this.find(id);
    if (found >= 0) {
      this.slots[found] = row;
      return;
    }
    if (2 * (this.used + 1) > this.slots.length) this.resize();
    const mask = this.slots.length - 1;
    for (let slot = hashOf(id) & mask; ; slot = (slot + 1) & mask) {
      const s = this.slots[slot]!;
      if (s === EMPTY || s === GONE) {
        if (s === EMPTY) this.used++;
        this.slots[slot] = row;
        this.count++;
        return;
      }
    }
  }

  delete(id: string): boolean {
    const slot = this.find(id);
    if (slot < 0) return false;
    this.slots[slot] = GONE;
    this.count--;
    return true;
  }

  /** Every row held becomes `newRow[row]` (call it once the ids are at their new rows). */
  renumber(newRow: Uint32Array): void {
    const slots = this.slots;
    for (let i = 0; i < slots.length; i++) if (slots[i]! >= 0) slots[i] = newRow[slots[i]!]!;
  }

  /** Rows held, in no particular order. */
  *values(): IterableIterator<number> {
    for (const s of this.slots) if (s >= 0) yield s;
  }

  *keys(): IterableIterator<string> {
    for (const row of this.values()) yield this.idOf(row);
  }

  *entries(): IterableIterator<[string, number]> {
    for (const row of this.values()) yield [this.idOf(row), row];
  }

  /** The slot holding `id`, or -1. */
  private find(id: string): number {
    const mask = this.slots.length - 1;
    for (let slot = hashOf(id) & mask; ; slot = (slot + 1) & mask) {
      const s = this.slots[slot]!;
      if (s === EMPTY) return -1;
      if (s >= 0 && this.idOf(s) === id) return slot;
    }
  }

  /** A table twice the entries' need (GONE marks dropped), entries placed again. */
  private resize(): void {
    const old = this.slots;
    let capacity = 16;
    while (capacity < 4 * (this.count + 1)) capacity *= 2;
    this.slots = new Int32Array(capacity).fill(EMPTY);
    this.used = 0;
    const mask = capacity - 1;
    for (const row of old) {
      if (row < 0) continue;
      let slot = hashOf(this.idOf(row)) & mask;
      while (this.slots[slot] !== EMPTY) slot = (slot + 1) & mask;
      this.slots[slot] = row;
      this.used++;
    }
  }
}
