/**
 * Community reads: `GET /api/v1/comments?paper=ID` (a paper's visible comments, oldest first),
 * `GET /api/v1/collections/{id}` (a public collection, or the token owner's own private one),
 * `GET /api/v1/curated/{day}` (the members' daily list, most upvoted first) and
 * `GET /api/v1/me/votes` (the papers the token's owner upvoted, newest first; needs a token).
 */
import { type OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { visibleCollection } from "../../../actions/community/engage.js";
import { requireArxivId } from "../../../core/arxiv-id.js";
import type { Paper } from "../../../core/paper.js";
import { apiToken, type ApiTokenEnv } from "../../middleware/api-token.js";
import { dayPeriod } from "../../web/present/periods.js";
import { errorContent, errorResponses } from "../common/errors.js";
import { communityOf } from "../common/present.js";
import type { ApiDeps } from "../deps.js";
import { communityFacts } from "./facts.js";
import { CollectionResponse, CommentsResponse, CuratedResponse, VotesResponse } from "./schema.js";

const tags = ["Community"];
const json = <T>(schema: T) => ({ "application/json": { schema } });
const unauthorized = {
  401: errorContent("A token was sent but is not valid, or one is needed (id `unauthorized`)"),
};
const notFound = { 404: errorContent("No such collection (or it is private)") };

const commentsRoute = createRoute({
  method: "get",
  path: "/api/v1/comments",
  operationId: "listComments",
  security: [],
  tags,
  summary: "A paper's comments",
  request: {
    query: z.object({
      paper: z.string().max(200).openapi({ description: "arXiv id in any form", example: "2401.01234" }),
    }),
  },
  responses: {
    200: {
      description: "Visible comments, oldest first; hidden ones are left out",
      content: json(CommentsResponse),
    },
    ...errorResponses,
  },
});

const collectionRoute = createRoute({
  method: "get",
  path: "/api/v1/collections/{id}",
  operationId: "getCollection",
  tags,
  summary: "A collection with its papers",
  // Public collections need no token; a private one only its owner's.
  security: [{}, { bearer: [] }] as Array<Record<string, string[]>>,
  request: { params: z.object({ id: z.string().regex(/^[1-9]\d{0,14}$/, "expected a collection number").openapi({ example: "1" }) }) },
  responses: {
    200: { description: "Most recently added first", content: json(CollectionResponse) },
    ...notFound,
    ...unauthorized,
    ...errorResponses,
  },
});

const curatedRoute = createRoute({
  method: "get",
  path: "/api/v1/curated/{day}",
  operationId: "getCuratedDay",
  security: [],
  tags,
  summary: "The members' daily list of a day",
  request: {
    params: z.object({ day: z.string().openapi({ example: "2024-01-15", description: "YYYY-MM-DD" }) }),
  },
  responses: {
    200: { description: "Most upvoted first, then earliest submitted", content: json(CuratedResponse) },
    ...errorResponses,
  },
});

const votesRoute = createRoute({
  method: "get",
  path: "/api/v1/me/votes",
  operationId: "listMyVotes",
  tags,
  summary: "Papers the token's owner upvoted",
  security: [{ bearer: [] }],
  request: {
    query: z.object({
      limit: z.coerce.number().int().min(1).max(1000).default(100).openapi({ description: "Papers, 1–1000" }),
    }),
  },
  responses: {
    200: { description: "Newest vote first", content: json(VotesResponse) },
    ...unauthorized,
    ...errorResponses,
  },
});

/** Papers for ids, in the ids' order, each with its community counters. */
async function entries(
  deps: ApiDeps,
  ids: readonly string[],
): Promise<Array<{ paper: Paper; community: ReturnType<typeof communityOf> }>> {
  const papers = await deps.store.getPapers(ids);
  const facts = await communityFacts(deps.community, papers);
  return papers.map((paper) => ({ paper, community: communityOf(facts.get(paper.id)!) }));
}

const ownerOf = (c: Context) => (c as unknown as Context<ApiTokenEnv>).get("apiOwner") ?? null;

export function mountCommunityReads(api: OpenAPIHono, deps: ApiDeps): void {
  api.openapi(commentsRoute, async (c) => {
    const { id } = requireArxivId(c.req.valid("query").paper);
    const comments = (await (await deps.community()).listComments(id)).filter((m) => !m.hiddenAt);
    return c.json(
      {
        paperId: id,
        comments: comments.map((m) => ({
          id: m.id,
          paperId: m.paperId,
          parentId: m.parentId,
          createdAt: m.createdAt,
          editedAt: m.editedAt,
          author: m.deleted ? null : m.authorName,
          body: m.deleted ? null : m.body,
        })),
      },
      200,
    );
  });

  api.use(collectionRoute.path.replace("{id}", ":id"), apiToken(deps, { required: false }));
  api.openapi(collectionRoute, async (c) => {
    const community = await deps.community();
    const collection = await visibleCollection(
      { community, store: deps.store },
      ownerOf(c)?.user ?? null,
      Number(c.req.valid("param").id),
    );
    const items = await community.collectionItems(collection.id);
    const papers = new Map(
      (
        await entries(
          deps,
          items.map((i) => i.paperId),
        )
      ).map((e) => [e.paper.id, e]),
    );
    return c.json(
      {
        collection: {
          id: collection.id,
          name: collection.name,
          owner: collection.ownerName,
          isPublic: collection.isPublic,
          createdAt: collection.createdAt,
          items: collection.items,
        },
        items: items.flatMap((i) => {
          const e = papers.get(i.paperId);
          return e ? [{ ...e, note: i.note, addedAt: i.addedAt }] : [];
        }),
      },
      200,
    );
  });

  api.openapi(curatedRoute, async (c) => {
    const day = dayPeriod(c.req.valid("param").day).from;
    const list = await (await deps.community()).listDaily(day);
    const papers = new Map(
      (
        await entries(
          deps,
          list.map((e) => e.paperId),
        )
      ).map((e) => [e.paper.id, e]),
    );
    return c.json(
      {
        day,
        entries: list.flatMap((e) => {
          const p = papers.get(e.paperId);
          return p
            ? [{ ...p, submittedBy: e.submitterName, submittedAt: e.submittedAt, votes: e.votes }]
            : [];
        }),
      },
      200,
    );
  });

  api.use(votesRoute.path, apiToken(deps, { required: true }));
  api.openapi(votesRoute, async (c) => {
    const ids = await (await deps.community()).userVotes(ownerOf(c)!.user.id, c.req.valid("query").limit);
    return c.json({ papers: await entries(deps, ids) }, 200);
  });
}
