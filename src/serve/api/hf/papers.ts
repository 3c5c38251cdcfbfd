/**
 * Hugging Face's paper endpoints: `GET /api/papers/search?q=&limit=` (an array of daily-list
 * items), `GET /api/papers?cursor=&limit=` (paper objects, newest first; the next page's address
 * is in the `Link: <…>; rel="next"` header, as on huggingface.co) and `GET /api/papers/{id}`
 * (one paper object). Search is registered first so "search" is never read as an id.
 */
import { type OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import { PaperfeedError } from "../../../core/errors.js";
import { communityFacts } from "../community/facts.js";
import { PaperIdParam, mountPaperIdRoute } from "../common/paper-id.js";
import { hfErrorResponses, hfPaperErrorResponses, hfPaperOfRequest } from "./errors.js";
import type { ApiDeps } from "../deps.js";
import { hfPaper } from "./present.js";
import { hfItems } from "./items.js";
import { HfDailyItemSchema, HfPaperSchema, HfPaperWithCommentsSchema, pageLimit } from "./schema.js";

const tags = ["Hugging Face compatible"];
const json = <T>(schema: T) => ({ "application/json": { schema } });

/** Results of `/api/papers/search` without a `limit` (huggingface_hub's `list_papers()` sends none). */
export const SEARCH_DEFAULT_LIMIT = 20;

const searchRoute = createRoute({
  method: "get",
  path: "/api/papers/search",
  operationId: "hfSearchPapers",
  security: [],
  tags,
  summary: "Search papers (Hugging Face shape)",
  request: {
    query: z.object({
      q: z.string().max(1000).default("").openapi({ description: "Query in paperfeed's query language" }),
      // 20 by default: a page of best matches; each item carries the whole abstract, so 50 came to 150 KB.
      limit: pageLimit(100, SEARCH_DEFAULT_LIMIT, "Results"),
    }),
  },
  responses: { 200: { description: "Best matches first", content: json(z.array(HfDailyItemSchema)) }, ...hfErrorResponses },
});

const CURSOR = /^[0-9]{1,9}$/;
const listRoute = createRoute({
  method: "get",
  path: "/api/papers",
  operationId: "hfListPapers",
  security: [],
  tags,
  summary: "All papers, newest first (Hugging Face shape)",
  request: {
    query: z.object({
      cursor: z.string().regex(CURSOR, "expected a cursor from a Link header").optional().openapi({ description: "Where the previous page ended" }),
      limit: pageLimit(100, 50, "Papers"),
    }),
  },
  responses: {
    200: {
      description: 'One page; the next page\'s URL is in the `Link: <…>; rel="next"` header',
      headers: z.object({ Link: z.string().optional() }),
      content: json(z.array(HfPaperSchema)),
    },
    ...hfErrorResponses,
  },
});

const byIdRoute = createRoute({
  method: "get",
  path: "/api/papers/{id}",
  operationId: "hfPaperInfo",
  security: [],
  tags,
  summary: "One paper (Hugging Face shape)",
  request: { params: PaperIdParam },
  responses: {
    200: { description: "The paper object, with its comment count", content: json(HfPaperWithCommentsSchema) },
    ...hfPaperErrorResponses,
  },
});

/** Papers the cursor may skip: the store pages by offset, and deep offsets get slow. */
const MAX_OFFSET = 1_000_000;

export function mountHfPapers(api: OpenAPIHono, deps: ApiDeps): void {
  api.openapi(searchRoute, async (c) => {
    const { q, limit } = c.req.valid("query");
    const result = deps.search.search({ q, limit });
    const papers = await deps.store.getPapers(result.hits.map((h) => h.id));
    return c.json(await hfItems(deps, c, papers), 200);
  });

  api.openapi(listRoute, async (c) => {
    const { cursor, limit } = c.req.valid("query");
    const offset = cursor ? Number(cursor) : 0;
    if (offset > MAX_OFFSET) throw new PaperfeedError("serve", "invalid_parameter", `invalid parameters: cursor: at most ${MAX_OFFSET}`, 400);
    const papers = await deps.store.listAnnounced("0000-01-01", "9999-12-31", { limit, offset });
    const facts = await communityFacts(deps.community, papers);
    if (papers.length === limit && offset + limit <= MAX_OFFSET) {
      const next = new URL(c.req.url);
      next.searchParams.set("cursor", String(offset + limit));
      next.searchParams.set("limit", String(limit));
      c.header("Link", `<${next.toString()}>; rel="next"`);
    }
    return c.json(papers.map((p) => hfPaper(p, facts.get(p.id)!)), 200);
  });

  mountPaperIdRoute(api, byIdRoute, async (c) => {
    const paper = await hfPaperOfRequest(deps, c);
    const facts = (await communityFacts(deps.community, [paper])).get(paper.id)!;
    return c.json({ ...hfPaper(paper, facts), numComments: facts.comments });
  });
}
