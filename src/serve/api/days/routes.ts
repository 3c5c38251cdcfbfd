/**
 * Daily lists: `GET /api/v1/days` (days that have papers, newest first, with counts) and
 * `GET /api/v1/days/{day}` (one day's papers, a page at a time, with the neighbouring days).
 */
import { type OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import { dayPeriod } from "../../web/present/periods.js";
import { communityFacts } from "../community/facts.js";
import { errorResponses } from "../common/errors.js";
import { CommunitySchema, PaperSchema } from "../common/paper-schema.js";
import { communityOf } from "../common/present.js";
import type { ApiDeps } from "../deps.js";

const json = <T>(schema: T) => ({ "application/json": { schema } });
const page = (max: number, fallback: number) => ({
  limit: z.coerce.number().int().min(1).max(max).default(fallback).openapi({ description: `Items per request, 1–${max}` }),
  offset: z.coerce.number().int().min(0).max(100_000).default(0).openapi({ description: "Items to skip" }),
});

export const DaysResponse = z.object({ days: z.array(z.object({ day: z.string(), count: z.number().int() })) }).openapi("DaysResponse");

export const DayResponse = z
  .object({
    day: z.string(),
    total: z.number().int(),
    previous: z.string().nullable().openapi({ description: "Nearest earlier day with papers" }),
    next: z.string().nullable().openapi({ description: "Nearest later day with papers" }),
    papers: z.array(z.object({ paper: PaperSchema, community: CommunitySchema })),
  })
  .openapi("DayResponse");

const daysRoute = createRoute({
  method: "get",
  path: "/api/v1/days",
  operationId: "listDays",
  security: [],
  tags: ["Daily lists"],
  summary: "Days that have papers, newest first",
  request: { query: z.object(page(1000, 30)) },
  responses: { 200: { description: "Days with their paper counts", content: json(DaysResponse) }, ...errorResponses },
});

const dayRoute = createRoute({
  method: "get",
  path: "/api/v1/days/{day}",
  operationId: "getDay",
  security: [],
  tags: ["Daily lists"],
  summary: "Papers announced on one day",
  request: {
    params: z.object({ day: z.string().openapi({ description: "YYYY-MM-DD", example: "2024-01-15" }) }),
    query: z.object(page(200, 50)),
  },
  responses: { 200: { description: "One page of the day's papers, by id", content: json(DayResponse) }, ...errorResponses },
});

export function mountDays(api: OpenAPIHono, deps: ApiDeps): void {
  api.openapi(daysRoute, async (c) => c.json({ days: await deps.store.announcedDays(c.req.valid("query")) }, 200));

  api.openapi(dayRoute, async (c) => {
    const day = dayPeriod(c.req.valid("param").day).from;
    const { limit, offset } = c.req.valid("query");
    const [total, papers, previous, next] = await Promise.all([
      deps.store.countAnnounced(day, day),
      deps.store.listAnnounced(day, day, { limit, offset }),
      deps.store.adjacentDay(day, "before"),
      deps.store.adjacentDay(day, "after"),
    ]);
    const facts = await communityFacts(deps.community, papers);
    return c.json({ day, total, previous, next, papers: papers.map((paper) => ({ paper, community: communityOf(facts.get(paper.id)!) })) }, 200);
  });
}
