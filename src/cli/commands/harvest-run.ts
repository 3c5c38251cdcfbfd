/**
 * Runs a harvest and tells the user what happened: progress per page on stderr (a bar on a
 * terminal), waits and notes on stderr as they happen, every problem record with its page and
 * position, then one summary line on stdout. Ctrl-C stops between requests; every stored page is
 * checkpointed, so the next `paperfeed harvest` resumes where this one stopped.
 */
import type { Config } from "../../config/index.js";
import { formatHarvestSummary, type HarvestSummary } from "../../ingest/harvest/index.js";
import type { Store } from "../../store/types.js";
import { EXIT_OK } from "../report-error.js";
import { untilStopSignal } from "../stop-signal.js";

export async function runHarvest(store: Store, config: Config, options: { from?: string; until?: string; set: string[] }): Promise<number> {
  const { harvestArxiv } = await import("../../ingest/harvest/index.js");
  const { createHarvestProgress } = await import("../../ingest/harvest/progress.js");
  const { systemClock } = await import("../../ingest/http/clock.js");
  const progress = createHarvestProgress();
  const stop = new AbortController();
  void untilStopSignal().then((signal) =>
    stop.abort(new Error(`stopped by ${signal}; every page stored is checkpointed, run paperfeed harvest again to resume`)),
  );
  const log = (line: string) => process.stderr.write(`paperfeed: ${line}\n`);
  if (!config.contact) log("no --contact address set (PAPERFEED_CONTACT): arXiv asks harvesters to give one in the User-Agent");
  let summary: HarvestSummary;
  try {
    summary = await harvestArxiv({
      store,
      config,
      time: systemClock,
      log,
      from: options.from,
      until: options.until,
      sets: options.set.length > 0 ? options.set : undefined,
      onProgress: progress.onProgress,
      signal: stop.signal,
    });
  } finally {
    progress.done();
  }
  for (const issue of summary.issues) process.stderr.write(`paperfeed: ${issue.reason}\n`);
  process.stdout.write(formatHarvestSummary(summary));
  return EXIT_OK;
}
