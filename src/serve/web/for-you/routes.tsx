/**
 * For you routes: `/for-you` (the member's picks, marked seen as they are shown), "Not interested"
 * (POST /for-you/not-interested), following authors and categories (POST /interests, and
 * POST /interests/paper for the "Follow authors or categories" box this module adds to every paper
 * page, the way follow/routes.tsx adds the Follow button), all plain forms.
 */
import type { Context, Hono } from "hono";
import { forYou } from "../../../actions/for-you/for-you.js";
import { parseArxivId } from "../../../core/arxiv-id.js";
import { PaperfeedError } from "../../../core/errors.js";
import { RecentPool } from "../../../rank/for-you/recent-pool.js";
import { INTEREST_KINDS, type InterestKind } from "../../../store/interest-types.js";
import { csrfGuard } from "../../middleware/csrf.js";
import { rewriteHtml } from "../../middleware/html-body.js";
import { currentViewer } from "../../middleware/session.js";
import { type CommunityWebDeps, formOf, localPath, requireUser, signInFirst } from "../community-deps.js";
import { noticeText } from "../community-form.js";
import { wantsJson } from "../curated/routes.js";
import { paperHref } from "../format.js";
import { attachThumbnails } from "../present/thumbnails.js";
import { attachActivity } from "../present/activity.js";
import { ForYouPage } from "./page.js";
import { FollowInterestsBox } from "./parts.js";
import { presentForYou } from "./present.js";

const DETAILS = '<section aria-labelledby="details-heading">';
/** Papers on the page. */
const LIST_SIZE = 30;

const nowOf = (deps: CommunityWebDeps) => (deps.clock ? deps.clock() : new Date());

function interestKind(raw: string): InterestKind {
  if ((INTEREST_KINDS as readonly string[]).includes(raw)) return raw as InterestKind;
  throw new PaperfeedError("serve", "invalid_interest", `field kind must be ${INTEREST_KINDS.join(" or ")}, got "${raw.slice(0, 40)}"`, 400);
}

async function paperBox(deps: CommunityWebDeps, paperId: string): Promise<string> {
  const viewer = currentViewer()?.user;
  if (!viewer) return "";
  const paper = await deps.store.getPaper(paperId);
  if (!paper) return "";
  const followed = await (await deps.community()).interests.listInterests(viewer.id);
  return (<FollowInterestsBox paper={paper} followed={followed} />).toString();
}

export function mountForYouRoutes(app: Hono, deps: CommunityWebDeps): void {
  const pool = new RecentPool(deps.store);

  app.use("/papers/*", async (c, next) => {
    await next();
    const id = parseArxivId(c.req.path.slice("/papers/".length))?.id;
    if (!id || !currentViewer()?.user) return;
    await rewriteHtml(c, async (html) => {
      const box = await paperBox(deps, id);
      return box ? html.replace(DETAILS, () => `${box}${DETAILS}`) : html;
    });
  });

  app.get("/for-you", async (c) => {
    const viewer = currentViewer()?.user;
    if (!viewer) return signInFirst(c);
    const community = await deps.community();
    const list = await forYou({ store: deps.store, community, delivery: deps.delivery ?? null, pool }, viewer.id, { now: nowOf(deps), limit: LIST_SIZE, markSeen: true });
    const view = presentForYou(list, noticeText(c.req.query("notice")));
    const cards = view.items.map((i) => i.paper);
    await Promise.all([attachThumbnails(deps, cards), attachActivity(deps, cards, "/for-you")]);
    c.header("Cache-Control", "no-store");
    return c.html(<ForYouPage view={view} />);
  });

  app.post("/for-you/not-interested", csrfGuard, async (c) => {
    const field = await formOf(c);
    const id = parseArxivId(field("paper"))?.id;
    if (!id) throw new PaperfeedError("serve", "invalid_paper", `field paper is not an arXiv id: "${field("paper").slice(0, 40)}"`, 400);
    const user = requireUser();
    const interests = (await deps.community()).interests;
    const undo = field("undo") === "1";
    if (undo) await interests.undoNotInterested(user.id, id);
    else await interests.markNotInterested(user.id, id, nowOf(deps).toISOString());
    if (wantsJson(c)) return c.json({ paper: id, notInterested: !undo });
    return c.redirect(localPath(field("back"), `/for-you?notice=${undo ? "saved" : "dismissed"}`), 303);
  });

  app.post("/interests", csrfGuard, async (c) => {
    const field = await formOf(c);
    const user = requireUser();
    const kind = interestKind(field("kind"));
    const interests = (await deps.community()).interests;
    const on = field("on") !== "0";
    if (on) await interests.followInterest(user.id, kind, field("value"), nowOf(deps).toISOString());
    else await interests.unfollowInterest(user.id, kind, field("value"));
    if (wantsJson(c)) return c.json({ kind, value: field("value").trim(), following: on });
    return c.redirect(localPath(field("back"), "/for-you?notice=saved"), 303);
  });

  // The paper page's box: the checked authors and categories are followed, the unchecked unfollowed.
  app.post("/interests/paper", csrfGuard, async (c: Context) => {
    const body = await c.req.parseBody({ all: true });
    const list = (name: string) => [body[name]].flat().filter((v): v is string => typeof v === "string");
    const paperId = parseArxivId(list("paper")[0] ?? "")?.id;
    const paper = paperId ? await deps.store.getPaper(paperId) : null;
    if (!paper) throw new PaperfeedError("serve", "invalid_paper", "field paper names no stored paper", 400);
    const user = requireUser();
    const interests = (await deps.community()).interests;
    const now = nowOf(deps).toISOString();
    const chosen = { author: new Set(list("author")), category: new Set(list("category")) };
    const offered: Array<[InterestKind, string]> = [...paper.authors.map((a) => ["author", a.name] as [InterestKind, string]), ...paper.categories.map((k) => ["category", k] as [InterestKind, string])];
    for (const [kind, value] of offered) {
      if (chosen[kind].has(value)) await interests.followInterest(user.id, kind, value, now);
      else await interests.unfollowInterest(user.id, kind, value);
    }
    return c.redirect(`${paperHref(paper.id)}?notice=saved`, 303);
  });
}
