/**
 * One query over one segment: cursors for the scored terms, score bounds, and the checks a
 * candidate doc must pass (required terms, phrases, exclusions, filters). The strategies in
 * strategies.ts drive it.
 */
import type { Bm25fContext } from "../score/bm25f.js";
import { boundScale, saturate, tfTilde } from "../score/bm25f.js";
import { PostingsCursor } from "../index/cursor.js";
import type { Segment } from "../index/segment.js";
import type { QueryPlan } from "../query/plan.js";
import { Deadline } from "./deadline.js";
import type { SegmentFilter } from "./filter.js";
import { PhraseMatcher } from "./phrase.js";

interface ResolvedExclusion {
  cursors: PostingsCursor[];
  offsets: number[];
  mask: number;
}

export class SegmentQuery {
  /** False when no doc of the segment can match (a required term is absent). */
  readonly viable: boolean;
  readonly cursors: Array<PostingsCursor | null>;
  /** Upper bound of each scorer's contribution in this segment. */
  readonly bound: Float64Array;
  /** Contributions for the doc being scored. */
  readonly contribution: Float64Array;
  readonly required: number[] = [];
  /** Indexes into `required`, rarest term first. */
  requiredOrder: number[] = [];
  readonly optional: number[] = [];
  private readonly exclusions: ResolvedExclusion[] = [];
  private readonly scale: number;
  /** 1 / the plan's pruneFactor: bounds below the truth make pruning approximate. */
  private readonly boundFactor: number;
  /** Built on the first positional check: its buffers are 8 KB a term, and most queries have no phrase. */
  private phraseMatcher: PhraseMatcher | null = null;
  private readonly longestPhrase: number;
  /** Fields each scorer counts, a bit per field. */
  readonly masks: Int32Array;
  private readonly phraseCursors: PostingsCursor[][];
  /** Phrases or exclusions to check (see passesPositional). */
  readonly positional: boolean;
  /** The segment's field lengths, field by field (Segment.lengthsByField). */
  readonly lengths: Uint8Array;

  constructor(
    readonly seg: Segment,
    readonly plan: QueryPlan,
    readonly ctx: Bm25fContext,
    readonly idf: Float64Array,
    readonly filter: SegmentFilter,
    /** Strategies stop when it passes (see deadline.ts). */
    readonly deadline: Deadline = new Deadline(),
  ) {
    const n = plan.scorers.length;
    this.scale = boundScale(ctx, seg.a.buildAvg);
    const factor = plan.pruneFactor !== undefined && plan.pruneFactor > 1 ? plan.pruneFactor : 1;
    this.boundFactor = 1 / factor;
    this.lengths = seg.lengthsByField;
    this.bound = new Float64Array(n);
    this.contribution = new Float64Array(n);
    this.cursors = plan.scorers.map((s) => {
      const t = seg.findTerm(s.bytes);
      return t < 0 ? null : new PostingsCursor(seg, t);
    });
    let viable = !filter.empty;
    plan.scorers.forEach((s, i) => {
      const cursor = this.cursors[i];
      if (s.required) this.required.push(i);
      else if (cursor) this.optional.push(i);
      if (!cursor) {
        if (s.required) viable = false;
        return;
      }
      let maxTf = 0;
      for (let b = cursor.firstBlock; b < cursor.endBlock; b++) maxTf = Math.max(maxTf, seg.a.blockMaxTf[b]!);
      this.bound[i] = this.boundOf(i, maxTf);
    });
    if (this.required.length === 0 && this.optional.length === 0) viable = false;
    if (viable) this.requiredOrder = this.required.map((_, k) => k).sort((x, y) => this.cursors[this.required[x]!]!.df - this.cursors[this.required[y]!]!.df || x - y);
    this.viable = viable;
    for (const ex of plan.exclusions) {
      const terms = ex.terms.map((bytes) => seg.findTerm(bytes));
      if (terms.every((t) => t >= 0)) this.exclusions.push({ cursors: terms.map((t) => new PostingsCursor(seg, t)), offsets: ex.offsets, mask: ex.mask });
    }
    const longest = Math.max(1, ...plan.phrases.map((p) => p.scorers.length), ...plan.exclusions.map((e) => e.terms.length));
    this.longestPhrase = longest;
    this.masks = Int32Array.from(plan.scorers, (s) => s.mask);
    this.phraseCursors = viable ? plan.phrases.map((p) => p.scorers.map((i) => this.cursors[i]!)) : [];
    this.positional = plan.phrases.length > 0 || this.exclusions.length > 0;
  }

  /** Bound of scorer i's contribution given a tf~ bound computed at build time. */
  boundOf(i: number, maxTf: number): number {
    return this.idf[i]! * saturate(maxTf * this.scale, this.ctx.k1) * this.boundFactor;
  }

  /** Bound of scorer i in the block holding `doc` (its cursor must not be past doc). */
  blockBound(i: number, doc: number): number {
    const cursor = this.cursors[i]!;
    const b = cursor.blockFor(doc);
    return b >= cursor.endBlock ? 0 : this.boundOf(i, cursor.blockMaxTf(b));
  }

  /**
   * Scores scorer i on its cursor's current doc into `contribution[i]`; false when the term is
   * not in the scorer's fields.
   */
  score(i: number, doc: number): boolean {
    return this.scoreCombo(i, doc, this.cursors[i]!.combo());
  }

  /** As `score`, for a posting of scorer i's term read by another cursor (its high list). */
  scoreCombo(i: number, doc: number, combo: number): boolean {
    const mask = this.masks[i]!;
    const seg = this.seg;
    if ((seg.comboMask[combo]! & mask) === 0) return false;
    const f = seg.comboField[combo]!;
    const ctx = this.ctx;
    // One field (the common case): the same arithmetic as tfTilde, without its loop.
    const tf =
      f >= 0
        ? seg.comboFieldTf[combo]! * ctx.norm[f * 256 + this.lengths[f * seg.docCount + doc]!]!
        : tfTilde(ctx, seg.a.comboTf, combo, seg.a.lengthCodes, doc, mask);
    this.contribution[i] = this.idf[i]! * (tf / (ctx.k1 + tf));
    return true;
  }

  /** Every cursor back to its list's start, after a pass that read some docs ahead of the run. */
  resetCursors(): void {
    for (const c of this.cursors) c?.reset();
    for (const ex of this.exclusions) for (const c of ex.cursors) c.reset();
  }

  /** Clears the contributions before scoring the next doc (not needed with a single scorer). */
  reset(): void {
    // A loop, not fill(0): this runs once per doc scored, and TypedArray fill is a call into V8's
    // C++ runtime that the compiler does not inline (1.6% of the engine's time at 2.6M papers).
    const c = this.contribution;
    if (c.length > 1) for (let i = 0; i < c.length; i++) c[i] = 0;
  }

  /** Sum of contributions in scorer order: every strategy adds in this order, so scores are bit-identical. */
  total(): number {
    const c = this.contribution;
    if (c.length === 1) return c[0]!;
    let sum = 0;
    for (let i = 0; i < c.length; i++) sum += c[i]!;
    return sum;
  }

  /** Phrases hold and no exclusion applies (cursors of phrase terms are on `doc`). */
  passesPositional(doc: number): boolean {
    const phrases = this.plan.phrases;
    const matcher = (this.phraseMatcher ??= new PhraseMatcher(this.longestPhrase));
    for (let p = 0; p < phrases.length; p++) {
      const phrase = phrases[p]!;
      if (!matcher.matches(this.phraseCursors[p]!, phrase.offsets, phrase.mask)) return false;
    }
    for (const ex of this.exclusions) {
      let all = true;
      for (const c of ex.cursors) if (c.advance(doc) !== doc || (this.seg.comboMask[c.combo()]! & ex.mask) === 0) all = false;
      if (all && (ex.cursors.length === 1 || matcher.matches(ex.cursors, ex.offsets, ex.mask))) return false;
    }
    return true;
  }
}
