/** What the MCP server's tools and resources read, whichever transport carries them. */
import type { PaperFetcher } from "../../actions/community/context.js";
import type { Config } from "../../config/types.js";
import type { Paper } from "../../core/paper.js";
import { relatedPapers } from "../../search/related.js";
import type { SearchEngine, SearchHit } from "../../search/types.js";
import type { CommunityStore } from "../../store/community-types.js";
import type { Store } from "../../store/types.js";

/** Papers like `paper`, best first, without it; the `related_papers` tool exists only when one is given. */
export type RelatedPapers = (paper: Paper, limit: number) => { hits: SearchHit[] };

export interface McpDeps {
  store: Store;
  search: SearchEngine;
  /** The community tables (comments, curated lists, votes), opened on first use. */
  community: () => Promise<CommunityStore>;
  /** The instance's public URL, for links to paper pages. */
  baseUrl: string;
  /** Fetches papers the store lacks from arXiv; without one only stored papers are found. */
  fetchPaper?: PaperFetcher | undefined;
  related?: RelatedPapers | undefined;
  /** The time trending is taken at; default the wall clock. */
  clock?: (() => Date) | undefined;
  /** Where failures that are not the caller's fault are reported (their details never reach the client). */
  log: (line: string) => void;
}

export interface McpSources {
  store: Store;
  search: SearchEngine;
  config: Pick<Config, "baseUrl">;
  community: () => Promise<CommunityStore>;
  fetchPaper?: PaperFetcher | undefined;
  log: (line: string) => void;
}

/** The one place both transports (`paperfeed mcp`, `/mcp` on `serve`) get their deps from. */
export function mcpDeps(sources: McpSources): McpDeps {
  const { store, search, config, community, fetchPaper, log } = sources;
  // Related papers: the same query-by-example as paper pages and /api/v1/papers/{id}/related.
  const related: RelatedPapers = (paper, limit) => ({ hits: relatedPapers(search, paper, { limit }).map((r) => ({ id: r.id, score: r.score })) });
  return { store, search, community, baseUrl: config.baseUrl, fetchPaper, log, related };
}
