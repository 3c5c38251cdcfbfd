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

export async function requirePaper(ctx: CommunityContext, paperId: string): Promise<void> {
  if (!(await ctx.store.getPaper(paperId))) throw new PaperfeedError("actions", "paper_not_found", `paper ${paperId} is not in this collection`, 404);
}

/** The stored paper an id or arXiv URL names, fetched when a fetcher is configured; clear errors otherwise. */
export async function resolvePaper(ctx: CommunityContext, input: string): Promise<Paper> {
  const parsed = parseArxivId(String(input ?? ""));
  if (!parsed) throw new PaperfeedError("actions", "invalid_arxiv_id", `"${String(input).slice(0, 100)}" is not an arXiv id or arXiv URL`);
  const stored = await ctx.store.getPaper(parsed.id);
  if (stored) return stored;
  const fetched = ctx.fetchPaper ? await ctx.fetchPaper(parsed.id) : null;
  if (fetched) {
    await ctx.store.upsertPapers([fetched]);
    return fetched;
  }
  const why = ctx.fetchPaper ? "and arXiv does not know it" : "and this site does not fetch from arXiv; import it first with paperfeed import";
  throw new PaperfeedError("actions", "paper_not_stored", `paper ${parsed.id} is not in this paperfeed's database, ${why}`, 404);
}
