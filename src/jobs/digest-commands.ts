/**
 * What `paperfeed digest …` and `paperfeed worker` do, apart from parsing flags: preview one
 * subscriber's next digest, queue and send the due digests now (or only count them, dry run),
 * and run the job loop.
 */
import { createComposer, openPeriod } from "../actions/digest/compose.js";
import { paperIdsOf } from "../actions/digest/content.js";
import { periodOfKey } from "../actions/digest/periods.js";
import { currentPeriod, previewDigest, requireSubscriber } from "../actions/digest/preview.js";
import type { RenderedMail } from "../actions/digest/render/frame.js";
import type { Cadence } from "../store/delivery-types.js";
import { dailyDigestJob, outboxJob, weeklyDigestJob } from "./delivery-jobs.js";
import { runJobOnce, type JobOutcome } from "./runner.js";
import type { JobContext } from "./types.js";

/** The digest `email` would get for `periodKey` (default: the current one), rendered, without recording anything. */
export async function previewFor(
  ctx: JobContext,
  email: string,
  periodKey?: string,
): Promise<RenderedMail | null> {
  const subscriber = await requireSubscriber(ctx.delivery, email);
  return previewDigest({
    store: ctx.store,
    delivery: ctx.delivery,
    subscriber,
    base: ctx.config.baseUrl,
    now: ctx.clock(),
    ...(periodKey ? { periodKey } : {}),
  });
}

export interface DryRunSummary {
  period: string;
  subscribers: number;
  digests: number;
  papersShown: number;
}

/** Composes every due digest of a cadence without queueing or sending anything. */
export async function dryRunDigests(
  ctx: JobContext,
  cadence: Cadence,
  periodKey?: string,
): Promise<DryRunSummary | null> {
  const period = periodKey ? periodOfKey(periodKey) : await currentPeriod(ctx.store, cadence, ctx.clock());
  if (!period) return null;
  const composer = createComposer(ctx.delivery, await openPeriod(ctx.store, period));
  const summary: DryRunSummary = { period: period.key, subscribers: 0, digests: 0, papersShown: 0 };
  for (let afterId = 0; ;) {
    const page = await ctx.delivery.dueSubscribers({ cadence, duePeriod: period.key, afterId });
    if (page.length === 0) return summary;
    const searches = await ctx.delivery.savedSearchesOf(page.map((s) => s.id));
    for (const s of page) {
      const content = await composer.compose(s, searches.get(s.id) ?? []);
      summary.subscribers++;
      if (content) {
        summary.digests++;
        summary.papersShown += paperIdsOf(content).length;
      }
    }
    afterId = page.at(-1)!.id;
  }
}

/** Queues the due digests of the given cadences (recorded as job runs) and drains the outbox. */
export async function sendDueDigests(ctx: JobContext, cadences: readonly Cadence[]): Promise<JobOutcome[]> {
  const outcomes: JobOutcome[] = [];
  if (cadences.includes("daily")) outcomes.push(await runJobOnce(dailyDigestJob, ctx));
  if (cadences.includes("weekly")) outcomes.push(await runJobOnce(weeklyDigestJob, ctx));
  outcomes.push(await runJobOnce(outboxJob(), ctx));
  return outcomes;
}
