/**
 * Comments on the paper page and the community section injected into it: the paper page
 * belongs to the site's pages (web/routes.tsx), so this adds its section to the finished HTML,
 * the way the delivery mount adds the subscribe box.
 */
import type { Hono } from "hono";
import * as engage from "../../actions/community/engage.js";
import { parseArxivId } from "../../core/arxiv-id.js";
import { csrfGuard } from "../middleware/csrf.js";
import { rewriteHtml } from "../middleware/html-body.js";
import { limitRate } from "../middleware/rate-limit.js";
import { currentViewer } from "../middleware/session.js";
import { type CommunityWebDeps, communityContext, formOf, requireUser } from "./community-deps.js";
import { paperHref } from "./format.js";
import { commentHasMath } from "./markdown.js";
import { PaperCommunity, type PaperCommunityView, PaperTopActions } from "./paper/community.js";
import { assetUrls } from "../static.js";

/** The paper page's actions block (paper/page.tsx): the upvote and Save go first, Follow after them (follow/routes.tsx, mounted after). */
const ACTIONS = '<div class="actions">';

async function presentPaperCommunity(deps: CommunityWebDeps, paperId: string): Promise<PaperCommunityView> {
  const community = await deps.community();
  const viewer = currentViewer()?.user ?? null;
  const [activity, comments, voted, collections] = await Promise.all([
    community.activityOf([paperId]),
    community.listComments(paperId),
    viewer ? community.votedPapers(viewer.id, [paperId]) : Promise.resolve(new Set<string>()),
    viewer ? community.listCollections(viewer.id, false) : Promise.resolve([]),
  ]);
  return {
    paperId,
    href: paperHref(paperId),
    votes: activity.get(paperId)?.votes ?? 0,
    voted: voted.has(paperId),
    comments,
    viewer,
    canModerate: engage.canModerate(viewer),
    collections,
  };
}

const back = (paperId: string, commentId?: number) => `${paperHref(paperId)}${commentId ? `#comment-${commentId}` : "#comments"}`;

export function mountEngageRoutes(app: Hono, deps: CommunityWebDeps): void {
  app.use("/papers/*", async (c, next) => {
    await next();
    const id = parseArxivId(c.req.path.slice("/papers/".length))?.id;
    if (!id) return;
    await rewriteHtml(c, async (page) => {
      const view = await presentPaperCommunity(deps, id);
      const [section, top] = await Promise.all([(<PaperCommunity view={view} />).toString(), (<PaperTopActions view={view} />).toString()]);
      const html = page.replace(ACTIONS, () => `${ACTIONS}${top}`).replace("</main>", () => `${section}</main>`);
      // Math in comments needs KaTeX's stylesheet, which the page loads only for math in the paper.
      const katexLink = `<link rel="stylesheet" href="${assetUrls.katexCss}">`;
      const needsKatex = view.comments.some((k) => !k.deleted && commentHasMath(k.body)) && !html.includes(assetUrls.katexCss);
      return needsKatex ? html.replace("</head>", () => `${katexLink}</head>`) : html;
    });
  });

  app.post("/comments", csrfGuard, async (c) => {
    const user = requireUser();
    const field = await formOf(c);
    const ctx = await communityContext(deps);
    await limitRate(ctx.community, `comment:user:${user.id}`, deps.limits.comment, deps.clock?.());
    const parent = Number(field("parent"));
    const made = await engage.comment(ctx, user, { paperId: field("paper"), body: field("body"), parentId: Number.isInteger(parent) && parent > 0 ? parent : null });
    return c.redirect(back(made.paperId, made.id), 303);
  });

  app.post("/comments/:id{[0-9]+}/edit", csrfGuard, async (c) => {
    const field = await formOf(c);
    const edited = await engage.editComment(await communityContext(deps), requireUser(), Number(c.req.param("id")), field("body"));
    return c.redirect(back(edited.paperId, edited.id), 303);
  });

  app.post("/comments/:id{[0-9]+}/delete", csrfGuard, async (c) => {
    const gone = await engage.deleteComment(await communityContext(deps), requireUser(), Number(c.req.param("id")));
    return c.redirect(back(gone.paperId), 303);
  });

  app.post("/comments/:id{[0-9]+}/hide", csrfGuard, async (c) => {
    const field = await formOf(c);
    const hidden = await engage.hideComment(await communityContext(deps), requireUser(), Number(c.req.param("id")), field("hidden") !== "0");
    return c.redirect(back(hidden.paperId, hidden.id), 303);
  });
}
