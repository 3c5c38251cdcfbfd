/**
 * Routes keyed by an arXiv id. Old-style ids hold a slash (hep-th/9901001), which an OpenAPI path
 * parameter cannot, so these routes are documented with `{id}` and mounted on Hono's `:id{.+}`.
 */
import type { OpenAPIHono, RouteConfig } from "@hono/zod-openapi";
import { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { type PaperFetcher, notOnArxiv, storedOrFetched } from "../../../actions/community/context.js";
import { requireArxivId } from "../../../core/arxiv-id.js";
import { PaperfeedError } from "../../../core/errors.js";
import type { Paper } from "../../../core/paper.js";
import type { Store } from "../../../store/types.js";

export const PaperIdParam = z.object({
  id: z.string().openapi({
    description: "arXiv id in any form: 2401.01234, 2401.01234v2, hep-th/9901001 (slash unescaped), arXiv:2401.01234",
    example: "2401.01234",
  }),
});

/**
 * The paper for the request's id: stored, or fetched from arXiv and stored when the app has a
 * fetcher (`raw`: the id as given, by default the `id` path parameter). 400 for a malformed id; 404 for one not stored (`paper_not_found`) or, with a fetcher,
 * one arXiv lacks (`not_on_arxiv`); 503 when arXiv cannot be reached (`arxiv_unavailable`).
 */
export async function paperOfRequest(deps: { store: Store; fetchPaper?: PaperFetcher | undefined }, c: Context, raw = c.req.param("id") ?? ""): Promise<Paper> {
  const { id } = requireArxivId(raw);
  const paper = await storedOrFetched(deps, id);
  if (paper) return paper;
  if (deps.fetchPaper) throw notOnArxiv(id);
  throw new PaperfeedError("serve", "paper_not_found", `paper ${id} not found`, 404);
}

/** Documents `route` (its path ending in `{id}`) and mounts `handler` on the slash-friendly path. */
export function mountPaperIdRoute(api: OpenAPIHono, route: RouteConfig, handler: (c: Context) => Promise<Response>): void {
  if (!route.path.endsWith("/{id}")) throw new Error(`serve: ${route.path} must end in /{id}`);
  api.openAPIRegistry.registerPath(route);
  api.get(`${route.path.slice(0, -"{id}".length)}:id{.+}`, handler);
}
