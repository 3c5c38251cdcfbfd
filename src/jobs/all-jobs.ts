/**
 * The jobs a node runs — `serve` by default, or `paperfeed worker` on a dedicated node — chosen
 * by the configuration. Leases in the database (runner.ts) keep two nodes from running one job at
 * once, so every node may run the same list.
 */
import type { Config } from "../config/types.js";
import { formatHarvestSummary, harvestArxiv } from "../ingest/harvest/index.js";
import { dailyDigestJob, outboxJob, weeklyDigestJob } from "./delivery-jobs.js";
import { harvestJob } from "./harvest-job.js";
import { starsJob } from "./stars-job.js";
import { thumbnailsJob } from "./thumbnails-job.js";
import type { Job } from "./types.js";

export function jobsFor(config: Config): Job[] {
  const jobs: Job[] = [];
  if (config.harvest) jobs.push(arxivHarvestJob);
  // Digests are queued only where they can be sent; a queue nobody drains would only grow.
  if (config.smtpUrl) jobs.push(dailyDigestJob, weeklyDigestJob, outboxJob());
  // Always on: it asks GitHub nothing while no recent paper links to a repository.
  jobs.push(starsJob);
  if (config.thumbnails) jobs.push(thumbnailsJob);
  return jobs;
}

/** "harvest, digest.daily, …" for the start-up line. */
export const jobNames = (jobs: readonly Job[]) => jobs.map((j) => j.name).join(", ") || "none";

/** Harvests arXiv's OAI-PMH feed from the checkpoint (or the first-run backfill) at each due pass. */
const arxivHarvestJob = harvestJob(async (ctx) => {
  const summary = await harvestArxiv({
    store: ctx.store,
    config: ctx.config,
    time: ctx.time,
    log: ctx.log,
    ...(ctx.signal ? { signal: ctx.signal } : {}),
  });
  for (const issue of summary.issues.slice(0, 5)) ctx.log(`harvest: ${issue.reason}`);
  return formatHarvestSummary(summary).trim();
});
