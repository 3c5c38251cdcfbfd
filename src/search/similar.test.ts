import assert from "node:assert/strict";
import { test } from "node:test";
import { LISTED } from "./exec/filter-driven.js";
import { createSearchEngine } from "./index.js";
import { NO_MORE_DOCS, PostingsCursor } from "./index/cursor.js";
import { readSignatureDocs, signatureBytes, SIGNATURES } from "./index/signatures.js";
import { planSimilar, SHORTLIST } from "./similar.js";
import { loadFixturePapers } from "./testing/fixture-papers.js";

const papers = loadFixturePapers();
const engine = createSearchEngine({ timeBudgetMs: 0 });
for (const p of papers) engine.add(p);

/** Runs `body` with other shortlist settings, restoring the defaults after. */
function withShortlist(settings: Partial<typeof SHORTLIST>, body: () => void): void {
  const saved = { ...SHORTLIST };
  Object.assign(SHORTLIST, settings);
  try {
    body();
  } finally {
    Object.assign(SHORTLIST, saved);
  }
}

test("similar: the shortlisted papers are ranked by all the text's terms, with the scores of the exact ranking", () => {
  // A small shortlist over 200 papers, so that it really leaves papers out.
  withShortlist({ terms: 4, depth: 8 }, () => {
    for (const source of papers.filter((_, i) => i % 20 === 0)) {
      const like = { title: source.title, abstract: source.abstract, excludeId: source.id, limit: 5 };
      const exact = new Map(engine.similar({ ...like, limit: 200, shortlist: false }).hits.map((h) => [h.id, h.score]));
      const hits = engine.similar(like).hits;
      assert.ok(hits.length > 0 && hits.length <= 5, source.id);
      assert.ok(!hits.some((h) => h.id === source.id), "the paper itself is left out");
      for (const h of hits) assert.equal(h.score, exact.get(h.id), `${source.id}: ${h.id}`);
      hits.slice(1).forEach((h, i) => assert.ok(h.score <= hits[i]!.score, "best first"));
    }
  });
});

test("similar: a text of few terms is ranked in one step, exactly", () => {
  const like = { title: "Discrete dipole approximation", abstract: "light scattering", limit: 5 };
  assert.deepEqual(engine.similar(like).hits, engine.similar({ ...like, shortlist: false }).hits);
});

test("similar: the shortlist's re-rank, a term at a time, ranks as the cursors do", () => {
  // Shortlists of 16–40 docs, many of them in blocks of their own.
  withShortlist({ terms: 6, depth: 16 }, () => {
    for (const source of papers.filter((_, i) => i % 10 === 0)) {
      for (const limit of [4, 10, 20]) {
        const like = { title: source.title, abstract: source.abstract, excludeId: source.id, limit };
        const fast = engine.similar(like);
        LISTED.maxDocs = 0;
        try {
          const slow = engine.similar(like);
          assert.deepEqual(fast.hits, slow.hits, `${source.id}, ${limit}`);
          assert.equal(fast.total, slow.total);
        } finally {
          LISTED.maxDocs = 1_024;
        }
      }
    }
  });
});

test("similar: the shortlist comes from signatures; a paper added later is found by its own, chosen with the whole collection's idf", () => {
  const live = createSearchEngine({ timeBudgetMs: 0 });
  for (const p of papers) live.add(p);
  live.search({ q: "", limit: 1 });
  const source = papers[7]!;
  // The same text under another id, alone in a segment of its own.
  live.add({ ...source, id: "2501.00001" });
  const like = { title: source.title, abstract: source.abstract, excludeId: source.id, limit: 5 };
  const hits = live.similar(like).hits;
  assert.ok(live.segments.entries.length >= 2, "the copy has a segment of its own");
  assert.equal(hits[0]?.id, "2501.00001");
  // Found through signatures: their candidates are counted (an estimate), not the text's matches.
  const result = live.similar(like);
  assert.equal(result.totalIsEstimate, true);
  assert.ok(result.total < live.similar({ ...like, shortlist: false }).total);
});

test("similar: when signatures find fewer papers than asked for, the shortlist is the query over whole lists", () => {
  // One signature term a paper: few papers share one with a text's best terms.
  const saved = { ...SIGNATURES };
  SIGNATURES.size = 1;
  const sparse = createSearchEngine({ timeBudgetMs: 0 });
  try {
    for (const p of papers) sparse.add(p);
    sparse.search({ q: "", limit: 1 });
  } finally {
    Object.assign(SIGNATURES, saved);
  }
  const limit = 50;
  const seg = sparse.segments.entries[0]!.seg;
  const dfs = (terms: Uint8Array[]) => Float64Array.from(terms, (t) => (seg.findTerm(t) < 0 ? 0 : seg.df(seg.findTerm(t))));
  for (const source of papers.filter((_, i) => i % 25 === 0)) {
    const like = { title: source.title, abstract: source.abstract, excludeId: source.id, limit };
    const plan = planSimilar(like, dfs, seg.docCount);
    if (plan.scorers.length <= SHORTLIST.terms) continue;
    const found = new Set<number>();
    for (const s of plan.scorers.slice(0, SHORTLIST.signatureTerms)) {
      const list = seg.signatureList(seg.findTerm(s.bytes));
      if (list < 0) continue;
      const docs = new Int32Array(signatureBytes(seg.a, list));
      docs.subarray(0, readSignatureDocs(seg.a, list, docs, 0)).forEach((doc) => found.add(doc));
    }
    assert.ok(found.size < limit, `${source.id}: ${found.size} papers in the signature lists`);
    // The query over whole lists shortlists every paper holding one of those terms, up to its depth.
    const holding = new Set<number>();
    for (const s of plan.scorers.slice(0, SHORTLIST.terms)) {
      const c = new PostingsCursor(seg, seg.findTerm(s.bytes));
      for (let doc = c.nextDoc(); doc !== NO_MORE_DOCS; doc = c.nextDoc()) if (seg.id(doc) !== source.id) holding.add(doc);
    }
    assert.ok(holding.size > found.size);
    assert.equal(sparse.similar(like).hits.length, Math.min(limit, holding.size), source.id);
  }
});
