/** `/users/:id`: the profile; another member's private collections stay hidden. */
import type { Hono } from "hono";
import { NotFoundPage } from "../error-page.js";
import { currentViewer } from "../../middleware/session.js";
import type { CommunityWebDeps } from "../community-deps.js";
import { ProfilePage } from "./page.js";

/** Items of each list on the profile. */
const SHOWN = 30;

export function mountProfileRoutes(app: Hono, deps: CommunityWebDeps): void {
  app.get("/users/:id{[0-9]+}", async (c) => {
    const community = await deps.community();
    const user = await community.getUser(Number(c.req.param("id")));
    if (!user) return c.html(<NotFoundPage message="There is no member with this number." />, 404);
    const self = currentViewer()?.user?.id === user.id;
    const [submissions, votes, collections] = await Promise.all([community.userSubmissions(user.id, SHOWN), community.userVotes(user.id, SHOWN), community.listCollections(user.id, !self)]);
    const papers = new Map((await deps.store.getPapers([...submissions.map((s) => s.paperId), ...votes])).map((p) => [p.id, p]));
    const titled = (id: string) => ({ id, title: papers.get(id)?.title ?? id });
    const view = {
      user,
      self,
      submissions: submissions.map((s) => ({ ...titled(s.paperId), day: s.day })),
      upvoted: votes.map(titled),
      collections,
    };
    return c.html(<ProfilePage view={view} />);
  });
}
