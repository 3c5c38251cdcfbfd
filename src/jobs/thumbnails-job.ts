/**
 * Renders first-page thumbnails for the newest papers: those announced on the last few
 * announcement days (newest day first), then those on the latest curated daily lists, a bounded
 * number per run. Each PDF is fetched from `config.arxivPdfUrl`/ID with the polite client (3 s
 * apart per origin, Retry-After, backoff, User-Agent), capped in size, rendered in memory and
 * dropped: only the small image is stored (src/store/thumbnail-types.ts).
 *
 * A paper whose PDF cannot be used (404, too large, not a PDF, unreadable) gets a failure marker
 * and is retried later with growing waits, so it is not fetched every run; the page shows the
 * typographic placeholder meanwhile. When arXiv itself is unavailable the run stops and marks
 * nothing (it is not the papers' fault). When this machine cannot render at all, the job says so
 * once in the log and fetches nothing.
 */
import { PaperfeedError, messageOf } from "../core/errors.js";
import { PoliteClient } from "../ingest/http/polite-client.js";
import { userAgentOf } from "../ingest/http/user-agent.js";
import { renderFirstPage, checkRenderer } from "../ingest/thumbnails/render.js";
import type { Job, JobContext } from "./types.js";

export interface ThumbnailsJobOptions {
  /** PDFs fetched per run; default 20, 1–500 (with 3 s between requests, about a minute). */
  perRun?: number;
  /** Announcement days looked at, newest first; default 3, 1–30. */
  recentDays?: number;
  /** Curated daily lists looked at after them, newest first; default 3, 0–30. */
  curatedDays?: number;
  /** Largest PDF downloaded, bytes; default 25 MiB (arXiv papers are mostly under 5 MB). A larger one is marked failed. */
  maxPdfBytes?: number;
  /** How often the runner asks; default 2 minutes. */
  everyMs?: number;
}

const DEFAULTS = { perRun: 20, recentDays: 3, curatedDays: 3, maxPdfBytes: 25 * 1024 * 1024, everyMs: 2 * 60_000 };
/** Waits before retrying a failed paper: 6 h, then 4× longer each time, at most 30 days. */
const FIRST_RETRY_MS = 6 * 3_600_000;
const LONGEST_RETRY_MS = 30 * 86_400_000;
/** Papers read from the store per query while looking for ones without a thumbnail. */
const SCAN_PAGE = 500;

/** A message without its component prefix ("ingest: ", "jobs: "), which says nothing to an operator here. */
const why = (e: unknown) => messageOf(e).replace(/^\w+: /, "");

export const retryDelayMs = (attempts: number) => Math.min(LONGEST_RETRY_MS, FIRST_RETRY_MS * 4 ** Math.max(0, attempts - 1));

/** Failures that are arXiv's state, not the paper's: stop the run, mark nothing, try next run. */
const serviceDown = (e: unknown) =>
  e instanceof PaperfeedError && (e.id === "unreachable" || e.id === "retry_too_late" || /^http_(429|5\d\d)$/.test(e.id));

/** Up to `limit` paper ids, newest first, that have no thumbnail and are due an attempt. */
async function candidates(ctx: JobContext, o: typeof DEFAULTS, now: string): Promise<string[]> {
  const thumbnails = ctx.community.thumbnails;
  const chosen: string[] = [];
  const seen = new Set<string>();
  const offer = async (ids: string[]) => {
    const fresh = ids.filter((id) => !seen.has(id));
    fresh.forEach((id) => seen.add(id));
    for (const id of await thumbnails.papersWithoutThumbnail(fresh, now)) if (chosen.length < o.perRun) chosen.push(id);
  };
  for (const { day } of await ctx.store.announcedDays({ limit: o.recentDays })) {
    for (let offset = 0; chosen.length < o.perRun; offset += SCAN_PAGE) {
      const papers = await ctx.store.listAnnounced(day, day, { limit: SCAN_PAGE, offset });
      await offer(papers.map((p) => p.id));
      if (papers.length < SCAN_PAGE) break;
    }
    if (chosen.length >= o.perRun) return chosen;
  }
  if (o.curatedDays > 0)
    for (const day of await ctx.community.dailyDays(o.curatedDays)) {
      await offer((await ctx.community.listDaily(day)).map((e) => e.paperId));
      if (chosen.length >= o.perRun) break;
    }
  return chosen;
}

export function makeThumbnailsJob(options: ThumbnailsJobOptions = {}): Job {
  const o = { ...DEFAULTS, ...options };
  let toldUnavailable = false;
  return {
    name: "thumbnails",
    everyMs: o.everyMs,
    async run(ctx) {
      if (!ctx.config.thumbnails) return "thumbnails are off (--no-thumbnails)";
      try {
        await checkRenderer();
      } catch (e) {
        if (!toldUnavailable) ctx.log(`thumbnails: ${why(e)}; cards show placeholders`);
        toldUnavailable = true;
        return "cannot render on this machine; nothing fetched";
      }
      const now = () => ctx.clock().toISOString();
      const ids = await candidates(ctx, o, now());
      if (!ids.length) return "every recent paper has a thumbnail";
      const client = new PoliteClient({ component: "jobs", service: "arXiv PDF", userAgent: userAgentOf(ctx.config), clock: ctx.time, log: ctx.log });
      let rendered = 0;
      let failed = 0;
      for (const id of ids) {
        if (ctx.signal?.aborted) break;
        let pdf: Buffer;
        try {
          const response = await client.get(`${ctx.config.arxivPdfUrl.replace(/\/+$/, "")}/${id}`, {
            maxBytes: o.maxPdfBytes,
            accept: [404],
            headers: { accept: "application/pdf" },
            ...(ctx.signal ? { signal: ctx.signal } : {}),
          });
          if (response.status === 404) throw new PaperfeedError("jobs", "no_pdf", "arXiv has no PDF for it (404)");
          pdf = response.body;
        } catch (e) {
          // Stopping mid-download says nothing about the PDF: mark nothing.
          if (ctx.signal?.aborted) break;
          if (!serviceDown(e)) {
            await fail(ctx, id, e, now());
            failed++;
            continue;
          }
          ctx.log(`thumbnails: stopped for now: ${why(e)}`);
          return `${rendered} rendered, ${failed} failed; stopped: arXiv unavailable`;
        }
        try {
          const page = await renderFirstPage(pdf);
          await ctx.community.thumbnails.saveThumbnail({ paperId: id, ...page, renderedAt: now() });
          rendered++;
        } catch (e) {
          if (e instanceof PaperfeedError && e.id === "renderer_unavailable") throw e;
          await fail(ctx, id, e, now());
          failed++;
        }
      }
      return `${rendered} rendered, ${failed} failed`;
    },
  };
}

async function fail(ctx: JobContext, id: string, error: unknown, now: string): Promise<void> {
  const failure = await ctx.community.thumbnails.recordThumbnailFailure({
    paperId: id,
    reason: why(error),
    now,
    retryAt: (attempts) => new Date(Date.parse(now) + retryDelayMs(attempts)).toISOString(),
  });
  if (failure) ctx.log(`thumbnails: ${id}: ${failure.reason}; showing the placeholder, next try after ${failure.retryAt}`);
}

/** The thumbnails job with its defaults; register it in `serve` and `worker` beside the others. */
export const thumbnailsJob: Job = makeThumbnailsJob();
