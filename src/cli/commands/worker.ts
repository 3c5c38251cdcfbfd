import { examples, type RegisterCommand } from "../command.js";
import { configOf } from "../config-options.js";
import { untilStopSignal } from "../stop-signal.js";

export const registerWorker: RegisterCommand = (program) => {
  const command = program
    .command("worker")
    .description(
      "run the background jobs: queue daily and weekly digests when due, send the outbox (needs --smtp-url)",
    )
    .action(async (_options: object, self) => {
      const config = configOf(self);
      const { withJobContext } = await import("../../jobs/context.js");
      const { deliveryJobs } = await import("../../jobs/delivery-jobs.js");
      const { startJobs } = await import("../../jobs/runner.js");
      await withJobContext(config, async (ctx) => {
        const running = startJobs(deliveryJobs(), ctx, (o) =>
          ctx.log(`${o.job}${o.period ? ` ${o.period}` : ""}: ${o.status}, ${o.detail}`),
        );
        process.stdout.write("paperfeed worker is running  (Ctrl-C stops it)\n");
        const signal = await untilStopSignal();
        process.stdout.write(`${signal}: stopping after the current jobs…\n`);
        await running.stop();
      });
    });
  examples(command, ["worker --smtp-url smtp://mail.example.org:587 --base-url https://papers.example.org"]);
};
