/**
 * Shows harvest progress. OAI pages say where they are in the whole list (the resumptionToken's
 * `cursor` and `completeListSize`), so on a terminal a cli-progress bar per set counts records
 * against the list's size, with the time left; elsewhere (logs, redirected output) one plain
 * line per page. Without a list size (a server that does not give one) pages are counted.
 */
import cliProgress from "cli-progress";
import { formatDuration } from "../progress.js";
import type { HarvestProgress } from "./types.js";

export interface HarvestProgressReporter {
  onProgress: (p: HarvestProgress) => void;
  /** Ends the bar; call once after harvestArxiv returns or fails. */
  done: () => void;
}

const label = (p: HarvestProgress) => `${p.set ? `set ${p.set}` : "all of arXiv"}${p.setCount > 1 ? ` (${p.setIndex + 1}/${p.setCount})` : ""}`;
const int = (n: number) => n.toLocaleString("en-US");

/** "harvest: set cs (1/2): page 2, 2,000 of 58,011 records (3%), ETA 2m 51s" */
export function formatHarvestLine(p: HarvestProgress, elapsedSeconds: number): string {
  if (p.total === null || p.done === null) return `harvest: ${label(p)}: page ${p.pages}, ${int(p.records)} records`;
  const fraction = p.total > 0 ? Math.min(1, p.done / p.total) : 1;
  const eta = fraction > 0 ? (elapsedSeconds * (1 - fraction)) / fraction : Number.NaN;
  return `harvest: ${label(p)}: page ${p.pages}, ${int(p.done)} of ${int(p.total)} records (${Math.floor(fraction * 100)}%), ETA ${formatDuration(eta)}`;
}

export function createHarvestProgress(stream: NodeJS.WriteStream = process.stderr): HarvestProgressReporter {
  const tty = Boolean(stream.isTTY);
  let current: { set: string; started: number; bar: cliProgress.SingleBar | null } | null = null;
  // A set's first page arrives after its first request: time the set from the previous event.
  let lastEvent = performance.now();
  const finish = () => {
    current?.bar?.stop();
    current = null;
  };
  return {
    onProgress(p) {
      if (current?.set !== p.set) {
        finish();
        current = { set: p.set, started: lastEvent, bar: null };
        if (tty && p.total !== null) {
          current.bar = new cliProgress.SingleBar(
            { stream, format: `${label(p)} [{bar}] {percentage}% | {value}/{total} records | page {pages} | ETA {eta_formatted}`, hideCursor: true, etaBuffer: 20 },
            cliProgress.Presets.shades_classic,
          );
          current.bar.start(Math.max(1, p.total), 0, { pages: 0 });
        }
      }
      if (current.bar && p.done !== null) current.bar.update(p.done, { pages: p.pages });
      else stream.write(`${formatHarvestLine(p, (performance.now() - current.started) / 1000)}\n`);
      lastEvent = performance.now();
    },
    done: finish,
  };
}
