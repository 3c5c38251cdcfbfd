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
  readonly optional: number[] = [];
  private readonly exclusions: ResolvedExclusion[] = [];
  private readonly scale: number;
  private readonly phrases: PhraseMatcher;

  constructor(
    readonly seg: Segment,
    readonly plan: QueryPlan,
    readonly ctx: Bm25fContext,
    readonly idf: Float64Array,
    readonly filter: SegmentFilter,
  ) {
    const n = plan.scorers.length;
    this.scale = boundScale(ctx, seg.a.buildAvg);
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
    this.viable = viable;
    for (const ex of plan.exclusions) {
      const terms = ex.terms.map((bytes) => seg.findTerm(bytes));
      if (terms.every((t) => t >= 0)) this.exclusions.push({ cursors: terms.map((t) => new PostingsCursor(seg, t)), offsets: ex.offsets, mask: ex.mask });
    }
    const longest = Math.max(1, ...plan.phrases.map((p) => p.scorers.length), ...plan.exclusions.map((e) => e.terms.length));
    this.phrases = new PhraseMatcher(longest);
  }

  /** Bound of scorer i's contribution given a tf~ bound computed at build time. */
  boundOf(i: number, maxTf: number): number {
    return this.idf[i]! * saturate(maxTf * this.scale, this.ctx.k1) * (1 + 1e-9);
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
    const cursor = this.cursors[i]!;
    const combo = cursor.combo();
    const mask = this.plan.scorers[i]!.mask;
    if ((this.seg.comboMask[combo]! & mask) === 0) return false;
    const tf = tfTilde(this.ctx, this.seg.a.comboTf, combo, this.seg.a.fieldLengths, doc, mask);
    this.contribution[i] = this.idf[i]! * saturate(tf, this.ctx.k1);
    return true;
  }

  /** Sum of contributions in scorer order: every strategy adds in this order, so scores are bit-identical. */
  total(): number {
    let sum = 0;
    for (let i = 0; i < this.contribution.length; i++) sum += this.contribution[i]!;
    return sum;
  }

  /** There are phrases or exclusions to check on positions or postings. */
  get hasPositionalChecks(): boolean {
    return this.plan.phrases.length > 0 || this.exclusions.length > 0;
  }

  /** Phrases hold and no exclusion applies (cursors of phrase terms are on `doc`). */
  passesPositional(doc: number): boolean {
    for (const phrase of this.plan.phrases) {
      const cursors = phrase.scorers.map((i) => this.cursors[i]!);
      if (!this.phrases.matches(cursors, phrase.offsets, phrase.mask)) return false;
    }
    for (const ex of this.exclusions) {
      let all = true;
      for (const c of ex.cursors) if (c.advance(doc) !== doc || (this.seg.comboMask[c.combo()]! & ex.mask) === 0) all = false;
      if (all && (ex.cursors.length === 1 || this.phrases.matches(ex.cursors, ex.offsets, ex.mask))) return false;
    }
    return true;
  }
}
