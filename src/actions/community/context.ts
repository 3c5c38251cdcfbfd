/** What the community actions work with, and the permission rules they share. */
import { parseArxivId } from "../../core/arxiv-id.js";
import { PaperfeedError } from "../../core/errors.js";
import type { Paper } from "../../core/paper.js";
import type { CommunityStore, User } from "../../store/community-types.js";
import type { Store } from "../../store/types.js";

/**
 * The seam for importing a paper the store does not hold yet (the arXiv API, where the network
 * allows it): resolves to the paper, or null when arXiv does not know the id.
 */
export type PaperFetcher = (id: string) => Promise<Paper | null>;

export interface CommunityContext {
  community: CommunityStore;
  store: Store;
  /** Absent on sites without network access: then only papers already stored can be used. */
  fetchPaper?: PaperFetcher;
  clock?: () => Date;
}

export const nowOf = (ctx: CommunityContext) => ctx.clock?.() ?? new Date();
export const todayOf = (ctx: CommunityContext) => nowOf(ctx).toISOString().slice(0, 10);

export const isCurator = (user: User) => user.role === "curator" || user.role === "admin";

export const forbidden = (message: string) => new PaperfeedError("actions", "forbidden", message, 403);

export function requireVerified(user: User): void {
  if (!user.emailVerifiedAt) throw forbidden("confirm your email address first (see the link we sent you)");
}

/** "arXiv has no paper X": the fetcher asked arXiv, and arXiv said so. */
export const notOnArxiv = (id: string) => new PaperfeedError("actions", "not_on_arxiv", `arXiv has no paper ${id}`, 404);

/**
 * Paper `id` (canonical) from the store, else fetched from arXiv and stored, so search and the
 * lists see it from now on; null when it is not stored and there is no fetcher or arXiv has none.
 * The fetcher's failures (arXiv unreachable: 503) pass through.
 */
export async function storedOrFetched(ctx: Pick<CommunityContext, "store" | "fetchPaper">, id: string): Promise<Paper | null> {
  const stored = await ctx.store.getPaper(id);
  if (stored || !ctx.fetchPaper) return stored;
  const fetched = await ctx.fetchPaper(id);
  if (fetched) await ctx.store.upsertPapers([fetched]);
  return fetched;
}

export async function requirePaper(ctx: CommunityContext, paperId: string): Promise<void> {
  if (!(await ctx.store.getPaper(paperId))) throw new PaperfeedError("actions", "paper_not_found", `paper ${paperId} is not in this collection`, 404);
}

/** The stored paper an id or arXiv URL names, fetched when a fetcher is configured; clear errors otherwise. */
export async function resolvePaper(ctx: CommunityContext, input: string): Promise<Paper> {
  const parsed = parseArxivId(String(input ?? ""));
  if (!parsed) throw new PaperfeedError("actions", "invalid_arxiv_id", `"${String(input).slice(0, 100)}" is not an arXiv id or arXiv URL`);
  const paper = await storedOrFetched(ctx, parsed.id);
  if (paper) return paper;
  if (ctx.fetchPaper) throw notOnArxiv(parsed.id);
  throw new PaperfeedError(
    "actions",
    "paper_not_stored",
    `paper ${parsed.id} is not in this paperfeed's database, and this site does not fetch from arXiv; import it first with paperfeed import`,
    404,
  );
}
