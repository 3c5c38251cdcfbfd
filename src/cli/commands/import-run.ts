/**
 * Runs an import and tells the user what happened: progress while reading (a bar on a terminal,
 * plain lines otherwise, on stderr), then every issue with file and position, then the summary.
 * Exit code 1 when a file could not be read at all, every record was bad, or the store failed
 * (each record it did not store is named, and where reading stopped), else 0.
 */
import { messageOf } from "../../core/errors.js";
import type { ImportSummary } from "../../ingest/import.js";
import type { ImportIndexing } from "../../search/import-index.js";
import type { Store } from "../../store/types.js";
import { EXIT_FAILURE, EXIT_OK } from "../report-error.js";

export async function runImport(
  store: Store,
  files: string[],
  format: string | undefined,
  /** Where the search index lives: an import into an empty store builds it on the way. */
  indexDir?: string,
): Promise<number> {
  const { importFiles } = await import("../../ingest/import.js");
  const { createProgressReporter } = await import("../../ingest/progress.js");
  const { startImportIndex } = await import("../../search/import-index.js");
  const indexing = indexDir === undefined ? null : await startImportIndex(store, { dir: indexDir });
  const progress = createProgressReporter();
  const recordsPerFile = new Map<string, number>();
  const filesWithIssues = new Set<string>();
  let summary: ImportSummary;
  try {
    summary = await importFiles(indexing?.sink ?? store, files, {
      format,
      // Every record not stored is named, however many.
      maxIssues: 1_000_000,
      onProgress: (p) => {
        recordsPerFile.set(p.file, p.records);
        progress.onProgress(p);
      },
      onIssue: (issue) => filesWithIssues.add(issue.file),
    });
  } catch (e) {
    await indexing?.abort();
    throw e;
  } finally {
    progress.done();
  }

  for (const issue of summary.issues) process.stderr.write(`paperfeed: ${issue.reason}\n`);
  const unlisted = summary.issueCount - summary.issues.length;
  if (unlisted > 0) process.stderr.write(`paperfeed: … and ${unlisted} more issues\n`);
  process.stdout.write(formatSummary(summary));
  if (summary.stopped !== null) process.stderr.write(`paperfeed: import stopped: ${summary.stopped}\n`);
  if (summary.newestDatestamp) {
    // A snapshot's newest datestamp is where harvesting takes over, so the two meet without a gap.
    const { recordSnapshotDatestamp } = await import("../../ingest/harvest/start.js");
    const start = await recordSnapshotDatestamp(store, summary.newestDatestamp, Date.now());
    process.stderr.write(`paperfeed: newest record datestamp ${summary.newestDatestamp}; paperfeed harvest starts from ${start}\n`);
  }
  if (indexing) await finishIndex(indexing, indexDir!);

  const unreadable = [...filesWithIssues].filter((file) => !recordsPerFile.get(file));
  const allBad = summary.read > 0 && summary.skipped === summary.read;
  return unreadable.length > 0 || allBad || summary.notStored > 0 || summary.stopped !== null ? EXIT_FAILURE : EXIT_OK;
}

async function finishIndex(indexing: ImportIndexing, dir: string) {
  // The build's last merge takes a while at millions of papers; say what the wait is for.
  process.stderr.write("paperfeed: finishing the search index…\n");
  // The papers are stored either way: an index that could not be saved is only rebuilt later.
  const result = await indexing.finish().catch((e: unknown) => ({ saved: false as const, reason: messageOf(e) }));
  process.stderr.write(
    result.saved
      ? `paperfeed: search index of ${result.papers.toLocaleString("en-US")} papers saved to ${dir}\n`
      : `paperfeed: search index not saved (${result.reason}); search and serve build it from the store\n`,
  );
}

export function formatSummary(s: ImportSummary): string {
  const files = s.files === 1 ? "1 file" : `${s.files} files`;
  const notStored = s.notStored > 0 ? `, ${s.notStored} not stored` : "";
  const counts = `${s.imported} imported, ${s.updated} updated, ${s.unchanged} unchanged, ${s.deleted} deleted, ${s.skipped} skipped${notStored}`;
  const issues = s.issueCount === 0 ? "" : `; ${s.issueCount} ${s.issueCount === 1 ? "issue" : "issues"}`;
  const changed = s.imported + s.updated + s.deleted > 0;
  return `${changed ? "" : "no changes: "}${s.read} records from ${files} in ${s.seconds.toFixed(2)} s: ${counts}${issues}\n`;
}
