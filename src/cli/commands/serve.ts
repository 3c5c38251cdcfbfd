/**
 * `paperfeed serve`: the web site, the JSON API and (unless --no-jobs) the background jobs. With
 * `--workers N` (default: one per core) a primary process imports the demo papers into an empty
 * database and builds the search index once, then starts N web processes (node:cluster) that
 * share the port, the database and the saved index; the first also runs the jobs and saves the
 * index, the others only read it. A web process that dies is started again.
 */
import cluster, { type Worker } from "node:cluster";
import type { Config } from "../../config/types.js";
import { examples, type RegisterCommand } from "../command.js";
import { configOf } from "../config-options.js";
import { untilStopSignal } from "../stop-signal.js";

/** Which web process this is (1…N); 1 when there is only one. Not PAPERFEED_*: those are settings. */
const WORKER_NO = "PF_WEB_PROCESS_NO";
/** A web process that dies this soon after its start is not started again (a crash loop). */
const CRASH_LOOP_MS = 5_000;

export const registerServe: RegisterCommand = (program) => {
  const command = program
    .command("serve")
    .description("run the web site and HTTP API (an empty database gets the demo papers unless --no-demo)")
    .action(async (_options: object, self) => {
      const config = configOf(self);
      const workers = config.workers ?? 1;
      if (workers > 1 && cluster.isPrimary) return runPrimary(config, workers);
      const workerNo = cluster.isWorker ? Number(process.env[WORKER_NO] ?? 1) : 1;
      const { startServer } = await import("../../serve/server.js");
      // Listen before starting: a signal during the demo import then stops the server once it is up.
      const stopSignal = untilStopSignal();
      // Account mail (verification, password reset) is queued in the outbox by the server itself.
      const server = await startServer(
        // The primary imported the demo already; only the first web process runs the jobs.
        cluster.isWorker ? { ...config, demo: false, jobs: config.jobs && workerNo === 1 } : config,
        workerNo > 1 ? { readOnlyIndex: true } : {},
      );
      if (cluster.isWorker) process.send?.({ listening: server.url });
      else process.stdout.write(`paperfeed is listening on ${server.url}  (Ctrl-C stops it)\n`);
      const signal = await stopSignal;
      if (!cluster.isWorker) process.stdout.write(`${signal}: stopping…\n`);
      await server.close();
      if (cluster.isWorker) process.exit(0);
    });
  examples(command, [
    "serve",
    "serve --db papers.db --port 3000",
    "serve --host 0.0.0.0 --base-url https://papers.example.org --no-demo",
    "serve --workers 4 --database-url postgres://paperfeed@db.internal/paperfeed",
  ]);
};

async function runPrimary(config: Config, count: number): Promise<void> {
  const stopSignal = untilStopSignal();
  const { prepareServe } = await import("../../serve/server.js");
  await prepareServe(config);
  let stopping = false;
  const fork = (slot: number): Promise<string> => {
    const worker = cluster.fork({ [WORKER_NO]: String(slot) });
    const startedAt = Date.now();
    let listened = false;
    return new Promise((resolve, reject) => {
      worker.on("message", (m: { listening?: string }) => {
        if (!m.listening) return;
        listened = true;
        resolve(m.listening);
      });
      worker.on("exit", (code, signal) => {
        const how = signal ?? `code ${code}`;
        // One that never listened has said why on stderr; starting it again would fail the same way.
        if (!listened) return reject(new Error(`web process ${slot} exited (${how}) before it listened`));
        if (stopping) return;
        const again = Date.now() - startedAt >= CRASH_LOOP_MS;
        process.stderr.write(`serve: web process ${slot} exited (${how})${again ? "; starting it again" : "; not restarted, it keeps failing"}\n`);
        if (again) fork(slot).catch(() => undefined);
      });
    });
  };
  const stopAll = () =>
    Promise.all(
      Object.values(cluster.workers ?? {})
        .filter((w): w is Worker => Boolean(w))
        .map(
          (w) =>
            new Promise<void>((resolve) => {
              if (w.isDead()) return resolve();
              w.once("exit", () => resolve());
              w.process.kill("SIGTERM");
            }),
        ),
    );
  const urls = await Promise.all(Array.from({ length: count }, (_, i) => fork(i + 1))).catch(async (error: unknown) => {
    stopping = true;
    await stopAll();
    throw error;
  });
  process.stdout.write(`paperfeed is listening on ${urls[0]}  (${count} web processes; Ctrl-C stops them)\n`);
  const signal = await stopSignal;
  stopping = true;
  process.stdout.write(`${signal}: stopping…\n`);
  await stopAll();
}
