/** One line saying what a harvest stored, for the CLI and the harvest job's run record. */
import type { HarvestSummary } from "./types.js";

const windowOf = (r: HarvestSummary["runs"][number]) =>
  `${r.set ? `set ${r.set}` : "all of arXiv"} from ${r.from ?? "the beginning"}${r.until ? ` until ${r.until}` : ""}${r.resumed ? " (resumed)" : ""}`;

/** "harvested all of arXiv from 2026-01-05: 3 pages, 8 records in 9.1 s: 7 new, 0 updated, 1 deleted, 0 unchanged, 0 skipped" */
export function formatHarvestSummary(s: HarvestSummary): string {
  const counts = `${s.new} new, ${s.updated} updated, ${s.deleted} deleted, ${s.unchanged} unchanged, ${s.skipped} skipped`;
  const pages = s.pages === 1 ? "1 page" : `${s.pages} pages`;
  const changed = s.new + s.updated + s.deleted > 0;
  return `${changed ? "" : "no changes: "}harvested ${s.runs.map(windowOf).join(", ")}: ${pages}, ${s.read} records in ${s.seconds.toFixed(1)} s: ${counts}\n`;
}
