/** Latency summaries and the measurements every benchmark child reports. */
import v8 from "node:v8";
import vm from "node:vm";

export interface LatencySummary {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
  /** Queries per second, one after another on one thread. */
  qps: number;
}

/** Nearest-rank percentile of ascending `sorted` (p in 0–100). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

/** Summary of latencies in milliseconds. */
export function summarize(latenciesMs: readonly number[]): LatencySummary {
  const sorted = [...latenciesMs].sort((a, b) => a - b);
  const total = sorted.reduce((sum, x) => sum + x, 0);
  return {
    count: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? NaN,
    mean: sorted.length ? total / sorted.length : NaN,
    qps: total > 0 ? (sorted.length * 1000) / total : NaN,
  };
}

/** Latencies grouped by a label (e.g. query kind), each summarised. */
export function summarizeBy(
  labels: readonly string[],
  latenciesMs: readonly number[],
): Record<string, LatencySummary> {
  const groups = new Map<string, number[]>();
  labels.forEach((label, i) => {
    if (!groups.has(label)) groups.set(label, []);
    groups.get(label)!.push(latenciesMs[i]!);
  });
  return Object.fromEntries([...groups].map(([label, values]) => [label, summarize(values)]));
}

/** Milliseconds since `start` (from `process.hrtime.bigint()`). */
export const msSince = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;

/** CPU milliseconds (user + system) this process used since `start` (from `process.cpuUsage()`). */
export function cpuMsSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/** Peak resident set size of this process so far, in bytes. */
export const peakRssBytes = () => process.resourceUsage().maxRSS * 1024;

/** The garbage collector, exposed at run time when node was started without --expose-gc. */
function collector(): () => void {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (exposed) return exposed;
  v8.setFlagsFromString("--expose-gc");
  return vm.runInNewContext("gc") as () => void;
}

/** Heap and off-heap bytes in use after full collections. */
export function liveBytes(): number {
  const collect = collector();
  collect();
  collect();
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.external;
}
