/**
 * Hugging Face's paper endpoints: `GET /api/papers/search?q=&limit=` (an array of daily-list
 * items), `GET /api/papers?cursor=&limit=` (paper objects, newest first; the next page's address
 * is in the `Link: <…>; rel="next"` header, as on huggingface.co) and `GET /api/papers/{id}`
 * (one paper object). Search is registered first so "search" is never read as an id.
 */
import { type OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import { PaperfeedError } from "../../../core/errors.js";
import { communityFacts } from "../community/facts.js";
import { arxivUnavailableResponse, errorResponses, notFoundResponse } from "../common/errors.js";
import { PaperIdParam, mountPaperIdRoute, paperOfRequest } from "../common/paper-id.js";
import type { ApiDeps } from "../deps.js";
import { hfDailyItem, hfPaper } from "./present.js";
import { HfDailyItemSchema, HfPaperSchema } from "./schema.js";

const tags = ["Hugging Face compatible"];
const json = <T>(schema: T) => ({ "application/json": { schema } });

const searchRoute = createRoute({
  method: "get",
  path: "/api/papers/search",
  tags,
  summary: "Search papers (Hugging Face shape)",
  request: {
    query: z.object({
      q: z.string().max(1000).default("").openapi({ description: "Query in paperfeed's query language" }),
      limit: z.coerce.number().int().min(1).max(100).default(50).openapi({ description: "Results, 1–100" }),
    }),
  },
  responses: { 200: { description: "Best matches first", content: json(z.array(HfDailyItemSchema)) }, ...errorResponses },
});

const CURSOR = /^[0-9]{1,9}$/;
const listRoute = createRoute({
  method: "get",
  path: "/api/papers",
  tags,
  summary: "All papers, newest first (Hugging Face shape)",
  request: {
    query: z.object({
      cursor: z.string().regex(CURSOR, "expected a cursor from a Link header").optional().openapi({ description: "Where the previous page ended" }),
      limit: z.coerce.number().int().min(1).max(100).default(50).openapi({ description: "Papers per page, 1–100" }),
    }),
  },
  responses: {
    200: {
      description: 'One page; the next page\'s URL is in the `Link: <…>; rel="next"` header',
      headers: z.object({ Link: z.string().optional() }),
      content: json(z.array(HfPaperSchema)),
    },
    ...errorResponses,
  },
});

const byIdRoute = createRoute({
  method: "get",
  path: "/api/papers/{id}",
  tags,
  summary: "One paper (Hugging Face shape)",
  request: { params: PaperIdParam },
  responses: {
    200: { description: "The paper object", content: json(HfPaperSchema) },
    ...notFoundResponse,
    ...arxivUnavailableResponse,
    ...errorResponses,
  },
});

/** Papers the cursor may skip: the store pages by offset, and deep offsets get slow. */
const MAX_OFFSET = 1_000_000;

export function mountHfPapers(api: OpenAPIHono, deps: ApiDeps): void {
  api.openapi(searchRoute, async (c) => {
    const { q, limit } = c.req.valid("query");
    const result = deps.search.search({ q, limit });
    const papers = await deps.store.getPapers(result.hits.map((h) => h.id));
    const facts = await communityFacts(deps.community, papers);
    return c.json(papers.map((p) => hfDailyItem(p, facts.get(p.id)!)), 200);
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
    const paper = await paperOfRequest(deps, c);
    const facts = await communityFacts(deps.community, [paper]);
    return c.json(hfPaper(paper, facts.get(paper.id)!));
  });
}
