/**
 * Inverts papers into a new segment. Papers are analysed into term ids as they are added;
 * postings gather in flat integer lists (no object per posting) and are sorted by term once,
 * in `finish`. Builders of one bulk build share an Analyzer, so its vocabulary and token memo
 * stay warm across chunks.
 */
import { Analyzer } from "../analyze/analyzer.js";
import { dayNumber } from "../days.js";
import { FIELD_COUNT, FIELD_INDEX, POSITIONAL_FIELDS, type Bm25fParams, type FieldName } from "../fields.js";
import { makeContext } from "../score/bm25f.js";
import { MAX_SEGMENT_DOCS } from "./block-codec.js";
import type { IndexedPaper } from "./chunk-codec.js";
import { IntList } from "./bytes.js";
import { DocTable } from "./doc-table.js";
import { PostingsWriter } from "./postings-writer.js";
import { FIELD_SHIFT, FLAG_HAS_CODE, Segment } from "./segment.js";
import { noSignatures, withSignatures, type OtherPapers } from "./signatures.js";

/** Term frequency kept per field (and positions recorded) at most. */
const MAX_TF = 255;
/** Positions between authors, so a phrase cannot run from one author into the next. */
const AUTHOR_GAP = 2;
/** Combos whose tfs are all below 16 are keyed by a small integer (4 bits a field), others by text. */
const SMALL_TF = 16;

export class SegmentBuilder {
  private readonly docs = new DocTable();
  /** Per term id: the last doc it was seen in (-1: not in this segment) and its slot there. */
  private lastDocOf = new Int32Array(1 << 14).fill(-1);
  private slotOf = new Int32Array(1 << 14);
  private readonly usedTerms = new IntList(1 << 12);
  // The doc being inverted: one slot per distinct term.
  private readonly slotTerm = new IntList(256);
  private slotStart = new Int32Array(257);
  private slotTf = new Int32Array(256 * FIELD_COUNT);
  private readonly occSlot = new IntList(1024);
  private readonly occPos = new IntList(1024);
  private doc = -1;
  private field = 0;
  private positional = true;
  private readonly lengths = new Int32Array(FIELD_COUNT);
  // All postings so far, in doc order; positions of posting p are positions[pPosStart[p], pPosStart[p + 1]).
  private readonly pTerm = new IntList(1 << 14);
  private readonly pDoc = new IntList(1 << 14);
  private readonly pCombo = new IntList(1 << 14);
  private readonly pPosStart = new IntList(1 << 14);
  private readonly positions = new IntList(1 << 15);
  private readonly comboIdOf = new Map<number | string, number>();
  /** Per-field tfs of combo id c at [c * FIELD_COUNT, (c + 1) * FIELD_COUNT). */
  private readonly comboTfs: number[] = [];
  private readonly comboCounts: number[] = [];

  constructor(private readonly analyzer = new Analyzer()) {}

  get count() {
    return this.docs.count;
  }

  private readonly sink = (t: number, position: number) => {
    if (t >= this.lastDocOf.length) this.growTermArrays(t);
    let slot: number;
    if (this.lastDocOf[t] !== this.doc) {
      if (this.lastDocOf[t] === -1) this.usedTerms.push(t);
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
    if (!this.positional) return;
    this.occSlot.push(slot);
    this.occPos.push((this.field << FIELD_SHIFT) | Math.min(position, 0xffff));
  };

  private growTermArrays(t: number) {
    let size = this.lastDocOf.length;
    while (size <= t) size *= 2;
    const lastDoc = new Int32Array(size).fill(-1);
    lastDoc.set(this.lastDocOf);
    this.lastDocOf = lastDoc;
    const slots = new Int32Array(size);
    slots.set(this.slotOf);
    this.slotOf = slots;
  }

  private index(name: FieldName, text: string) {
    this.field = FIELD_INDEX[name];
    this.positional = ((POSITIONAL_FIELDS >> this.field) & 1) === 1;
    this.lengths[this.field]! += this.analyzer.analyze(text, this.sink, this.lengths[this.field]);
  }

  add(paper: IndexedPaper): void {
    if (this.docs.count >= MAX_SEGMENT_DOCS - 1) throw new RangeError(`a segment holds at most ${MAX_SEGMENT_DOCS - 1} papers`);
    this.doc = this.docs.count;
    this.slotTerm.length = 0;
    this.occSlot.length = 0;
    this.occPos.length = 0;
    this.lengths.fill(0);
    this.index("title", paper.title);
    this.index("abstract", paper.abstract);
    for (const author of paper.authors) {
      this.index("authors", author.name);
      this.lengths[FIELD_INDEX.authors]! += AUTHOR_GAP;
    }
    if (paper.authors.length > 0) this.lengths[FIELD_INDEX.authors]! -= AUTHOR_GAP;
    this.index("categories", paper.categories.join(" "));
    if (paper.comments) this.index("comments", paper.comments);
    this.index("id", paper.id);
    this.flushDoc();
    const flags = paper.codeLinks.length > 0 ? FLAG_HAS_CODE : 0;
    this.docs.add(paper.id, dayNumber(paper.announced), flags, paper.categories, this.lengths);
  }

  /** Moves the current doc's slots into the postings lists, positions grouped by slot. */
  private flushDoc() {
    const slots = this.slotTerm.length;
    const occurrences = this.occSlot.length;
    if (this.slotStart.length < slots + 1) this.slotStart = new Int32Array(2 * (slots + 1));
    const start = this.slotStart;
    start.fill(0, 0, slots + 1);
    const occSlot = this.occSlot.data;
    for (let i = 0; i < occurrences; i++) start[occSlot[i]! + 1]!++;
    for (let s = 0; s < slots; s++) start[s + 1]! += start[s]!;
    const base = this.positions.length;
    this.positions.reserve(occurrences);
    const positions = this.positions.data;
    for (let i = 0; i < occurrences; i++) positions[base + start[occSlot[i]!]!++] = this.occPos.data[i]!;
    this.positions.length = base + occurrences;
    // `start` now holds each slot's end; its start is the previous slot's end.
    for (let s = 0; s < slots; s++) {
      const tfs = this.slotTf;
      const at = s * FIELD_COUNT;
      let key: number | string = 0;
      for (let f = FIELD_COUNT - 1; f >= 0 && typeof key === "number"; f--) {
        const tf = tfs[at + f]!;
        key = tf < SMALL_TF ? key * SMALL_TF + tf : tfs.subarray(at, at + FIELD_COUNT).join(",");
      }
      let combo = this.comboIdOf.get(key);
      if (combo === undefined) {
        combo = this.comboCounts.length;
        this.comboIdOf.set(key, combo);
        for (let f = 0; f < FIELD_COUNT; f++) this.comboTfs.push(tfs[at + f]!);
        this.comboCounts.push(0);
      }
      this.comboCounts[combo]!++;
      this.pTerm.push(this.slotTerm.data[s]!);
      this.pDoc.push(this.doc);
      this.pCombo.push(combo);
      this.pPosStart.push(base + (s > 0 ? start[s - 1]! : 0));
    }
  }

  /** Combo codes ranked by frequency, so the common ones pack into few bits. */
  private rankCombos() {
    const ranked = this.comboCounts.map((_, i) => i).sort((x, y) => this.comboCounts[y]! - this.comboCounts[x]! || x - y);
    const codeOf = new Int32Array(ranked.length);
    const comboTf = new Uint8Array(ranked.length * FIELD_COUNT);
    const comboCount = new Uint32Array(ranked.length);
    ranked.forEach((combo, code) => {
      codeOf[combo] = code;
      comboCount[code] = this.comboCounts[combo]!;
      for (let f = 0; f < FIELD_COUNT; f++) comboTf[code * FIELD_COUNT + f] = this.comboTfs[combo * FIELD_COUNT + f]!;
    });
    return { codeOf, comboTf, comboCount };
  }

  /**
   * Builds the segment; the builder must not be used afterwards. `highLists`: false for a chunk
   * that will be merged (the merge picks the lists and signatures). `signatures`: with `others`,
   * the rest of the collection, for their idf (signatures.ts); false when the caller picks them.
   */
  finish(params: Bm25fParams, highLists = true, signatures: { others?: OtherPapers } | false = {}): Segment {
    const lengthCodes = this.docs.lengthCodes();
    const avg = this.docs.averages();
    const { codeOf, comboTf, comboCount } = this.rankCombos();
    const writer = new PostingsWriter(comboTf, comboCount, lengthCodes, makeContext(params, avg), highLists);
    // Postings grouped by term id (counting sort keeps doc order within a term), copied into
    // term order once so that writing reads every array front to back.
    const n = this.pTerm.length;
    const pTerm = this.pTerm.data;
    const terms = this.lastDocOf.length;
    const termStart = new Int32Array(terms + 1);
    for (let i = 0; i < n; i++) termStart[pTerm[i]! + 1]!++;
    for (let t = 0; t < terms; t++) termStart[t + 1]! += termStart[t]!;
    this.pPosStart.push(this.positions.length);
    const { data: docs } = this.pDoc;
    const { data: combos } = this.pCombo;
    const { data: posStart } = this.pPosStart;
    const positions = this.positions.data;
    const sortedDoc = new Int32Array(n);
    const sortedCode = new Int32Array(n);
    const sortedPosEnd = new Int32Array(n);
    // Position counts first, so each posting's positions get their place in term order.
    const fill = termStart.slice(0, terms);
    for (let i = 0; i < n; i++) {
      const k = fill[pTerm[i]!]!++;
      sortedDoc[k] = docs[i]!;
      sortedCode[k] = codeOf[combos[i]!]!;
      sortedPosEnd[k] = posStart[i + 1]! - posStart[i]!;
    }
    for (let k = 1; k < n; k++) sortedPosEnd[k]! += sortedPosEnd[k - 1]!;
    const sortedPositions = new Int32Array(this.positions.length);
    fill.set(termStart.subarray(0, terms));
    for (let i = 0; i < n; i++) {
      const k = fill[pTerm[i]!]!++;
      const to = sortedPosEnd[k]!;
      const from = posStart[i]!;
      const count = posStart[i + 1]! - from;
      for (let j = 0; j < count; j++) sortedPositions[to - count + j] = positions[from + j]!;
    }
    const vocabulary = this.analyzer.vocabulary;
    const sorted = vocabulary.inByteOrder(Array.from(this.usedTerms.data.subarray(0, this.usedTerms.length)));
    for (const t of sorted) {
      writer.beginTerm(vocabulary.bytes(t));
      for (let k = termStart[t]!; k < termStart[t + 1]!; k++) {
        writer.addPosting(sortedDoc[k]!, sortedCode[k]!);
        writer.writePositions(sortedPositions, k > 0 ? sortedPosEnd[k - 1]! : 0, sortedPosEnd[k]!);
      }
      writer.endTerm();
    }
    const seg = new Segment({ ...this.docs.finish(lengthCodes), ...writer.finish(), buildAvg: avg, ...noSignatures() });
    return highLists && signatures ? withSignatures(seg, signatures.others) : seg;
  }
}
