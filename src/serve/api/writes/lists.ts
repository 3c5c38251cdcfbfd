/**
 * Writes to lists: `POST /api/v1/days/{day}/submissions` and `POST /api/v1/submissions` (a paper on
 * a daily list, by the pages' rules in `submitPaper`), and `POST /api/v1/collections/{id}/papers`
 * (a paper into a collection the token's owner has).
 */
import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { resolvePaper } from "../../../actions/community/context.js";
import * as engage from "../../../actions/community/engage.js";
import { submitPaper } from "../../../actions/community/submit.js";
import { PaperfeedError } from "../../../core/errors.js";
import { apiToken } from "../../middleware/api-token.js";
import { LIMITS, limitRate } from "../../middleware/rate-limit.js";
import { dayPeriod } from "../../web/present/periods.js";
import type { ApiDeps } from "../deps.js";
import { CollectBody, CollectedResponse, SubmissionBody, SubmissionResponse } from "./schema.js";
import { conflict, contextOf, json, ownerOf, security, tags, writeErrors } from "./shared.js";

const submitted = {
  201: { description: "The daily-list entry", content: json(SubmissionResponse) },
  ...writeErrors,
  ...conflict("Already on a daily list"),
};

const submitRoute = createRoute({
  method: "post",
  path: "/api/v1/submissions",
  operationId: "submitPaper",
  tags,
  summary: "Put a paper on today's daily list",
  security,
  request: { body: { content: json(SubmissionBody), required: true } },
  responses: submitted,
});

const submitOnDayRoute = createRoute({
  method: "post",
  path: "/api/v1/days/{day}/submissions",
  operationId: "submitPaperForDay",
  tags,
  summary: "Put a paper on a day's daily list (members always add to today's)",
  security,
  request: {
    params: z.object({
      day: z.string().openapi({ example: "2024-01-15", description: "YYYY-MM-DD; only curators pick a day" }),
    }),
    body: { content: json(SubmissionBody), required: true },
  },
  responses: submitted,
});

const collectRoute = createRoute({
  method: "post",
  path: "/api/v1/collections/{id}/papers",
  operationId: "addPaperToCollection",
  tags,
  summary: "Add a paper to one of the token owner's collections",
  security,
  request: {
    params: z.object({
      id: z
        .string()
        .regex(/^[1-9]\d{0,14}$/, "expected a collection number")
        .openapi({ example: "1" }),
    }),
    body: { content: json(CollectBody), required: true },
  },
  responses: {
    201: { description: "The collection entry", content: json(CollectedResponse) },
    ...writeErrors,
    ...conflict("Already in the collection"),
  },
});

async function submit(deps: ApiDeps, c: Context, paper: string, day?: string) {
  const ctx = await contextOf(deps);
  const user = ownerOf(c);
  // The pages' key, so the limit is one per member whether the pages or the API are used.
  await limitRate(ctx.community, `submit:user:${user.id}`, LIMITS.submit);
  const entry = await submitPaper(ctx, user, day ? { paper, day } : { paper });
  return c.json(
    {
      day: entry.day,
      paper: entry.paperId,
      submittedBy: entry.submitterName,
      submittedAt: entry.submittedAt,
      votes: entry.votes,
    },
    201,
  );
}

export function mountListWrites(api: OpenAPIHono, deps: ApiDeps): void {
  const token = apiToken(deps, { required: true });

  api.use(submitRoute.path, token);
  api.openapi(submitRoute, async (c) => submit(deps, c, c.req.valid("json").paper));

  api.use("/api/v1/days/:day/submissions", token);
  api.openapi(submitOnDayRoute, async (c) =>
    submit(deps, c, c.req.valid("json").paper, dayPeriod(c.req.valid("param").day).from),
  );

  api.use("/api/v1/collections/:id/papers", token);
  api.openapi(collectRoute, async (c) => {
    const ctx = await contextOf(deps);
    const user = ownerOf(c);
    // A public collection of someone else is a 403; a private one stays a 404, as the reads answer.
    const collection = await engage.visibleCollection(ctx, user, Number(c.req.valid("param").id));
    if (collection.userId !== user.id)
      throw new PaperfeedError(
        "serve",
        "forbidden",
        `collection ${collection.id} belongs to another member`,
        403,
      );
    const { paper: ref, note } = c.req.valid("json");
    const paper = await resolvePaper(ctx, ref);
    // Checked first: the store would quietly replace the note of a paper already there.
    const inside = async () =>
      (await ctx.community.collectionItems(collection.id)).find((i) => i.paperId === paper.id);
    if (await inside())
      throw new PaperfeedError(
        "serve",
        "already_collected",
        `paper ${paper.id} is already in collection ${collection.id}`,
        409,
      );
    await engage.collect(ctx, user, collection.id, paper.id, note);
    const item = (await inside())!;
    return c.json(
      { collection: collection.id, paper: paper.id, note: item.note, addedAt: item.addedAt },
      201,
    );
  });
}
