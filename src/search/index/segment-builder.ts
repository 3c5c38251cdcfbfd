/**
 * Inverts papers into a new segment. Papers are analysed as they are added; postings gather in
 * flat integer lists (no object per posting) and are sorted by term once, in `finish`.
 */
import type { Paper } from "../../core/paper.js";
import { analyzeInto } from "../analyze/analyzer.js";
import { dayNumber } from "../days.js";
import { FIELD_COUNT, FIELD_INDEX, type Bm25fParams } from "../fields.js";
import { makeContext } from "../score/bm25f.js";
import { IntList } from "./bytes.js";
import { DocTable } from "./doc-table.js";
import { PostingsWriter } from "./postings-writer.js";
import { FIELD_SHIFT, FLAG_HAS_CODE, Segment } from "./segment.js";

/** Term frequency kept per field (and positions recorded) at most. */
const MAX_TF = 255;
/** Positions between authors, so a phrase cannot run from one author into the next. */
const AUTHOR_GAP = 2;
const TF_BASE = 256;

const encoder = new TextEncoder();

export class SegmentBuilder {
  private readonly docs = new DocTable();
  private readonly dict = new Map<string, number>();
  private readonly terms: string[] = [];
  private lastDocOf = new Int32Array(1024).fill(-1);
  private slotOf = new Int32Array(1024);
  // The doc being inverted: one slot per distinct term.
  private slotTerm = new IntList(256);
  private slotTf = new Int32Array(256 * FIELD_COUNT);
  private readonly occSlot = new IntList(1024);
  private readonly occPos = new IntList(1024);
  private doc = -1;
  private field = 0;
  // All postings so far, in doc order.
  private readonly pTerm = new IntList(1 << 14);
  private readonly pDoc = new IntList(1 << 14);
  private readonly pCombo = new IntList(1 << 14);
  private readonly pPosStart = new IntList(1 << 14);
  private readonly positions = new IntList(1 << 15);
  private readonly comboIdOf = new Map<number, number>();
  private readonly comboKeys: number[] = [];
  private readonly comboCounts: number[] = [];

  get count() {
    return this.docs.count;
  }

  private readonly sink = (term: string, position: number) => {
    let t = this.dict.get(term);
    if (t === undefined) t = this.newTerm(term);
    let slot: number;
    if (this.lastDocOf[t] !== this.doc) {
      this.lastDocOf[t] = this.doc;
      slot = this.slotTerm.length;
      this.slotTerm.push(t);
      if ((slot + 1) * FIELD_COUNT > this.slotTf.length) {
        const grown = new Int32Array(this.slotTf.length * 2);
        grown.set(this.slotTf);
        this.slotTf = grown;
      }
      this.slotTf.fill(0, slot * FIELD_COUNT, (slot + 1) * FIELD_COUNT);
      this.slotOf[t] = slot;
    } else slot = this.slotOf[t]!;
    const tfIndex = slot * FIELD_COUNT + this.field;
    if (this.slotTf[tfIndex]! >= MAX_TF) return;
    this.slotTf[tfIndex]!++;
    this.occSlot.push(slot);
    this.occPos.push((this.field << FIELD_SHIFT) | Math.min(position, 0xffff));
  };

  private newTerm(term: string): number {
    const t = this.terms.length;
    this.dict.set(term, t);
    this.terms.push(term);
    if (t >= this.lastDocOf.length) {
      const lastDoc = new Int32Array(t * 2).fill(-1);
      lastDoc.set(this.lastDocOf);
      this.lastDocOf = lastDoc;
      const slots = new Int32Array(t * 2);
      slots.set(this.slotOf);
      this.slotOf = slots;
    }
    return t;
  }

  add(paper: Paper): void {
    this.doc = this.docs.count;
    this.slotTerm.length = 0;
    this.occSlot.length = 0;
    this.occPos.length = 0;
    const lengths = new Array<number>(FIELD_COUNT).fill(0);
    const index = (fieldName: keyof typeof FIELD_INDEX, text: string) => {
      this.field = FIELD_INDEX[fieldName];
      lengths[this.field]! += analyzeInto(text, this.sink, lengths[this.field]);
    };
    index("title", paper.title);
    index("abstract", paper.abstract);
    for (const author of paper.authors) {
      index("authors", author.name);
      lengths[FIELD_INDEX.authors]! += AUTHOR_GAP;
    }
    if (paper.authors.length > 0) lengths[FIELD_INDEX.authors]! -= AUTHOR_GAP;
    index("categories", paper.categories.join(" "));
    if (paper.comments) index("comments", paper.comments);
    index("id", paper.id);
    this.flushDoc();
    const flags = paper.codeLinks.length > 0 ? FLAG_HAS_CODE : 0;
    this.docs.add(paper.id, dayNumber(paper.announced), flags, paper.categories, lengths);
  }

  /** Moves the current doc's slots into the postings lists, positions grouped by slot. */
  private flushDoc() {
    const slots = this.slotTerm.length;
    const start = new Int32Array(slots + 1);
    for (let i = 0; i < this.occSlot.length; i++) start[this.occSlot.data[i]! + 1]!++;
    for (let s = 0; s < slots; s++) start[s + 1]! += start[s]!;
    const base = this.positions.length;
    for (let i = 0; i < this.occSlot.length; i++) this.positions.push(0);
    const fill = start.slice(0, slots);
    for (let i = 0; i < this.occSlot.length; i++) {
      this.positions.data[base + fill[this.occSlot.data[i]!]!++] = this.occPos.data[i]!;
    }
    for (let s = 0; s < slots; s++) {
      let key = 0;
      for (let f = FIELD_COUNT - 1; f >= 0; f--) key = key * TF_BASE + this.slotTf[s * FIELD_COUNT + f]!;
      let combo = this.comboIdOf.get(key);
      if (combo === undefined) {
        combo = this.comboKeys.length;
        this.comboIdOf.set(key, combo);
        this.comboKeys.push(key);
        this.comboCounts.push(0);
      }
      this.comboCounts[combo]!++;
      this.pTerm.push(this.slotTerm.data[s]!);
      this.pDoc.push(this.doc);
      this.pCombo.push(combo);
      this.pPosStart.push(base + start[s]!);
    }
  }

  /** Builds the segment; the builder must not be used afterwards. */
  finish(params: Bm25fParams): Segment {
    const fieldLengths = this.docs.fieldLengths();
    const avg = this.docs.averages();
    // Combo codes ranked by frequency, so the common ones take one byte.
    const ranked = this.comboKeys.map((_, i) => i).sort((x, y) => this.comboCounts[y]! - this.comboCounts[x]! || x - y);
    const codeOf = new Int32Array(ranked.length);
    const comboTf = new Uint8Array(ranked.length * FIELD_COUNT);
    const comboCount = new Uint32Array(ranked.length);
    ranked.forEach((combo, code) => {
      codeOf[combo] = code;
      comboCount[code] = this.comboCounts[combo]!;
      let key = this.comboKeys[combo]!;
      for (let f = 0; f < FIELD_COUNT; f++) {
        comboTf[code * FIELD_COUNT + f] = key % TF_BASE;
        key = Math.floor(key / TF_BASE);
      }
    });
    const writer = new PostingsWriter(comboTf, comboCount, fieldLengths, makeContext(params, avg));
    // Postings grouped by term (stable: doc order within a term), terms in byte order.
    const termCount = this.terms.length;
    const termStart = new Int32Array(termCount + 1);
    const n = this.pTerm.length;
    for (let i = 0; i < n; i++) termStart[this.pTerm.data[i]! + 1]!++;
    for (let t = 0; t < termCount; t++) termStart[t + 1]! += termStart[t]!;
    const order = new Int32Array(n);
    const fill = termStart.slice(0, termCount);
    for (let i = 0; i < n; i++) order[fill[this.pTerm.data[i]!]!++] = i;
    const termBytes = this.terms.map((term) => encoder.encode(term));
    const sortedTerms = Array.from({ length: termCount }, (_, t) => t).sort((x, y) => Buffer.compare(termBytes[x]!, termBytes[y]!));
    const positionsEnd = (p: number) => (p + 1 < n ? this.pPosStart.data[p + 1]! : this.positions.length);
    for (const t of sortedTerms) {
      writer.beginTerm(termBytes[t]!);
      for (let k = termStart[t]!; k < termStart[t + 1]!; k++) {
        const p = order[k]!;
        writer.addPosting(this.pDoc.data[p]!, codeOf[this.pCombo.data[p]!]!);
        writer.writePositions(this.positions.data, this.pPosStart.data[p]!, positionsEnd(p));
      }
      writer.endTerm();
    }
    return new Segment({ ...this.docs.finish(fieldLengths), ...writer.finish(), buildAvg: avg });
  }
}
