/**
 * The curated daily list: `/daily` shows a day, `/daily/submit` and `/daily/remove` change it,
 * and `/vote` sets or clears an upvote (JSON for the fetch enhancement, else a redirect back).
 */
import type { Context, Hono } from "hono";
import { isCurator, todayOf } from "../../../actions/community/context.js";
import { vote } from "../../../actions/community/engage.js";
import { removeSubmission, submitPaper } from "../../../actions/community/submit.js";
import { PaperfeedError, isPaperfeedError } from "../../../core/errors.js";
import type { User } from "../../../store/community-types.js";
import { csrfGuard } from "../../middleware/csrf.js";
import { limitRate } from "../../middleware/rate-limit.js";
import { currentViewer } from "../../middleware/session.js";
import { noticeText } from "../community-form.js";
import { type CommunityWebDeps, communityContext, formOf, localPath, requireUser } from "../community-deps.js";
import { CuratedPage, type CuratedView } from "./page.js";
import { attachCardParts } from "../present/card-parts.js";
import { summarize } from "../present/summary.js";
import { parseCategory } from "../present/query.js";
import { curatedHref } from "./page.js";

/** A paper is in a category when listed in it, or in an archive ("cs") when in one of its categories. */
const inCategory = (categories: readonly string[], cat: string) => categories.some((c) => c === cat || c.startsWith(`${cat}.`));

const POLICY_HINT = { open: null, members: "Members with a confirmed address may submit up to", curators: "Only curators add papers to this list." } as const;

/**
 * The curated list of `day`. `opened` is true when no day was asked for (the newest list was
 * chosen), so the page says which day it shows when that is not today.
 */
async function presentCurated(deps: CommunityWebDeps, day: string, messages: { notice?: string | null; error?: string | null; opened?: boolean; cat?: string }): Promise<CuratedView> {
  const ctx = await communityContext(deps);
  const user: User | null = currentViewer()?.user ?? null;
  const [list, days, settings] = await Promise.all([ctx.community.listDaily(day), ctx.community.dailyDays(1000), ctx.community.settings()]);
  const papers = new Map((await deps.store.getPapers(list.map((e) => e.paperId))).map((p) => [p.id, p]));
  const voted = user ? await ctx.community.votedPapers(user.id, list.map((e) => e.paperId)) : new Set<string>();
  const listed = list.filter((e) => papers.has(e.paperId));
  const cat = messages.cat ?? "";
  const categories = [...new Set(listed.flatMap((e) => papers.get(e.paperId)!.categories))].sort().map((value) => ({ value }));
  const entries = listed.filter((e) => !cat || inCategory(papers.get(e.paperId)!.categories, cat)).map((e) => ({
    paper: summarize(papers.get(e.paperId)!),
    votes: e.votes,
    voted: voted.has(e.paperId),
    submitterId: e.userId,
    submitterName: e.submitterName,
  }));
  const cards = entries.map((e) => e.paper);
  // The shared card's upvote, comment count and Save, from one activity query for the page.
  await attachCardParts(deps, cards, curatedHref(day, cat));
  const curator = Boolean(user && isCurator(user));
  const today = todayOf(ctx);
  const canSubmit = Boolean(user) && (curator || (settings.submissions !== "curators" && day === today));
  let hint: string | null = null;
  if (!user) hint = settings.submissions === "curators" ? POLICY_HINT.curators : "Sign in to upvote and to submit papers.";
  else if (!curator && settings.submissions === "curators") hint = POLICY_HINT.curators;
  else if (!curator) hint = `${settings.submissions === "members" ? POLICY_HINT.members : "Members may submit up to"} ${settings.dailyCap} papers a day, to today's list.`;
  return {
    day,
    cat,
    categories,
    entries,
    previous: days.find((d) => d < day) ?? null,
    next: [...days].reverse().find((d) => d > day) ?? null,
    canSubmit,
    canCurate: curator,
    hint,
    notice: messages.notice ?? null,
    error: messages.error ?? null,
    hasMath: entries.some((e) => e.paper.hasMath),
    empty: { day, today, signedIn: Boolean(user), canSubmit, curatorsOnly: settings.submissions === "curators" },
    newestDay: messages.opened && day !== today ? { day, today } : null,
  };
}

const validDay = (raw: string | undefined) =>
  raw && /^\d{4}-\d{2}-\d{2}$/.test(raw) && !Number.isNaN(Date.parse(raw)) && new Date(Date.parse(raw)).toISOString().startsWith(raw) ? raw : null;

/** A day given with a submission must be a real date and not after today: no list fills ahead of time. */
function checkSubmissionDay(raw: string, today: string): void {
  if (!raw) return;
  if (!validDay(raw)) throw new PaperfeedError("serve", "bad_day", `day "${raw.slice(0, 40)}" is not a date (YYYY-MM-DD)`, 400);
  if (raw > today) throw new PaperfeedError("serve", "future_day", `day ${raw} is in the future; papers go on the list of a day that has begun (today is ${today})`, 400);
}

export function mountCuratedRoutes(app: Hono, deps: CommunityWebDeps): void {
  const today = () => (deps.clock?.() ?? new Date()).toISOString().slice(0, 10);

  app.get("/daily", async (c) => {
    const asked = validDay(c.req.query("date"));
    const day = asked ?? (await newestListDay(deps, today()));
    const cat = parseCategory(c.req.query("cat"));
    return c.html(<CuratedPage view={await presentCurated(deps, day, { notice: noticeText(c.req.query("notice")), opened: !asked, cat })} />);
  });

  app.post("/daily/submit", csrfGuard, async (c) => {
    const user = requireUser();
    const field = await formOf(c);
    const day = validDay(field("day")) ?? today();
    try {
      checkSubmissionDay(field("day"), today());
      const ctx = await communityContext(deps);
      await limitRate(ctx.community, `submit:user:${user.id}`, deps.limits.submit, deps.clock?.());
      const entry = await submitPaper(ctx, user, { paper: field("paper"), day });
      return c.redirect(`/daily?date=${entry.day}&notice=submitted`, 303);
    } catch (error) {
      if (!isPaperfeedError(error) || (error.status >= 500 && !error.visible)) throw error;
      const view = await presentCurated(deps, day, { error: error.message.replace(/^\w+: /, "") });
      return c.html(<CuratedPage view={view} />, error.status as 400);
    }
  });

  app.post("/daily/remove", csrfGuard, async (c) => {
    const field = await formOf(c);
    await removeSubmission(await communityContext(deps), requireUser(), field("paper"));
    return c.redirect(withNotice(localPath(field("back"), "/daily"), "removed"), 303);
  });

  app.post("/vote", csrfGuard, async (c) => {
    const field = await formOf(c);
    const result = await vote(await communityContext(deps), requireUser(), field("paper"), field("up") !== "0");
    if (wantsJson(c)) return c.json(result);
    return c.redirect(localPath(field("back"), "/"), 303);
  });
}

/** Today when its list has papers or no list has any; else the newest earlier day with a list. */
async function newestListDay(deps: CommunityWebDeps, today: string): Promise<string> {
  const days = await (await deps.community()).dailyDays(1000);
  return days.find((d) => d <= today) ?? today;
}

export const wantsJson = (c: Context) => (c.req.header("accept") ?? "").includes("application/json");
const withNotice = (path: string, notice: string) => `${path}${path.includes("?") ? "&" : "?"}notice=${notice}`;
