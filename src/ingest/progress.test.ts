import assert from "node:assert/strict";
import { Writable } from "node:stream";
import { test } from "node:test";
import type { ImportProgress } from "./import.js";
import {
  createCountProgress,
  createProgressReporter,
  formatCountLine,
  formatDuration,
  formatProgressLine,
} from "./progress.js";

function capture() {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  return { stream, text: () => chunks.join("") };
}

const at = (file: string, records: number, bytesRead: number): ImportProgress => ({
  file,
  fileIndex: file === "b.jsonl" ? 1 : 0,
  fileCount: 2,
  records,
  bytesRead,
  bytesTotal: 4_000_000,
});

test("a plain line has records, rate, share of bytes and ETA", () => {
  assert.equal(
    formatProgressLine(at("dir/a.jsonl.gz", 12_345, 1_000_000), 10),
    "import: a.jsonl.gz (1/2): 12,345 records, 1,235/s, 25% of 4.0 MB, ETA 30s",
  );
  // The first batch arrives microseconds after the clock starts: no rate or ETA from that.
  assert.equal(
    formatProgressLine(at("dir/a.jsonl.gz", 2_471, 2_000), 0.00003),
    "import: a.jsonl.gz (1/2): 2,471 records, ?/s, 0% of 4.0 MB, ETA ?",
  );
  assert.equal(formatDuration(80), "1m 20s");
  assert.equal(formatDuration(Number.NaN), "?");
});

test("without a terminal: a line when due and one per finished file", () => {
  const out = capture();
  const reporter = createProgressReporter({ stream: out.stream, tty: false, intervalMs: 60_000 });
  reporter.onProgress(at("a.jsonl", 10, 100)); // first report of a file prints at once
  reporter.onProgress(at("a.jsonl", 20, 4_000_000)); // not due yet
  reporter.onProgress(at("b.jsonl", 5, 10)); // a.jsonl finished: its last state is printed
  reporter.done();
  const lines = out.text().trim().split("\n");
  assert.equal(lines.length, 3);
  assert.match(lines[0]!, /^import: a\.jsonl \(1\/2\): 10 records/);
  assert.match(lines[1]!, /^import: a\.jsonl \(1\/2\): 20 records, .* 100% of 4\.0 MB/);
  assert.match(lines[2]!, /^import: b\.jsonl \(2\/2\): 5 records/);
});

test("on a terminal: a cli-progress bar with the record count", () => {
  const out = capture();
  Object.assign(out.stream, { isTTY: true, columns: 120 });
  const reporter = createProgressReporter({ stream: out.stream });
  reporter.onProgress(at("a.jsonl", 1_500, 2_000_000));
  reporter.done();
  assert.match(out.text(), /a\.jsonl \[.*\] 50% \| 1,500 records/);
});

test("a counted phase: plain lines with ETA, '?' before a rate is known, one closing line", () => {
  assert.equal(
    formatCountLine("index", "papers", 500, 100_000, 0.2),
    "index: 500 of 100,000 papers, ?/s, ETA ?",
  );
  assert.equal(
    formatCountLine("index", "papers", 25_000, 100_000, 10),
    "index: 25,000 of 100,000 papers, 2,500/s, ETA 30s",
  );
  assert.equal(
    formatCountLine("index", "papers", 100_000, 100_000, 40),
    "index: 100,000 of 100,000 papers, 2,500/s, merging",
  );
  const out = capture();
  const progress = createCountProgress("index", "papers", {
    stream: out.stream,
    tty: false,
    intervalMs: 60_000,
  });
  progress.update(10, 20); // the first line prints at once
  progress.update(20, 20); // not due yet
  progress.done();
  const lines = out.text().trim().split("\n");
  assert.equal(lines.length, 2);
  assert.match(lines[0]!, /^index: 10 of 20 papers/);
  assert.match(lines[1]!, /^index: 20 papers in \d+s$/);
});
