/**
 * Imports files into a store: detect each file's format (or take the `format` option), read it
 * item by item, and write papers in batches. Every problem becomes an Issue and reading goes on;
 * a missing or unreadable file is an issue for that file and the other files still import.
 * Papers reach the store only through `upsertPapers` (one transaction per batch), so bad input
 * never leaves a half-written batch behind.
 *
 * A store that fails (locked past every retry, disk full) is not a bad record: every record of the
 * batch it did not write becomes an issue, the import stops, and `stopped` says where.
 *
 * Summary semantics: read = imported + updated + unchanged + deleted + skipped + notStored, where `read`
 * counts records (papers, deletions, and records that could not be used). File-level problems
 * (missing file, cut-off gzip, OAI error response) are issues but not records.
 */
import { setImmediate as yieldToRequests } from "node:timers/promises";
import { messageOf } from "../core/errors.js";
import type { Paper } from "../core/paper.js";
import { detectFormat } from "./detect.js";
import { formatByName, type Format } from "./formats.js";
import type { ImportOptions, ImportProgress, ImportSummary, Issue } from "./import-types.js";
import { fileError, formatPosition, type IngestItem, type Position } from "./items.js";
import { NotStored, retryWhenBusy, tallyOutcomes, type PaperSink } from "./sink.js";

export type { ImportOptions, ImportProgress, ImportSummary, Issue } from "./import-types.js";
export type { PaperSink } from "./sink.js";

const PROGRESS_EVERY_MS = 200;

function clampInt(value: number | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined || !Number.isFinite(value)) return fallback;
  return Math.min(max, Math.max(min, Math.trunc(value)));
}

export async function importFiles(
  store: PaperSink,
  files: string[],
  options: ImportOptions = {},
): Promise<ImportSummary> {
  const started = performance.now();
  const batchSize = clampInt(options.batchSize, 500, 1, 10_000);
  const maxIssues = clampInt(options.maxIssues, 1000, 0, 1_000_000);
  const summary: ImportSummary = {
    files: files.length,
    read: 0,
    imported: 0,
    updated: 0,
    unchanged: 0,
    deleted: 0,
    skipped: 0,
    notStored: 0,
    stopped: null,
    issues: [],
    issueCount: 0,
    newestDatestamp: null,
    seconds: 0,
  };
  const report = (issue: Issue) => {
    summary.issueCount++;
    if (summary.issues.length < maxIssues) summary.issues.push(issue);
    options.onIssue?.(issue);
  };
  // An unknown format name is a mistake for every file: say so once, before reading anything.
  const forced = options.format ? formatByName(options.format) : null;

  for (const [fileIndex, file] of files.entries()) {
    if (summary.stopped !== null) {
      report({ file, position: { file }, reason: `ingest: ${file}: not read: the import stopped` });
      continue;
    }
    let format: Format;
    try {
      format = forced ?? formatByName(await detectFormat(file));
      if (forced) await warnOnMismatch(file, forced, report);
    } catch (e) {
      const item = fileError({ file }, messageOf(e));
      if (item.kind === "error") report({ file, position: item.position, reason: item.reason });
      continue;
    }
    const progress = { file, fileIndex, fileCount: files.length, records: 0, bytesRead: 0, bytesTotal: 0 };
    if (!format.storable) {
      await countUnstorable(format, file, summary, report);
      continue;
    }
    try {
      await importOne(store, format.read(file, progress), {
        batchSize,
        summary,
        report,
        progress,
        onProgress: options.onProgress,
      });
    } catch (e) {
      if (!(e instanceof NotStored)) throw e;
      recordNotStored(summary, report, e);
    }
  }
  summary.seconds = Math.round((performance.now() - started) / 10) / 100;
  return summary;
}

/** A forced format that the content contradicts is read as asked, with a warning to explain odd results. */
async function warnOnMismatch(file: string, forced: Format, report: (i: Issue) => void) {
  const detected = await detectFormat(file).catch(() => null);
  if (detected && detected !== forced.name) {
    report({
      file,
      position: { file },
      reason: `ingest: ${file}: read as ${forced.name} as asked, but it looks like ${detected}`,
    });
  }
}

async function countUnstorable(
  format: Extract<Format, { storable: false }>,
  file: string,
  summary: ImportSummary,
  report: (i: Issue) => void,
) {
  try {
    const count = await format.count(file);
    summary.read += count;
    summary.skipped += count;
    report({
      file,
      position: { file },
      reason: `ingest: ${file}: ${count} records not imported: ${format.why}`,
    });
  } catch (e) {
    report({ file, position: { file }, reason: messageOf(e) });
  }
}

interface FileContext {
  batchSize: number;
  summary: ImportSummary;
  report: (issue: Issue) => void;
  progress: ImportProgress;
  onProgress: ImportOptions["onProgress"];
}

async function importOne(
  store: PaperSink,
  items: AsyncGenerator<IngestItem>,
  ctx: FileContext,
): Promise<void> {
  const { summary, progress } = ctx;
  const batch: Array<{ paper: Paper; position: Position }> = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const tally = await tallyOutcomes(store, batch.splice(0));
    summary.imported += tally.inserted;
    summary.updated += tally.updated;
    summary.unchanged += tally.unchanged;
    summary.skipped += tally.refused.length;
    for (const refused of tally.refused) ctx.report({ file: progress.file, ...refused });
    // Between batches, let a server importing in its own process answer its requests.
    await yieldToRequests();
  };
  let lastProgress = performance.now();
  for await (const item of items) {
    if (item.kind !== "error" || item.scope === "record") {
      summary.read++;
      progress.records++;
    }
    if (item.kind === "paper") {
      if (item.datestamp && item.datestamp > (summary.newestDatestamp ?? "")) summary.newestDatestamp = item.datestamp;
      batch.push(item);
      if (batch.length >= ctx.batchSize) await flush();
    } else if (item.kind === "delete") {
      await flush(); // keep file order: a deletion after an upsert of the same id must win
      let deleted: boolean;
      try {
        deleted = await retryWhenBusy(() => store.deletePaper(item.id));
      } catch (e) {
        throw new NotStored([item.position], messageOf(e));
      }
      if (deleted) summary.deleted++;
      else summary.unchanged++;
    } else {
      if (item.scope === "record") summary.skipped++;
      ctx.report({ file: progress.file, position: item.position, reason: item.reason });
    }
    if (ctx.onProgress && performance.now() - lastProgress >= PROGRESS_EVERY_MS) {
      lastProgress = performance.now();
      ctx.onProgress({ ...progress });
    }
  }
  await flush();
  ctx.onProgress?.({ ...progress });
}

/** Names every record the failed store did not write, and where reading stopped. */
function recordNotStored(summary: ImportSummary, report: (issue: Issue) => void, failure: NotStored) {
  for (const position of failure.positions) report({ file: position.file, position, reason: `ingest: ${formatPosition(position)}: not stored (${failure.reason})` });
  summary.notStored += failure.positions.length;
  const last = failure.positions.at(-1);
  summary.stopped = `the store failed (${failure.reason})${last ? `; nothing after ${formatPosition(last)} was read` : ""}`;
}
