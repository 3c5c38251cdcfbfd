/** `GET /api/papers/:id` — one paper as stored, by any form of its arXiv id. */
import type { Hono } from "hono";
import { requireArxivId } from "../../../core/arxiv-id.js";
import { PaperfeedError } from "../../../core/errors.js";
import type { Store } from "../../../store/types.js";

export function mountPaperApi(app: Hono, store: Store): void {
  app.get("/api/papers/:id{.+}", async (c) => {
    const { id } = requireArxivId(c.req.param("id"));
    const paper = await store.getPaper(id);
    if (!paper) throw new PaperfeedError("serve", "paper_not_found", `paper ${id} not found`, 404);
    return c.json({ paper });
  });
}
