/**
 * The delivery jobs: queue the daily digest when a new announcement day has been imported, queue
 * the weekly digest once a week is over, and drain the outbox. Only the latest period is ever
 * due, so after downtime each subscriber gets one digest, not one per missed period.
 */
import { dailyPeriod, lastCompleteWeek, periodOfKey } from "../actions/digest/periods.js";
import { queueDigests } from "../deliver/queue-digests.js";
import { MailBreaker } from "../deliver/breaker.js";
import { drainOutbox, recoverDeadSenders } from "../deliver/sender.js";
import { SmtpClient, parseSmtpUrl } from "../deliver/smtp.js";
import { PaperfeedError } from "../core/errors.js";
import type { Job, JobContext } from "./types.js";

/** The newest announcement day in the store. */
async function latestDay(ctx: JobContext): Promise<string | null> {
  const [newest] = await ctx.store.announcedDays({ limit: 1 });
  return newest?.day ?? null;
}

async function queue(ctx: JobContext, key: string): Promise<string> {
  const s = await queueDigests({
    store: ctx.store,
    delivery: ctx.delivery,
    community: ctx.community,
    period: periodOfKey(key),
    clock: ctx.clock,
  });
  return `${s.queued} digests queued, ${s.empty} with nothing new, ${s.papers} papers in the period`;
}

export const dailyDigestJob: Job = {
  name: "digest.daily",
  everyMs: 5 * 60_000,
  period: async (ctx) => {
    const day = await latestDay(ctx);
    return day ? dailyPeriod(day).key : null;
  },
  run: (ctx, period) => queue(ctx, period!),
};

export const weeklyDigestJob: Job = {
  name: "digest.weekly",
  everyMs: 15 * 60_000,
  period: async (ctx) => {
    const week = lastCompleteWeek(ctx.clock());
    const day = await latestDay(ctx);
    // Wait until the store has papers from that week or later (an import may still be running).
    return day && day >= week.from ? week.key : null;
  },
  run: (ctx, period) => queue(ctx, period!),
};

/**
 * Sends what the outbox holds (digests, confirmations, account mail), every 5 s so a member's
 * link arrives promptly; needs `config.smtpUrl`. Its breaker outlives each run, so an outage is
 * logged once and mail waits for the server's return. Options are for tests.
 */
export function outboxJob(options: { everyMs?: number; retryDelaysMs?: number[]; probeEveryMs?: number } = {}): Job {
  let breaker: MailBreaker | null = null;
  return {
    name: "outbox.send",
    everyMs: options.everyMs ?? 5_000,
    async run(ctx) {
      if (!ctx.config.smtpUrl)
        throw new PaperfeedError(
          "jobs",
          "no_smtp",
          "no SMTP server configured (--smtp-url / PAPERFEED_SMTP_URL)",
        );
      const settings = parseSmtpUrl(ctx.config.smtpUrl);
      const recovered = await recoverDeadSenders(
        ctx.delivery,
        // This job runs under its lock, so any other holder of messages is a sender that died (or
        // whose lease ran out): take its messages back, on any host. A sender that is only slow
        // loses nothing: its next markHanded fails and that message is abandoned before its end.
        (o) => o !== ctx.owner,
        ctx.clock().toISOString(),
      );
      breaker ??= new MailBreaker(ctx.log, options.probeEveryMs);
      const smtp = new SmtpClient(settings);
      try {
        const s = await drainOutbox({
          delivery: ctx.delivery,
          store: ctx.store,
          smtp,
          owner: ctx.owner,
          base: ctx.config.baseUrl,
          from: ctx.config.mailFrom ?? `paperfeed <paperfeed@${new URL(ctx.config.baseUrl).hostname}>`,
          secret: await ctx.delivery.secret("links"),
          clock: ctx.clock,
          log: ctx.log,
          concurrency: settings.maxConnections,
          breaker,
          ...(options.retryDelaysMs ? { retryDelaysMs: options.retryDelaysMs } : {}),
        });
        const recoveredNote =
          recovered.requeued + recovered.assumedSent > 0
            ? `; recovered ${recovered.requeued} requeued, ${recovered.assumedSent} assumed sent`
            : "";
        return `${s.sent} sent, ${s.retried} to retry, ${s.failed} failed (${s.suppressed} suppressed), ${s.skipped} skipped${recoveredNote}`;
      } finally {
        await smtp.close();
      }
    },
  };
}
