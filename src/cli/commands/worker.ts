import { examples, type RegisterCommand } from "../command.js";
import { configOf } from "../config-options.js";
import { untilStopSignal } from "../stop-signal.js";

export const registerWorker: RegisterCommand = (program) => {
  const command = program
    .command("worker")
    .description(
      "run only the background jobs (harvest, digests and mail, GitHub stars, thumbnails), for a dedicated worker node; `serve` runs them too unless --no-jobs",
    )
    .action(async (_options: object, self) => {
      const config = configOf(self);
      const { withJobContext } = await import("../../jobs/context.js");
      const { jobsFor, jobNames } = await import("../../jobs/all-jobs.js");
      const { startJobs } = await import("../../jobs/runner.js");
      await withJobContext(config, async (ctx) => {
        const jobs = jobsFor(config);
        const running = startJobs(jobs, ctx, (o) =>
          ctx.log(`${o.job}${o.period ? ` ${o.period}` : ""}: ${o.status}, ${o.detail}`),
        );
        process.stdout.write(`paperfeed worker is running ${jobNames(jobs)}  (Ctrl-C stops it)\n`);
        const signal = await untilStopSignal();
        process.stdout.write(`${signal}: stopping after the current jobs…\n`);
        await running.stop();
      });
    });
  examples(command, ["worker --smtp-url smtp://mail.example.org:587 --base-url https://papers.example.org"]);
};
