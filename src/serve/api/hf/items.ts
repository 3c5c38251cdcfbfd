/**
 * What every Hugging Face-compatible list answers with: papers as daily-list items, with their
 * community facts and, where rendered, the absolute URL of their first-page thumbnail (on the
 * origin the client asked, like the `Link` header of `/api/papers`).
 */
import type { Context } from "hono";
import type { Paper } from "../../../core/paper.js";
import { thumbnailViews } from "../../web/present/thumbnails.js";
import { communityFacts } from "../community/facts.js";
import type { ApiDeps } from "../deps.js";
import { hfDailyItem } from "./present.js";
import type { HfDailyItem } from "./schema.js";

export async function hfItems(deps: ApiDeps, c: Context, papers: readonly Paper[]): Promise<HfDailyItem[]> {
  const ids = papers.map((p) => p.id);
  const [facts, thumbnails] = await Promise.all([communityFacts(deps.community, papers), thumbnailViews(deps, ids)]);
  const origin = new URL(c.req.url).origin;
  return papers.map((p) => {
    const view = thumbnails?.get(p.id);
    return hfDailyItem(p, facts.get(p.id)!, view ? `${origin}${view.src}` : undefined);
  });
}
