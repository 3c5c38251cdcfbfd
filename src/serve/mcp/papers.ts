/** Looking papers up by id for the tools: any form of arXiv id, stored or fetched from arXiv. */
import { notOnArxiv, storedOrFetched } from "../../actions/community/context.js";
import { requireArxivId } from "../../core/arxiv-id.js";
import { PaperfeedError } from "../../core/errors.js";
import type { Paper } from "../../core/paper.js";
import { communityFacts } from "../api/community/facts.js";
import type { McpDeps } from "./deps.js";
import { paperSummary } from "./present.js";

export async function requirePaper(deps: McpDeps, input: string): Promise<Paper> {
  const { id } = requireArxivId(input);
  const paper = await storedOrFetched(deps, id);
  if (paper) return paper;
  if (deps.fetchPaper) throw notOnArxiv(id);
  throw new PaperfeedError("serve", "paper_not_found", `paper ${id} not found`, 404);
}

/** Papers in the given order (ids the store lacks left out), as list items with their community counts. */
export async function summaries(deps: McpDeps, papers: readonly Paper[]) {
  const facts = await communityFacts(deps.community, papers);
  return papers.map((p) => paperSummary(p, facts.get(p.id)!, deps.baseUrl));
}

export async function summariesOfIds(deps: McpDeps, ids: readonly string[]) {
  const byId = new Map((await deps.store.getPapers(ids)).map((p) => [p.id, p]));
  return summaries(deps, ids.flatMap((id) => byId.get(id) ?? []));
}
