/**
 * `daily_papers` (a day, ISO week or month: every paper announced then, or the community's curated
 * lists) and `trending` (what /trending shows).
 */
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import { PaperfeedError } from "../../core/errors.js";
import type { Paper } from "../../core/paper.js";
import { trendingNow } from "../present/trending.js";
import { type Period, dayPeriod, monthPeriod, weekPeriod } from "../web/present/periods.js";
import type { McpDeps } from "./deps.js";
import { summaries } from "./papers.js";
import { answer } from "./present.js";

/** Curated days looked at for a week or month: far more than a month can hold. */
const CURATED_DAYS = 1000;

const dailyInput = {
  date: z.string().optional().describe("A day, YYYY-MM-DD"),
  week: z.string().optional().describe("An ISO week, YYYY-Www (e.g. 2026-W14)"),
  month: z.string().optional().describe("A month, YYYY-MM"),
  list: z
    .enum(["all", "curated"])
    .default("all")
    .describe("all: every paper arXiv announced in the period (newest first); curated: the papers members put on the daily lists, most upvoted first"),
  limit: z.number().int().min(1).max(100).default(30).describe("Papers to return, 1–100 (default 30)"),
  offset: z.number().int().min(0).max(100_000).default(0).describe("Papers to skip, for the next page"),
};
type DailyInput = { date?: string | undefined; week?: string | undefined; month?: string | undefined; list: "all" | "curated" };

/** The period asked for; without one, the newest day that has papers (of that list). */
async function periodOf(deps: McpDeps, input: DailyInput): Promise<Period | null> {
  const given = (["date", "week", "month"] as const).filter((k) => input[k] !== undefined);
  if (given.length > 1) throw new PaperfeedError("serve", "bad_period", `give only one of date, week and month (got ${given.join(", ")})`);
  if (input.date !== undefined) return dayPeriod(input.date);
  if (input.week !== undefined) return weekPeriod(input.week);
  if (input.month !== undefined) return monthPeriod(input.month);
  const newest = input.list === "curated" ? (await (await deps.community()).dailyDays(1))[0] : (await deps.store.announcedDays({ limit: 1 }))[0]?.day;
  return newest ? dayPeriod(newest) : null;
}

/** The curated lists of the period's days, newest day first, each most upvoted first. */
async function curatedIn(deps: McpDeps, period: Period): Promise<{ total: number; page: (offset: number, limit: number) => Promise<Paper[]> }> {
  const community = await deps.community();
  const days = (await community.dailyDays(CURATED_DAYS)).filter((d) => d >= period.from && d <= period.to);
  const ids = (await Promise.all(days.map((d) => community.listDaily(d)))).flat().map((e) => e.paperId);
  const page = async (offset: number, limit: number) => {
    const slice = ids.slice(offset, offset + limit);
    const byId = new Map((await deps.store.getPapers(slice)).map((p) => [p.id, p]));
    return slice.flatMap((id) => byId.get(id) ?? []);
  };
  return { total: ids.length, page };
}

export function registerListTools(server: McpServer, deps: McpDeps): void {
  server.registerTool(
    "daily_papers",
    {
      title: "Daily papers",
      description:
        "Papers of a day, ISO week or month: all that arXiv announced, or the community's curated daily lists. Without a date, week or month: the newest day that has papers.",
      inputSchema: dailyInput,
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    (input) =>
      answer(deps.log, async () => {
        const period = await periodOf(deps, input);
        if (!period) return { period: null, list: input.list, total: 0, papers: [] };
        let total: number;
        let papers: Paper[];
        if (input.list === "curated") {
          const curated = await curatedIn(deps, period);
          total = curated.total;
          papers = await curated.page(input.offset, input.limit);
        } else {
          [total, papers] = await Promise.all([
            deps.store.countAnnounced(period.from, period.to),
            deps.store.listAnnounced(period.from, period.to, { limit: input.limit, offset: input.offset }),
          ]);
        }
        return { period: { kind: period.kind, key: period.key, from: period.from, to: period.to }, list: input.list, total, offset: input.offset, papers: await summaries(deps, papers) };
      }),
  );

  server.registerTool(
    "trending",
    {
      title: "Trending papers",
      description:
        "What is trending now, as on the /trending page: the last week's papers and those with recent community activity, scored by code links, cross-listing, venue, freshness, upvotes, comments, collections and GitHub stars. Every paper comes with its score and the parts it is made of.",
      inputSchema: {
        category: z.string().max(40).optional().describe("Only papers in this arXiv category, e.g. cs.LG"),
        limit: z.number().int().min(1).max(50).default(20).describe("Papers to return, 1–50 (default 20)"),
      },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    ({ category, limit }) =>
      answer(deps.log, async () => {
        const trending = await trendingNow(deps, { category: category ?? null, limit });
        const items = await summaries(deps, trending.entries.map((e) => e.paper));
        return {
          lastDay: trending.lastDay,
          categories: trending.categories,
          papers: items.map((item, i) => ({ ...item, score: trending.entries[i]!.score, scoreParts: trending.entries[i]!.parts })),
        };
      }),
  );
}
