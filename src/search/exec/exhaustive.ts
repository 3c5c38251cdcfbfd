/**
 * Every matching doc, fully scored, in doc order: the reference the pruned strategies are tested
 * against, and the source for date-sorted results.
 */
import { NO_MORE_DOCS } from "../index/cursor.js";
import type { SegmentQuery } from "./segment-query.js";

export function allMatches(q: SegmentQuery, onMatch: (doc: number, score: number) => void): number {
  const active = [...q.required, ...q.optional].map((i) => q.cursors[i]!);
  for (const c of active) c.nextDoc();
  let matched = 0;
  for (;;) {
    let doc = NO_MORE_DOCS;
    for (const c of active) if (c.doc < doc) doc = c.doc;
    if (doc === NO_MORE_DOCS || q.deadline.passed()) break;
    q.reset();
    let ok = q.filter.accepts(doc);
    for (const i of q.required) if (ok && (q.cursors[i]!.doc !== doc || !q.score(i, doc))) ok = false;
    let anyOptional = false;
    if (ok) for (const i of q.optional) if (q.cursors[i]!.doc === doc && q.score(i, doc)) anyOptional = true;
    if (ok && (q.required.length > 0 || anyOptional) && q.passesPositional(doc)) {
      matched++;
      onMatch(doc, q.total());
    }
    for (const c of active) if (c.doc === doc) c.nextDoc();
  }
  return matched;
}

