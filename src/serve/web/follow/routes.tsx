/**
 * Follow routes: the Follow button and the updates on the paper page (added to the finished page
 * the way engage-routes.tsx adds the comments), POST /follow, the /following page, renewing its
 * secret feed address, and the feed itself at /feeds/following/<id>/<key>.atom
 * (readers send no cookies; the key in the URL is the credential, src/actions/follow/feed-link.ts).
 */
import type { Hono } from "hono";
import { followingFeedPath, isFollowingFeedKey, renewFollowingFeed } from "../../../actions/follow/feed-link.js";
import { follow } from "../../../actions/follow/follow.js";
import { parseArxivId } from "../../../core/arxiv-id.js";
import { csrfGuard } from "../../middleware/csrf.js";
import { rewriteHtml } from "../../middleware/html-body.js";
import { currentViewer } from "../../middleware/session.js";
import { noticeText } from "../community-form.js";
import { type CommunityWebDeps, communityContext, formOf, localPath, requireUser, signInFirst } from "../community-deps.js";
import { wantsJson } from "../curated/routes.js";
import { paperHref } from "../format.js";
import { followingAtom } from "./feed.js";
import { eventsWithPapers, loadFollowing } from "./load.js";
import { FollowingPage } from "./pages.js";
import { FollowButton, PaperEvents } from "./parts.js";
import { presentEvent } from "./present.js";

/** Events shown on a paper page and entries in a member's feed. */
const PAPER_EVENTS = 50;
const FEED_ENTRIES = 50;

/** The paper page's actions block; Follow goes first in it, the upvote and Save before it (engage-routes.tsx, mounted before). */
const ACTIONS = '<div class="actions">';
const DETAILS = '<section aria-labelledby="details-heading">';

async function paperPageParts(deps: CommunityWebDeps, paperId: string): Promise<{ button: string; events: string }> {
  const viewer = currentViewer()?.user ?? null;
  const [following, events] = await Promise.all([
    viewer ? (await deps.community()).isFollowing(viewer.id, paperId) : Promise.resolve(false),
    deps.store.paperEvents([paperId], { limit: PAPER_EVENTS }),
  ]);
  const href = paperHref(paperId);
  return {
    button: await (<FollowButton paperId={paperId} back={href} following={following} signedIn={viewer !== null} />).toString(),
    events: await (<PaperEvents events={events.map(presentEvent)} />).toString(),
  };
}

const pageNumber = (raw: string | undefined) => Math.max(1, Math.floor(Number(raw) || 1));

export function mountFollowRoutes(app: Hono, deps: CommunityWebDeps): void {
  const base = deps.config.baseUrl.replace(/\/+$/, "");

  app.use("/papers/*", async (c, next) => {
    await next();
    const id = parseArxivId(c.req.path.slice("/papers/".length))?.id;
    if (!id) return;
    await rewriteHtml(c, async (html) => {
      const { button, events } = await paperPageParts(deps, id);
      return html.replace(ACTIONS, () => `${ACTIONS}${button}`).replace(DETAILS, () => `${events}${DETAILS}`);
    });
  });

  app.post("/follow", csrfGuard, async (c) => {
    const field = await formOf(c);
    const paperId = field("paper");
    const result = await follow(await communityContext(deps), requireUser(), paperId, field("on") !== "0");
    if (wantsJson(c)) return c.json(result);
    return c.redirect(localPath(field("back"), paperHref(paperId)), 303);
  });

  app.get("/following", async (c) => {
    const viewer = currentViewer()?.user;
    if (!viewer) return signInFirst(c);
    const view = await loadFollowing(
      { store: deps.store, community: await deps.community() },
      { viewer, page: pageNumber(c.req.query("page")), base, notice: noticeText(c.req.query("notice")) },
    );
    c.header("Cache-Control", "no-store");
    return c.html(<FollowingPage view={view} />);
  });

  app.post("/following/feed/renew", csrfGuard, async (c) => {
    await renewFollowingFeed(await deps.community(), requireUser().id);
    return c.redirect("/following?notice=saved#feed-heading", 303);
  });

  app.get("/feeds/following/:user{[0-9]+}/:file{[A-Za-z0-9_-]+\\.atom}", async (c) => {
    const userId = Number(c.req.param("user"));
    const key = c.req.param("file").slice(0, -".atom".length);
    const community = await deps.community();
    const member = await community.getUser(userId);
    // One answer for an unknown member and a wrong or revoked key: the URL tells nothing.
    if (!member || !(await isFollowingFeedKey(community, userId, key))) return c.notFound();
    const items = await eventsWithPapers(deps.store, await community.followedEvents(userId, { limit: FEED_ENTRIES }));
    const atom = followingAtom({ base, selfUrl: `${base}${followingFeedPath(userId, key)}`, name: member.displayName, items });
    return c.body(atom, 200, { "content-type": "application/atom+xml; charset=utf-8", "cache-control": "private, max-age=300" });
  });
}
