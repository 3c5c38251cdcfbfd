import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { Analyzer } from "../analyze/analyzer.js";
import { DEFAULT_BM25F, FIELD_COUNT, FIELD_INDEX } from "../fields.js";
import { idf } from "../score/bm25f.js";
import { corpusArb, paperArb } from "../testing/random-corpus.js";
import type { Paper } from "../../core/index.js";
import { PostingsCursor, NO_MORE_DOCS } from "./cursor.js";
import { HIGH_LISTS, isHighList } from "./high-lists.js";
import { SegmentBuilder } from "./segment-builder.js";
import { mergeSegments } from "./segment-merge.js";
import type { Segment } from "./segment.js";
import { readSignatureDocs, signatureBytes, SIGNATURES, withSignatures, type OtherPapers } from "./signatures.js";

/** The signature lists as stored: term → docs. */
function stored(seg: Segment): Map<string, number[]> {
  const out = new Map<string, number[]>();
  seg.a.sigTerms.forEach((t, list) => {
    const docs = new Int32Array(signatureBytes(seg.a, list) + 2).fill(-1);
    const n = readSignatureDocs(seg.a, list, docs, 2);
    assert.deepEqual([...docs.subarray(0, 2)], [-1, -1], "written from the index given");
    out.set(seg.term(t), [...docs.subarray(2, 2 + n)]);
  });
  return out;
}

/**
 * The signature lists by their definition, from the postings read through a cursor: each doc's
 * `size` terms of highest count in title and abstract × idf (ties: the lower term), terms held
 * by one paper only left out.
 */
function expected(seg: Segment, size: number, others?: OtherPapers): Map<string, number[]> {
  const byDoc: Array<Array<{ t: number; v: number }>> = Array.from({ length: seg.docCount }, () => []);
  const docCount = seg.docCount + (others?.docCount ?? 0);
  for (let t = 0; t < seg.termCount; t++) {
    if (isHighList(seg.a.termBytes, seg.a.termOffsets, t)) continue;
    const df = seg.df(t) + (others?.df(seg.a.termBytes.subarray(seg.a.termOffsets[t], seg.a.termOffsets[t + 1])) ?? 0);
    if (df <= 1) continue;
    const c = new PostingsCursor(seg, t);
    for (let doc = c.nextDoc(); doc !== NO_MORE_DOCS; doc = c.nextDoc()) {
      const at = c.combo() * FIELD_COUNT;
      const tf = seg.a.comboTf[at + FIELD_INDEX.title]! + seg.a.comboTf[at + FIELD_INDEX.abstract]!;
      if (tf > 0) byDoc[doc]!.push({ t, v: Math.fround(tf * idf(docCount, df)) });
    }
  }
  const out = new Map<string, number[]>();
  byDoc.forEach((terms, doc) => {
    for (const { t } of terms.sort((a, b) => b.v - a.v || a.t - b.t).slice(0, size)) {
      const term = seg.term(t);
      out.set(term, [...(out.get(term) ?? []), doc]);
    }
  });
  return new Map([...out].sort(([a], [b]) => (Buffer.from(a) < Buffer.from(b) ? -1 : 1)));
}

function build(papers: readonly Paper[], others?: OtherPapers): Segment {
  const builder = new SegmentBuilder(new Analyzer());
  for (const p of papers) builder.add(p);
  return builder.finish(DEFAULT_BM25F, true, { others });
}

function withSettings(size: number, body: () => void) {
  const saved = { signatures: { ...SIGNATURES }, high: { ...HIGH_LISTS } };
  // High lists present, so that they are seen to be skipped.
  Object.assign(HIGH_LISTS, { minDf: 4, share: 0.25 });
  Object.assign(SIGNATURES, { size });
  try {
    body();
  } finally {
    Object.assign(SIGNATURES, saved.signatures);
    Object.assign(HIGH_LISTS, saved.high);
  }
}

test("signatures: each paper is listed under its best terms by count in title and abstract × idf, ties to the lower term", () => {
  fc.assert(
    fc.property(corpusArb(40), fc.integer({ min: 1, max: 8 }), (papers, size) => {
      withSettings(size, () => {
        const seg = build(papers);
        assert.deepEqual(stored(seg), expected(seg, size));
      });
    }),
    { numRuns: 60 },
  );
});

test("signatures: a merge picks them anew from the merged postings, deleted papers left out", () => {
  fc.assert(
    fc.property(
      fc.tuple(...Array.from({ length: 60 }, (_, i) => paperArb(i))),
      fc.array(fc.boolean(), { minLength: 60, maxLength: 60 }),
      fc.integer({ min: 1, max: 6 }),
      (papers, deletedFlags, size) => {
        withSettings(size, () => {
          const parts = [papers.slice(0, 20), papers.slice(20, 45), papers.slice(45)];
          let at = 0;
          const inputs = parts.map((part) => {
            const deleted = Uint8Array.from(part, () => (deletedFlags[at++] ? 1 : 0));
            return { seg: build(part), deleted };
          });
          const merged = mergeSegments(inputs, DEFAULT_BM25F);
          assert.deepEqual(stored(merged), expected(merged, size));
          // The same lists as one build of the papers kept.
          const kept = build(papers.filter((_, i) => !deletedFlags[i]));
          assert.deepEqual(stored(merged), stored(kept));
        });
      },
    ),
    { numRuns: 30 },
  );
});

test("signatures: a segment of a few papers takes idf from the rest of the collection", () => {
  const [papers] = fc.sample(fc.tuple(...Array.from({ length: 120 }, (_, i) => paperArb(i))), { numRuns: 1, seed: 11 });
  withSettings(4, () => {
    const rest = build(papers!.slice(1));
    const others: OtherPapers = {
      docCount: rest.docCount,
      df: (term) => {
        const t = rest.findTerm(term);
        return t < 0 ? 0 : rest.df(t);
      },
    };
    // Alone, every term of one paper is held by no other: no signature.
    assert.equal(build(papers!.slice(0, 1)).a.sigTerms.length, 0);
    const lone = build(papers!.slice(0, 1), others);
    assert.ok(lone.a.sigTerms.length > 0);
    assert.deepEqual(stored(lone), expected(lone, 4, others));
    // Picked again with other statistics, a segment's lists are replaced, not added to.
    assert.deepEqual(stored(withSignatures(lone)), new Map());
  });
});
