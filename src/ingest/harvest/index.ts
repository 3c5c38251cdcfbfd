/** The OAI-PMH harvester's public face: what the CLI and a scheduled job call. */
export { harvestArxiv, SERVICE } from "./harvest.js";
export { harvestKey, recordSnapshotDatestamp, SNAPSHOT_KEY, startDay } from "./start.js";
export { dayProblem } from "./dates.js";
export type { HarvestCheckpoint, HarvestOptions, HarvestProgress, HarvestSink, HarvestSummary } from "./types.js";
export { formatHarvestSummary } from "./summary.js";
