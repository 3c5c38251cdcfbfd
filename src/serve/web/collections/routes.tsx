/** Collection routes: list and create yours, view one, add papers with notes, change, delete. */
import type { Hono } from "hono";
import * as engage from "../../../actions/community/engage.js";
import { nowOf } from "../../../actions/community/context.js";
import { isPaperfeedError } from "../../../core/errors.js";
import { csrfGuard } from "../../middleware/csrf.js";
import { currentViewer } from "../../middleware/session.js";
import { CollectionPage, MyCollectionsPage } from "./pages.js";
import { FIRST_COLLECTION } from "../components/save-button.js";
import { noticeText } from "../community-form.js";
import { type CommunityWebDeps, communityContext, formOf, localPath, requireUser, signInFirst } from "../community-deps.js";
import { paperHref } from "../format.js";
import { summarize } from "../present/summary.js";
import { attachActivity, hereOf } from "../present/activity.js";

const idOf = (raw: string) => Number(raw);

export function mountCollectionRoutes(app: Hono, deps: CommunityWebDeps): void {
  app.get("/collections", async (c) => {
    const user = currentViewer()?.user;
    if (!user) return signInFirst(c);
    return c.html(<MyCollectionsPage collections={await (await deps.community()).listCollections(user.id, false)} />);
  });

  app.post("/collections", csrfGuard, async (c) => {
    const user = requireUser();
    const field = await formOf(c);
    const ctx = await communityContext(deps);
    try {
      const made = await ctx.community.createCollection({ userId: user.id, name: field("name"), isPublic: field("public") === "1", now: nowOf(ctx).toISOString() });
      return c.redirect(`/collections/${made.id}`, 303);
    } catch (error) {
      if (!isPaperfeedError(error) || error.status >= 500) throw error;
      const collections = await ctx.community.listCollections(user.id, false);
      return c.html(<MyCollectionsPage collections={collections} error={error.message.replace(/^\w+: /, "")} />, error.status as 400);
    }
  });

  app.get("/collections/:id{[0-9]+}", async (c) => {
    const viewer = currentViewer()?.user ?? null;
    const ctx = await communityContext(deps);
    const collection = await engage.visibleCollection(ctx, viewer, idOf(c.req.param("id")));
    const items = await ctx.community.collectionItems(collection.id);
    const papers = new Map((await deps.store.getPapers(items.map((i) => i.paperId))).map((p) => [p.id, p]));
    const view = {
      collection,
      items: items.filter((i) => papers.has(i.paperId)).map((i) => ({ paper: summarize(papers.get(i.paperId)!), note: i.note })),
      mine: viewer?.id === collection.userId,
      notice: noticeText(c.req.query("notice")),
    };
    await attachActivity(deps, view.items.map((i) => i.paper), hereOf(c.req.url));
    return c.html(<CollectionPage view={view} />);
  });

  app.post("/collections/add", csrfGuard, async (c) => {
    const field = await formOf(c);
    const user = requireUser();
    const ctx = await communityContext(deps);
    // "new": the member's first save, from a paper page that offered no collection to choose.
    const collection =
      field("collection") === "new"
        ? (await ctx.community.createCollection({ userId: user.id, name: field("name") || FIRST_COLLECTION, isPublic: false, now: nowOf(ctx).toISOString() })).id
        : idOf(field("collection"));
    const paper = await engage.collect(ctx, user, collection, field("paper"), field("note"));
    return c.redirect(localPath(field("back"), `${paperHref(paper)}#community-heading`), 303);
  });

  app.post("/collections/:id{[0-9]+}/remove", csrfGuard, async (c) => {
    const field = await formOf(c);
    await engage.uncollect(await communityContext(deps), requireUser(), idOf(c.req.param("id")), field("paper"));
    return c.redirect(`/collections/${c.req.param("id")}?notice=removed`, 303);
  });

  app.post("/collections/:id{[0-9]+}/update", csrfGuard, async (c) => {
    const field = await formOf(c);
    const ctx = await communityContext(deps);
    const mine = await engage.ownCollection(ctx, requireUser(), idOf(c.req.param("id")));
    await ctx.community.updateCollection(mine.id, { name: field("name"), isPublic: field("public") === "1" });
    return c.redirect(`/collections/${mine.id}?notice=saved`, 303);
  });

  app.post("/collections/:id{[0-9]+}/delete", csrfGuard, async (c) => {
    const ctx = await communityContext(deps);
    const mine = await engage.ownCollection(ctx, requireUser(), idOf(c.req.param("id")));
    await ctx.community.deleteCollection(mine.id, nowOf(ctx).toISOString());
    return c.redirect("/collections", 303);
  });
}
