/**
 * `GET /api/v1/search?q=&limit=&offset=&sort=&cat=&from=&to=&code=` — the search engine's answer
 * with the papers it found. `/api/search` is the same resource under its first address.
 */
import { type OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import { communityFactsOf } from "../community/facts.js";
import { errorResponses } from "../common/errors.js";
import { CommunitySchema, PaperSchema } from "../common/paper-schema.js";
import { communityOf } from "../common/present.js";
import type { ApiDeps } from "../deps.js";
import { jsonText } from "../../middleware/html-body.js";
import { latin1Json } from "../../latin1.js";
import { MAX_SEARCH_OFFSET } from "../../../search/index.js";

const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
const day = (what: string) =>
  z.string().regex(DATE, "expected YYYY, YYYY-MM or YYYY-MM-DD").optional().openapi({ description: `Announced ${what} this day (YYYY, YYYY-MM or YYYY-MM-DD)` });

export const SearchQuery = z.object({
  q: z.string().max(1000).default("").openapi({ description: "Query in paperfeed's query language (see /help/search)", example: "ti:diffusion au:ho" }),
  limit: z.coerce.number().int().min(1).max(100).default(20).openapi({ description: "Results per request, 1–100" }),
  offset: z.coerce.number().int().min(0).max(MAX_SEARCH_OFFSET).default(0).openapi({ description: `Results to skip, 0–${MAX_SEARCH_OFFSET.toLocaleString("en-US")}` }),
  sort: z.enum(["relevance", "newest", "oldest"]).optional().openapi({ description: "Default relevance; an empty query sorts newest first" }),
  cat: z.string().max(40).optional().openapi({ description: "One category or archive, e.g. cs.LG or hep-th" }),
  from: day("on or after"),
  to: day("on or before"),
  code: z.enum(["0", "1", "true", "false"]).optional().openapi({ description: "1: only papers with a code link" }),
});
export type SearchQuery = z.infer<typeof SearchQuery>;

export const SearchResponse = z
  .object({
    total: z.number().int().openapi({ description: "Matches before paging" }),
    totalIsEstimate: z.boolean().openapi({ description: "True when the engine estimated `total` for a large OR query" }),
    timedOut: z.boolean().openapi({ description: "True when the query ran out of the engine's time budget: results are the best found by then" }),
    tookMs: z.number(),
    results: z.array(z.object({ score: z.number(), paper: PaperSchema, community: CommunitySchema })),
  })
  .openapi("SearchResponse");

const routeAt = (path: string) =>
  createRoute({
    method: "get",
    path,
    operationId: path === "/api/search" ? "searchPapersAtFirstAddress" : "searchPapers",
    security: [],
    tags: ["Search"],
    summary: path === "/api/search" ? "Search (first address of /api/v1/search)" : "Search papers",
    request: { query: SearchQuery },
    responses: { 200: { description: "One page of results", content: { "application/json": { schema: SearchResponse } } }, ...errorResponses },
  });

/** The engine request a validated query stands for. */
export const searchRequestOf = (p: SearchQuery) => ({
  q: p.q,
  limit: p.limit,
  offset: p.offset,
  sort: p.sort,
  filters: { categories: p.cat ? [p.cat] : undefined, from: p.from, to: p.to, hasCode: p.code === "1" || p.code === "true" || undefined },
});

export function mountSearch(api: OpenAPIHono, deps: ApiDeps): void {
  for (const path of ["/api/v1/search", "/api/search"]) {
    api.openapi(routeAt(path), async (c) => {
      const result = deps.search.search(searchRequestOf(c.req.valid("query")));
      const ids = result.hits.map((h) => h.id);
      // The papers' stored JSON goes into the answer as it is: parsing it and serialising it again
      // cost about a tenth of this route's CPU (bench/RESULTS.md, 1M papers).
      const [texts, facts] = await Promise.all([deps.store.getPaperTexts(ids), communityFactsOf(deps.community, ids)]);
      const results = result.hits.flatMap((hit) => {
        const paper = texts.get(hit.id);
        return paper === undefined ? [] : [`{"score":${JSON.stringify(hit.score)},"paper":${latin1Json(paper)},"community":${JSON.stringify(communityOf(facts.get(hit.id)!))}}`];
      });
      const head = JSON.stringify({ total: result.total, totalIsEstimate: result.totalIsEstimate ?? false, timedOut: result.timedOut ?? false, tookMs: result.tookMs });
      return jsonText<z.infer<typeof SearchResponse>>(c, `${head.slice(0, -1)},"results":[${results.join(",")}]}`);
    });
  }
}
