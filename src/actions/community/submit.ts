/**
 * Putting papers on a day's curated list. Curators add to any day; members submit to today's
 * list when the site's policy lets them, up to the daily cap. A paper is on one list at most.
 */
import { PaperfeedError } from "../../core/errors.js";
import type { DailyEntry, User } from "../../store/community-types.js";
import { type CommunityContext, forbidden, isCurator, nowOf, requireVerified, resolvePaper, todayOf } from "./context.js";

export async function submitPaper(ctx: CommunityContext, user: User, input: { paper: string; day?: string }): Promise<DailyEntry> {
  const settings = await ctx.community.settings();
  const curator = isCurator(user);
  if (!curator) {
    if (settings.submissions === "curators") throw forbidden("only curators add papers to the daily list on this site");
    if (settings.submissions === "members") requireVerified(user);
  }
  const day = curator && input.day ? input.day : todayOf(ctx);
  if (!curator && (await ctx.community.countSubmissions(user.id, day)) >= settings.dailyCap) {
    throw new PaperfeedError("actions", "daily_cap", `you have submitted ${settings.dailyCap} papers today, the most this site allows; try again tomorrow`, 429);
  }
  const paper = await resolvePaper(ctx, input.paper);
  const { added, entry } = await ctx.community.addDailyEntry({ day, paperId: paper.id, userId: user.id, now: nowOf(ctx).toISOString() });
  if (!added) throw new PaperfeedError("actions", "already_submitted", `paper ${paper.id} is already on the list of ${entry.day} (submitted by ${entry.submitterName})`, 409);
  return entry;
}

export async function removeSubmission(ctx: CommunityContext, user: User, paperId: string): Promise<boolean> {
  if (!isCurator(user)) throw forbidden("only curators take papers off the daily list");
  return ctx.community.removeDailyEntry(paperId);
}
