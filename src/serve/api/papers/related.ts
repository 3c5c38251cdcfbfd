/**
 * `GET /api/v1/papers/{id}/related?limit=` — papers like this one: query-by-example over its
 * title and abstract (src/search/related.ts), the paper itself left out. (Not under /api/papers…,
 * which speaks Hugging Face's shapes.)
 */
import { type OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import { DEFAULT_RELATED, relatedPapers } from "../../../search/related.js";
import { arxivUnavailableResponse, errorResponses, invalidParameters, notFoundResponse } from "../common/errors.js";
import { PaperIdParam, paperOfRequest } from "../common/paper-id.js";
import { PaperSchema } from "../common/paper-schema.js";
import type { ApiDeps } from "../deps.js";

/** Related papers per request at most (the paper page shows 10). */
const MAX_LIMIT = 50;

export const RelatedQuery = z.object({
  limit: z.coerce.number().int().min(1).max(MAX_LIMIT).default(DEFAULT_RELATED).openapi({ description: `Papers returned, 1–${MAX_LIMIT}` }),
});

export const RelatedResponse = z
  .object({
    id: z.string().openapi({ description: "The paper the others are like (canonical id)" }),
    tookMs: z.number(),
    results: z.array(
      z.object({
        score: z.number(),
        parts: z.record(z.string(), z.number()).openapi({ description: "What each ranker gave (lexical; semantic where one is configured)" }),
        paper: PaperSchema,
      }),
    ),
  })
  .openapi("RelatedResponse");

const routeAt = (path: string) =>
  createRoute({
    method: "get",
    path,
    tags: ["Papers"],
    operationId: "getRelatedPapers",
    security: [],
    summary: "Papers like this one",
    description: "Ranked by the paper's title and abstract used as the query; the paper itself is left out.",
    request: { params: PaperIdParam, query: RelatedQuery },
    responses: {
      200: { description: "Related papers, best first", content: { "application/json": { schema: RelatedResponse } } },
      ...notFoundResponse,
      ...arxivUnavailableResponse,
      ...errorResponses,
    },
  });

/** Mounted before `/api/v1/papers/{id}`, whose id would otherwise swallow "/related". */
export function mountRelated(api: OpenAPIHono, deps: ApiDeps): void {
  for (const path of ["/api/v1/papers/{id}/related"]) {
    api.openAPIRegistry.registerPath(routeAt(path));
    // Old-style ids hold a slash, so the id takes everything up to "/related".
    api.get(path.replace("{id}", ":id{.+}"), async (c) => {
      const query = RelatedQuery.safeParse(c.req.query());
      if (!query.success) throw invalidParameters(query.error.issues);
      const paper = await paperOfRequest(deps, c);
      const started = performance.now();
      const ranked = relatedPapers(deps.search, paper, { limit: query.data.limit });
      const tookMs = performance.now() - started;
      const byId = new Map((await deps.store.getPapers(ranked.map((r) => r.id))).map((p) => [p.id, p]));
      const results = ranked.flatMap((r) => {
        const found = byId.get(r.id);
        return found ? [{ score: r.score, parts: r.parts, paper: found }] : [];
      });
      return c.json({ id: paper.id, tookMs, results });
    });
  }
}
