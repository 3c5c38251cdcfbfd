/**
 * `GET /api/daily_papers` — Hugging Face's Daily Papers list, from paperfeed's daily lists: the
 * papers announced in a day (`date`), ISO week (`week`) or month (`month`); the latest day with
 * papers by default. `sort=trending` ranks as the trending page does (src/rank/trending.ts, with
 * the community's votes, comments and stars); `submitter` keeps papers a member put on a daily list. Trending and
 * submitter look at the period's newest CANDIDATES papers.
 */
import { type OpenAPIHono, createRoute, z } from "@hono/zod-openapi";
import type { Paper } from "../../../core/paper.js";
import { rankTrending } from "../../../rank/trending.js";
import { type Period, dayPeriod, monthPeriod, weekPeriod } from "../../web/present/periods.js";
import { type CommunityFacts, communityFacts } from "../community/facts.js";
import { invalidParameters } from "../common/errors.js";
import { hfErrorResponses } from "./errors.js";
import type { ApiDeps } from "../deps.js";
import { hfItems } from "./items.js";
import { HfDailyItemSchema, pageLimit } from "./schema.js";

/** Papers of a period that trending and the submitter filter consider (the newest ones). */
const CANDIDATES = 1000;

export const DailyPapersQuery = z.object({
  date: z.string().optional().openapi({ description: "A day, YYYY-MM-DD", example: "2024-01-15" }),
  week: z.string().optional().openapi({ description: "An ISO week, YYYY-Www", example: "2024-W03" }),
  month: z.string().optional().openapi({ description: "A month, YYYY-MM", example: "2024-01" }),
  submitter: z.string().max(100).optional().openapi({ description: "Only papers this member (username) put on a daily list", example: "ada-lovelace" }),
  sort: z.enum(["publishedAt", "trending"]).default("publishedAt").openapi({ description: "Newest first (default) or trending" }),
  p: z.coerce.number().int().min(0).max(10_000).default(0).openapi({ description: "Page, from 0" }),
  limit: pageLimit(100, 50, "Items"),
});
type DailyPapersQuery = z.infer<typeof DailyPapersQuery>;

const route = createRoute({
  method: "get",
  path: "/api/daily_papers",
  operationId: "hfListDailyPapers",
  security: [],
  tags: ["Hugging Face compatible"],
  summary: "Daily papers (Hugging Face shape)",
  request: { query: DailyPapersQuery },
  responses: {
    200: { description: "One page of the period's papers", content: { "application/json": { schema: z.array(HfDailyItemSchema) } } },
    ...hfErrorResponses,
  },
});

async function periodOf(deps: ApiDeps, q: DailyPapersQuery): Promise<Period | null> {
  const given = (["date", "week", "month"] as const).filter((k) => q[k] !== undefined);
  if (given.length > 1) throw invalidParameters(given.map((k) => ({ path: [k], message: "give only one of date, week and month" })));
  if (q.date !== undefined) return dayPeriod(q.date);
  if (q.week !== undefined) return weekPeriod(q.week);
  if (q.month !== undefined) return monthPeriod(q.month);
  const [latest] = await deps.store.announcedDays({ limit: 1 });
  return latest ? dayPeriod(latest.day) : null;
}

export function mountDailyPapers(api: OpenAPIHono, deps: ApiDeps): void {
  api.openapi(route, async (c) => {
    const q = c.req.valid("query");
    const period = await periodOf(deps, q);
    if (!period) return c.json([], 200);
    const offset = q.p * q.limit;
    let papers: Paper[];
    if (q.sort === "publishedAt" && q.submitter === undefined) {
      papers = await deps.store.listAnnounced(period.from, period.to, { limit: q.limit, offset });
    } else {
      papers = await deps.store.listAnnounced(period.from, period.to, { limit: CANDIDATES });
      const facts = await communityFacts(deps.community, papers);
      const submitter = q.submitter?.toLowerCase();
      if (submitter !== undefined) papers = papers.filter((p) => facts.get(p.id)?.submittedBy?.username === submitter);
      if (q.sort === "trending") papers = trending(papers, facts);
      papers = papers.slice(offset, offset + q.limit);
    }
    return c.json(await hfItems(deps, c, papers), 200);
  });
}

/** The site's trending order: metadata parts plus the community's (votes, comments, collections, stars). */
function trending(papers: Paper[], facts: Map<string, CommunityFacts>): Paper[] {
  const byId = new Map(papers.map((p) => [p.id, p]));
  const activity = new Map([...facts].flatMap(([id, f]) => (f.activity ? [[id, f.activity] as const] : [])));
  return rankTrending(papers, { activity }).map((r) => byId.get(r.id)!);
}
