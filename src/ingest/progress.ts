/**
 * Shows import progress. On a terminal: a cli-progress bar per file (bytes read drive the bar and
 * ETA, so compressed input estimates well; records and records/s shown beside it). cli-progress
 * handles redraws, terminal width and cursor hiding, which we would otherwise re-implement.
 * Elsewhere (CI logs, redirected output): a plain line every `intervalMs`, and one per finished file.
 */
import { basename } from "node:path";
import cliProgress from "cli-progress";
import type { ImportProgress } from "./import.js";

export interface ProgressReporterOptions {
  /** Where to write; default process.stderr. */
  stream?: NodeJS.WriteStream | NodeJS.WritableStream;
  /** Draw a bar; default: whether `stream` is a TTY. */
  tty?: boolean;
  /** Plain mode: milliseconds between lines; default 5000, at least 100. */
  intervalMs?: number;
}

export interface ProgressReporter {
  onProgress: (p: ImportProgress) => void;
  /** Ends the bar or prints the last line; call once after importFiles returns. */
  done: () => void;
}

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
const int = (n: number) => Math.round(n).toLocaleString("en-US");

/** "1m 20s", "45s", "?" */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return "?";
  const s = Math.round(seconds);
  return s >= 60 ? `${Math.floor(s / 60)}m ${s % 60}s` : `${s}s`;
}

/** One plain progress line, e.g. "import: a.jsonl.gz (1/3): 12,345 records, 2,100/s, 45% of 12.3 MB, ETA 20s". */
export function formatProgressLine(p: ImportProgress, elapsedSeconds: number): string {
  // The clock starts at the file's first batch: within the first second a rate is a wild guess
  // (the first line once read "85,418,971/s"), so it shows "?" until one is known.
  const measured = elapsedSeconds >= 1;
  const fraction = p.bytesTotal > 0 ? p.bytesRead / p.bytesTotal : 0;
  const eta = measured && fraction > 0 ? (elapsedSeconds * (1 - fraction)) / fraction : Number.NaN;
  return (
    `import: ${basename(p.file)} (${p.fileIndex + 1}/${p.fileCount}): ${int(p.records)} records, ${measured ? int(p.records / elapsedSeconds) : "?"}/s, ` +
    `${Math.floor(fraction * 100)}% of ${mb(p.bytesTotal)}, ETA ${formatDuration(eta)}`
  );
}

export function createProgressReporter(options: ProgressReporterOptions = {}): ProgressReporter {
  const stream = options.stream ?? process.stderr;
  const tty = options.tty ?? Boolean((stream as NodeJS.WriteStream).isTTY);
  const intervalMs = Math.max(100, options.intervalMs ?? 5000);
  let current: { file: string; started: number; last: ImportProgress } | null = null;
  let lastLine = Number.NEGATIVE_INFINITY;
  let bar: cliProgress.SingleBar | null = null;
  let printed: ImportProgress | null = null;

  const elapsed = () => (current ? (performance.now() - current.started) / 1000 : 0);
  const finishFile = () => {
    if (!current) return;
    if (bar) bar.stop();
    else if (current.last !== printed) stream.write(`${formatProgressLine(current.last, elapsed())}\n`);
    bar = null;
    current = null;
  };

  return {
    onProgress(p) {
      if (current?.file !== p.file) {
        finishFile();
        current = { file: p.file, started: performance.now(), last: p };
        lastLine = Number.NEGATIVE_INFINITY; // a new file gets its first line at once
        if (tty) {
          bar = new cliProgress.SingleBar(
            {
              stream,
              format: `${basename(p.file)} [{bar}] {percentage}% | {records} records | {rate}/s | ETA {eta_formatted}`,
              hideCursor: true,
              etaBuffer: 50,
            },
            cliProgress.Presets.shades_classic,
          );
          bar.start(Math.max(1, p.bytesTotal), 0, { records: "0", rate: "0" });
        }
      }
      current.last = p;
      if (bar) {
        bar.update(p.bytesRead, {
          records: int(p.records),
          rate: elapsed() >= 1 ? int(p.records / elapsed()) : "?",
        });
      } else if (performance.now() - lastLine >= intervalMs) {
        lastLine = performance.now();
        printed = p;
        stream.write(`${formatProgressLine(p, elapsed())}\n`);
      }
    },
    done: finishFile,
  };
}

export interface CountProgress {
  /** `done` of `total` items so far; `total` 0 when unknown. */
  update: (done: number, total: number) => void;
  /** Ends the bar and prints one line for the phase: what was done and how long it took. */
  done: (summary?: string) => void;
}

/** One plain line of a counted phase, e.g. "index: 120,000 of 2,600,000 papers, 4,100/s, ETA 10m 5s". */
export function formatCountLine(
  label: string,
  unit: string,
  done: number,
  total: number,
  elapsedSeconds: number,
): string {
  // A rate from the first second says nothing yet; "?" is more honest than a wild guess.
  const measured = elapsedSeconds >= 1 && done > 0;
  const rate = measured ? done / elapsedSeconds : Number.NaN;
  const eta = measured && total >= done ? (elapsedSeconds * (total - done)) / done : Number.NaN;
  // All items read, the build's last step (merging) is still to come and has no count of its own.
  const stage = total > 0 && done >= total ? ", merging" : `, ETA ${formatDuration(eta)}`;
  return `${label}: ${int(done)}${total > 0 ? ` of ${int(total)}` : ""} ${unit}, ${Number.isNaN(rate) ? "?" : int(rate)}/s${stage}`;
}

/**
 * Progress of a phase counted in items (the search index build, in papers): a bar with ETA on a
 * terminal, a plain line every `intervalMs` elsewhere, and in both one closing line with the
 * phase's time, so a run of several phases ends with one line each.
 */
export function createCountProgress(
  label: string,
  unit: string,
  options: ProgressReporterOptions = {},
): CountProgress {
  const stream = options.stream ?? process.stderr;
  const tty = options.tty ?? Boolean((stream as NodeJS.WriteStream).isTTY);
  const intervalMs = Math.max(100, options.intervalMs ?? 5000);
  const started = performance.now();
  const elapsed = () => (performance.now() - started) / 1000;
  let bar: cliProgress.SingleBar | null = null;
  let lastLine = Number.NEGATIVE_INFINITY;
  let last = { done: 0, total: 0 };
  return {
    update(done, total) {
      last = { done, total };
      if (tty) {
        if (!bar) {
          bar = new cliProgress.SingleBar(
            {
              stream,
              format: `${label} [{bar}] {percentage}% | {value}/{total} ${unit} | ETA {eta_formatted}`,
              hideCursor: true,
              etaBuffer: 50,
            },
            cliProgress.Presets.shades_classic,
          );
          bar.start(Math.max(1, total), 0);
        }
        bar.setTotal(Math.max(1, total, done));
        bar.update(done);
      } else if (performance.now() - lastLine >= intervalMs) {
        lastLine = performance.now();
        stream.write(`${formatCountLine(label, unit, done, total, elapsed())}\n`);
      }
    },
    done(summary) {
      bar?.stop();
      stream.write(`${label}: ${summary ?? `${int(last.done)} ${unit}`} in ${formatDuration(elapsed())}\n`);
    },
  };
}
