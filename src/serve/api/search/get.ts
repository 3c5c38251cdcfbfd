/**
 * `GET /api/search?q=&limit=&offset=&sort=&cat=&from=&to=&code=` — the search engine's answer with
 * the papers it found. Parameters are validated; a bad one is a 400 naming it.
 */
import type { Hono } from "hono";
import { z } from "zod";
import { PaperfeedError } from "../../../core/errors.js";
import type { SearchEngine } from "../../../search/types.js";
import type { Store } from "../../../store/types.js";

const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

const params = z.object({
  q: z.string().max(1000).default(""),
  /** Results per request, 1–100, default 20. */
  limit: z.coerce.number().int().min(1).max(100).default(20),
  /** Results to skip, 0–10,000, default 0. */
  offset: z.coerce.number().int().min(0).max(10_000).default(0),
  sort: z.enum(["relevance", "newest", "oldest"]).optional(),
  /** One category or archive, e.g. cs.LG or hep-th. */
  cat: z.string().max(40).optional(),
  from: z.string().regex(DATE, "expected YYYY, YYYY-MM or YYYY-MM-DD").optional(),
  to: z.string().regex(DATE, "expected YYYY, YYYY-MM or YYYY-MM-DD").optional(),
  code: z.enum(["0", "1", "true", "false"]).optional(),
});

export function mountSearchApi(app: Hono, deps: { store: Store; search: SearchEngine }): void {
  app.get("/api/search", async (c) => {
    const parsed = params.safeParse(c.req.query());
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
      throw new PaperfeedError("serve", "bad_search_request", `search parameters: ${problems}`, 400);
    }
    const p = parsed.data;
    const result = deps.search.search({
      q: p.q,
      limit: p.limit,
      offset: p.offset,
      sort: p.sort,
      filters: {
        categories: p.cat ? [p.cat] : undefined,
        from: p.from,
        to: p.to,
        hasCode: p.code === "1" || p.code === "true" || undefined,
      },
    });
    const papers = await deps.store.getPapers(result.hits.map((h) => h.id));
    const byId = new Map(papers.map((paper) => [paper.id, paper]));
    return c.json({
      total: result.total,
      tookMs: result.tookMs,
      results: result.hits.flatMap((hit) => {
        const paper = byId.get(hit.id);
        return paper ? [{ score: hit.score, paper }] : [];
      }),
    });
  });
}
