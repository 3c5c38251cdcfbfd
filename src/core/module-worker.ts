/**
 * Starts a worker thread running one of this package's modules, whether the package runs from
 * its TypeScript sources (tsx registered in the worker, as in the main process) or compiled.
 */
import { Worker, type ResourceLimits } from "node:worker_threads";

/**
 * tsx's API, resolved here: an eval'd worker resolves bare names from the process's working
 * directory, so a worker started outside the checkout would not find tsx.
 */
const tsxApiUrl = import.meta.url.endsWith(".ts") ? import.meta.resolve("tsx/esm/api") : null;

// An eval'd CommonJS bootstrap: registers tsx when the worker module is TypeScript.
const BOOTSTRAP = `
const { workerData } = require("node:worker_threads");
(async () => {
  if (workerData.tsx) (await import(workerData.tsx)).register();
  await import(workerData.url);
})();
`;

/**
 * `moduleUrl`: the worker module, as `new URL("./x.ts" or "./x.js", import.meta.url)` of its
 * caller (see `siblingModule`). The module reads `workerData.data`.
 */
export function startModuleWorker(moduleUrl: string, options: { data?: unknown; resourceLimits?: ResourceLimits } = {}): Worker {
  return new Worker(BOOTSTRAP, {
    eval: true,
    workerData: { url: moduleUrl, tsx: moduleUrl.endsWith(".ts") ? tsxApiUrl : null, data: options.data },
    ...(options.resourceLimits ? { resourceLimits: options.resourceLimits } : {}),
  });
}

/** The URL of module `name` (no extension) beside `callerUrl`, in the caller's own form (.ts or .js). */
export const siblingModule = (callerUrl: string, name: string) =>
  new URL(`./${name}${callerUrl.endsWith(".ts") ? ".ts" : ".js"}`, callerUrl).href;
