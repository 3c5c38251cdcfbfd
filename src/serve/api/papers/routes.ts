/** `GET /api/v1/papers/{id}` — paperfeed's full record of one paper, with its community counters. */
import { type OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import { communityFacts } from "../community/facts.js";
import { arxivUnavailableResponse, errorResponses, notFoundResponse } from "../common/errors.js";
import { PaperIdParam, mountPaperIdRoute, paperOfRequest } from "../common/paper-id.js";
import { CommunitySchema, PaperSchema } from "../common/paper-schema.js";
import { communityOf } from "../common/present.js";
import type { ApiDeps } from "../deps.js";
import { mountRelated } from "./related.js";

export const PaperResponse = z.object({ paper: PaperSchema, community: CommunitySchema }).openapi("PaperResponse");

const route = createRoute({
  method: "get",
  path: "/api/v1/papers/{id}",
  operationId: "getPaper",
  security: [],
  tags: ["Papers"],
  summary: "One paper as stored",
  description:
    "Any form of the id works; the answer names the canonical id. A paper not stored yet is fetched from arXiv and stored, where the site fetches from arXiv (404 `not_on_arxiv` when arXiv has none).",
  request: { params: PaperIdParam },
  responses: {
    200: { description: "The paper", content: { "application/json": { schema: PaperResponse } } },
    ...notFoundResponse,
    ...arxivUnavailableResponse,
    ...errorResponses,
  },
});

export function mountPapers(api: OpenAPIHono, deps: ApiDeps): void {
  mountRelated(api, deps);
  mountPaperIdRoute(api, route, async (c) => {
    const paper = await paperOfRequest(deps, c);
    const facts = await communityFacts(deps.community, [paper]);
    return c.json({ paper, community: communityOf(facts.get(paper.id)!) });
  });
}
