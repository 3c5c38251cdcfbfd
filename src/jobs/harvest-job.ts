/**
 * When to harvest: a few passes after each of arXiv's announcements (Sunday to Thursday, 20:00
 * US Eastern; src/core/arxiv-schedule.ts). The first pass comes 30 minutes after the mailing;
 * later passes (4 h, 12 h) pick up what arXiv's OAI-PMH feed published late. Each pass is
 * incremental from the harvester's checkpoint, so a pass with nothing new costs one request, and
 * after downtime the next due pass catches up on everything missed. On a new instance the first
 * pass backfills (the harvester decides how far back: `--backfill-days`).
 */
import { latestAnnouncement } from "../core/arxiv-schedule.js";
import type { Job, JobContext } from "./types.js";

/** Minutes after an announcement at which a harvest pass is due. */
export const HARVEST_PASSES_MIN = [30, 240, 720] as const;

/** The latest pass due at `now` (ms), as a period key like "2026-01-07+30m". */
export function dueHarvestPass(now: number): string {
  let a = latestAnnouncement(new Date(now));
  for (;;) {
    const due = HARVEST_PASSES_MIN.filter((m) => a.at.getTime() + m * 60_000 <= now);
    if (due.length > 0) return `${a.day}+${due.at(-1)}m`;
    a = latestAnnouncement(new Date(a.at.getTime() - 1));
  }
}

/** The harvest job around `harvest`, which fetches what is new and says what it stored. */
export function harvestJob(harvest: (ctx: JobContext, pass: string) => Promise<string>): Job {
  return {
    name: "harvest",
    // Looking is cheap (no request unless a pass is due).
    everyMs: 60_000,
    period: async (ctx) => dueHarvestPass(ctx.time.now()),
    run: (ctx, period) => harvest(ctx, period!),
  };
}
