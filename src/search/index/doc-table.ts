/**
 * Collects the per-document columns of a segment being written: ids, days, flags, categories
 * and field lengths; `finish` turns them into the segment's typed arrays.
 */
import { FIELD_COUNT } from "../fields.js";
import { LENGTH_OF_CODE, lengthCode } from "../score/length-codes.js";
import { IntList } from "./bytes.js";
import { newIdNumber, OLD_ID } from "./id-codes.js";
import { buildIdSlots, type SegmentArrays } from "./segment.js";

export type DocArrays = Pick<
  SegmentArrays,
  | "idCodes" | "oldIdBytes" | "oldIdOffsets" | "idSlots" | "days" | "flags" | "catOffsets" | "catIds" | "catNameBytes"
  | "catNameOffsets" | "lengthCodes" | "byDay" | "lengthTotals"
>;


export class DocTable {
  readonly ids: string[] = [];
  private readonly days = new IntList();
  private readonly flags = new IntList();
  private readonly catOffsets = new IntList();
  private readonly catIds = new IntList();
  private readonly catNames = new Map<string, number>();
  private readonly lengths = new IntList();
  readonly lengthTotals = new Float64Array(FIELD_COUNT);

  constructor() {
    this.catOffsets.push(0);
  }

  get count() {
    return this.ids.length;
  }

  /** `lengths` are length codes when `coded` (copying from a segment), else positions. */
  add(id: string, day: number, flags: number, categories: readonly string[], lengths: ArrayLike<number>, coded = false): number {
    const doc = this.ids.length;
    this.ids.push(id);
    this.days.push(day);
    this.flags.push(flags);
    for (const name of categories) {
      let cat = this.catNames.get(name);
      if (cat === undefined) {
        cat = this.catNames.size;
        this.catNames.set(name, cat);
      }
      this.catIds.push(cat);
    }
    this.catOffsets.push(this.catIds.length);
    for (let f = 0; f < FIELD_COUNT; f++) {
      const code = coded ? lengths[f]! : lengthCode(lengths[f]!);
      this.lengths.push(code);
      // Totals of the lengths the codes stand for, so every segment's averages agree.
      this.lengthTotals[f]! += LENGTH_OF_CODE[code]!;
    }
    return doc;
  }

  /** Length codes of the docs added so far. */
  lengthCodes(): Uint8Array {
    return Uint8Array.from(this.lengths.data.subarray(0, this.lengths.length));
  }

  averages(): Float64Array {
    return this.lengthTotals.map((total) => (this.count > 0 ? total / this.count : 0));
  }

  finish(lengthCodes: Uint8Array): DocArrays {
    const encoder = new TextEncoder();
    const idCodes = new Uint32Array(this.count);
    const oldIds: string[] = [];
    this.ids.forEach((id, doc) => {
      const n = newIdNumber(id);
      idCodes[doc] = n >= 0 ? n : OLD_ID + oldIds.push(id) - 1;
    });
    const oldIdBytes = encoder.encode(oldIds.join(""));
    const oldIdOffsets = new Uint32Array(oldIds.length + 1);
    oldIds.forEach((id, i) => (oldIdOffsets[i + 1] = oldIdOffsets[i]! + id.length));
    const names = [...this.catNames.keys()];
    const nameBytes = names.map((n) => encoder.encode(n));
    const catNameOffsets = new Uint32Array(names.length + 1);
    nameBytes.forEach((b, i) => (catNameOffsets[i + 1] = catNameOffsets[i]! + b.length));
    const catNameBytes = new Uint8Array(catNameOffsets[names.length]!);
    nameBytes.forEach((b, i) => catNameBytes.set(b, catNameOffsets[i]));
    const days = Uint16Array.from(this.days.data.subarray(0, this.days.length), (d) => (d >= 0 && d <= 0xffff ? d : 0));
    const byDay = Uint32Array.from({ length: this.count }, (_, i) => i).sort((x, y) => days[x]! - days[y]! || x - y);
    return {
      idCodes,
      oldIdBytes,
      oldIdOffsets,
      idSlots: buildIdSlots(this.count, (doc) => this.ids[doc]!),
      days,
      flags: Uint8Array.from(this.flags.data.subarray(0, this.flags.length)),
      catOffsets: Uint32Array.from(this.catOffsets.data.subarray(0, this.catOffsets.length)),
      catIds: Uint16Array.from(this.catIds.data.subarray(0, this.catIds.length)),
      catNameBytes,
      catNameOffsets,
      lengthCodes,
      byDay,
      lengthTotals: Float64Array.from(this.lengthTotals),
    };
  }
}
