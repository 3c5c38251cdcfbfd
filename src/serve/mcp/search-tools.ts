/** `search_papers` (the engine's full query language) and, where the engine offers it, `related_papers`. */
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import { MAX_SEARCH_OFFSET } from "../../search/index.js";
import type { McpDeps, RelatedPapers } from "./deps.js";
import { requirePaper, summariesOfIds } from "./papers.js";
import { answer } from "./present.js";

const QUERY_LANGUAGE = `Query language: words match anywhere (best first, BM25 over title, abstract, authors, categories, comments);
"exact phrase"; +required -excluded; fields ti: au: abs: cat: id: (e.g. ti:transformer au:"Yann LeCun" abs:diffusion cat:cs.LG id:2401.01234);
dates since:2024-06 until:2025 year:2019..2021; sort:newest or sort:oldest. An empty query lists the newest papers.`;

const DAY = /^\d{4}(-\d{2}(-\d{2})?)?$/;

const searchInput = {
  query: z.string().max(1000).describe(`The query. ${QUERY_LANGUAGE}`),
  limit: z.number().int().min(1).max(50).default(10).describe("Results to return, 1–50 (default 10)"),
  offset: z.number().int().min(0).max(MAX_SEARCH_OFFSET).default(0).describe("Results to skip, for the next page"),
  sort: z.enum(["relevance", "newest", "oldest"]).optional().describe("Default relevance (newest for an empty query)"),
  category: z.string().max(40).optional().describe("Only this arXiv category or archive, e.g. cs.LG or hep-th"),
  from: z.string().regex(DAY, "expected YYYY, YYYY-MM or YYYY-MM-DD").optional().describe("Announced on or after (YYYY, YYYY-MM or YYYY-MM-DD)"),
  to: z.string().regex(DAY, "expected YYYY, YYYY-MM or YYYY-MM-DD").optional().describe("Announced on or before (YYYY, YYYY-MM or YYYY-MM-DD)"),
  hasCode: z.boolean().optional().describe("true: only papers with a code link"),
};

export function registerSearchTools(server: McpServer, deps: McpDeps): void {
  server.registerTool(
    "search_papers",
    {
      title: "Search papers",
      description: `Searches the instance's arXiv papers. ${QUERY_LANGUAGE}`,
      inputSchema: searchInput,
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    (input) =>
      answer(deps.log, async () => {
        const result = deps.search.search({
          q: input.query,
          limit: input.limit,
          offset: input.offset,
          sort: input.sort,
          filters: { categories: input.category ? [input.category] : undefined, from: input.from, to: input.to, hasCode: input.hasCode || undefined },
        });
        const papers = await summariesOfIds(deps, result.hits.map((h) => h.id));
        return { total: result.total, totalIsEstimate: result.totalIsEstimate ?? false, offset: input.offset, papers };
      }),
  );
  if (deps.related) registerRelated(server, deps, deps.related);
}

function registerRelated(server: McpServer, deps: McpDeps, related: RelatedPapers): void {
  server.registerTool(
    "related_papers",
    {
      title: "Related papers",
      description: "Papers like a given one (by what its title and abstract are about), best first, without the paper itself.",
      inputSchema: {
        id: z.string().max(100).describe("arXiv id in any form: 2401.01234, 2401.01234v2, hep-th/9901001, an arXiv URL"),
        limit: z.number().int().min(1).max(50).default(10).describe("Papers to return, 1–50 (default 10)"),
      },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    ({ id, limit }) =>
      answer(deps.log, async () => {
        const paper = await requirePaper(deps, id);
        const { hits } = related(paper, limit);
        return { id: paper.id, papers: await summariesOfIds(deps, hits.filter((h) => h.id !== paper.id).slice(0, limit).map((h) => h.id)) };
      }),
  );
}
