/**
 * Top k when some terms are required: the rarest required term leads, the others leapfrog to
 * its docs. Windows (up to the first end of a required term's block) whose block bounds cannot
 * beat the k-th score are skipped; phrase positions are only decoded for docs that could enter.
 * Once only docs in the required terms' high lists can enter, high-required.ts reads those.
 */
import { intersectFrom, NO_MORE_DOCS, type PostingsCursor } from "../index/cursor.js";
import { SeededDocs } from "./champion-seed.js";
import { highRequiredApplies, requiredHighLists, seedFromHighLists, topKHighRequired } from "./high-required.js";
import { cannotEnter, type RunStats } from "./run-stats.js";
import type { SegmentQuery } from "./segment-query.js";
import type { TopK } from "./top-k.js";

/** The window from `doc` to the first end of a required cursor's block, and a bound for its docs. */
const window = { bound: 0, end: 0 };

function boundWindow(q: SegmentQuery, required: PostingsCursor[], doc: number): void {
  window.end = NO_MORE_DOCS;
  window.bound = 0;
  for (let k = 0; k < required.length; k++) {
    const c = required[k]!;
    const b = c.blockFor(doc);
    if (b >= c.endBlock) {
      window.bound = 0;
      return;
    }
    window.end = Math.min(window.end, c.blockLastDoc(b));
    window.bound += q.boundOf(q.required[q.requiredOrder[k]!]!, c.blockMaxTf(b));
  }
  for (const i of q.optional) window.bound += q.blockBound(i, doc);
}

/**
 * One in this many hopeless docs of a phrase query (whose scores cannot enter the top k) has its
 * positions checked all the same (default 16, ≥ 1): their pass rate estimates how many of the
 * others match. The docs checked for the top k are the strongest, and pass far more often: a
 * count extrapolated from them was about 1.7 times the truth (the median over the search bench's
 * phrases at 1M papers). A smaller value counts better and costs more.
 */
const HOPELESS_SAMPLE = 16;
/** Sampled docs needed before their pass rate is used. */
const MIN_SAMPLE = 16;
/**
 * `exactCountDocs`: a lead term in at most this many docs (default 2,048, ≥ 0) has all of them
 * looked at, every phrase checked, so the count is exact: on a small instance a common phrase's
 * count was an estimate, and the search page (top 20) and the API (top 10) showed different ones.
 * Costs at most about a millisecond of position checks. Tests set 0 so that small corpora take the
 * pruned paths.
 */
export const CONJUNCTIVE = { exactCountDocs: 2_048 };
/**
 * The share of the lead's postings walked before a hand-over to the high lists (0–1, default
 * 1/4): the count of matches is measured on them and extrapolated over the rest. A larger share
 * counts better and saves less; with the seed, 1/8 and 1/4 took the same time on the search
 * bench's phrases and 1/4 counted closer.
 */
const HAND_OVER_SAMPLE = 1 / 4;

export function topKConjunctive(q: SegmentQuery, heap: TopK, base: number): RunStats {
  const required = q.requiredOrder.map((k) => q.cursors[q.required[k]!]!);
  const lead = required[0]!;
  const positional = q.positional;
  // One scored term: its bound is computed like its score (see cannotEnter).
  const single = q.required.length === 1 && q.optional.length === 0;
  const exact = lead.df <= CONJUNCTIVE.exactCountDocs;
  let matched = 0;
  let checked = 0;
  let unchecked = 0;
  // Hopeless docs checked anyway, as a sample for the count (see HOPELESS_SAMPLE), and how many passed.
  let hopelessDocs = 0;
  let sampled = 0;
  let sampledPassed = 0;
  // Docs in windows skipped by their bounds; the count is extrapolated over them.
  let skippedSpan = 0;
  // Docs up to here lie in a window already found worth looking at.
  let checkedUpTo = -1;
  // Required terms that all have high lists: seeded, and handed over once only their docs can
  // enter (not when the count is to be exact).
  const high = exact ? null : requiredHighLists(q);
  const seeded = new SeededDocs(high ? seedFromHighLists(q, heap, base, high) : new Int32Array(0));
  // Lead postings before the hand-over, over which the count is measured; -1 without one.
  let handedOverAt = -1;
  let doc = lead.nextDoc();
  while (doc !== NO_MORE_DOCS) {
    if (q.deadline.passed()) {
      skippedSpan += q.seg.docCount - doc;
      break;
    }
    if (heap.full && doc > checkedUpTo && lead.ordinal >= lead.df * HAND_OVER_SAMPLE && highRequiredApplies(q, heap, high)) {
      handedOverAt = lead.ordinal;
      topKHighRequired(q, heap, base, doc, high, seeded);
      break;
    }
    if (!exact && heap.full && doc > checkedUpTo) {
      boundWindow(q, required, doc);
      const end = window.end;
      if (cannotEnter(window.bound, heap.threshold, single)) {
        skippedSpan += (end === NO_MORE_DOCS ? q.seg.docCount : end + 1) - doc;
        doc = end === NO_MORE_DOCS ? NO_MORE_DOCS : lead.advance(end + 1);
        continue;
      }
      checkedUpTo = end;
    }
    doc = intersectFrom(required, doc);
    if (doc === NO_MORE_DOCS) break;
    if (q.filter.accepts(doc)) {
      q.reset();
      let ok = true;
      let partial = 0;
      for (const i of q.required) {
        if (!q.score(i, doc)) ok = false;
        else partial += q.contribution[i]!;
      }
      if (ok) {
        let bound = partial;
        for (const i of q.optional) bound += q.blockBound(i, doc);
        const hopeless = heap.full && cannotEnter(bound, heap.threshold, single);
        if (!positional) matched++;
        else if (hopeless && !exact) {
          // Not worth decoding positions for the top k; one in HOPELESS_SAMPLE is, for the count.
          if (++hopelessDocs % HOPELESS_SAMPLE !== 0) unchecked++;
          else {
            sampled++;
            if (q.passesPositional(doc)) {
              matched++;
              sampledPassed++;
            }
          }
        } else {
          checked++;
          if (q.passesPositional(doc)) matched++;
          else ok = false;
        }
        if (ok && !hopeless) {
          for (const i of q.optional) if (q.cursors[i]!.advance(doc) === doc) q.score(i, doc);
          if (!seeded.has(doc)) heap.offer(q.total(), base + doc);
        }
      }
    }
    doc = lead.nextDoc();
  }
  if (unchecked === 0 && skippedSpan === 0 && handedOverAt < 0) return { matched, incomplete: false };
  // Unchecked docs pass as often as the sampled ones (docs like them); with too few samples, as
  // often as the docs checked for the top k (or at even odds).
  const checkedPassed = matched - sampledPassed;
  const passRate = sampled >= MIN_SAMPLE ? sampledPassed / sampled : checked > 0 ? checkedPassed / checked : 0.5;
  const guess = matched + unchecked * passRate;
  // Over the docs walked (all of them, or those before the hand-over)…
  const span = handedOverAt < 0 ? q.seg.docCount : doc;
  const walked = (guess * span) / Math.max(1, span - skippedSpan);
  // …then over the rest of the lead's list: every match is a lead doc.
  return { matched, incomplete: true, estimate: handedOverAt < 0 ? walked : (walked * lead.df) / Math.max(1, handedOverAt) };
}
