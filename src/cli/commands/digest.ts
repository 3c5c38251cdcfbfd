import { Option } from "commander";
import type { Cadence } from "../../store/delivery-types.js";
import { examples, type RegisterCommand } from "../command.js";
import { configOf } from "../config-options.js";

const cadenceOption = () =>
  new Option("--cadence <which>", "which digests").choices(["daily", "weekly", "all"]).default("all");
const cadencesOf = (which: string): Cadence[] => (which === "all" ? ["daily", "weekly"] : [which as Cadence]);

export const registerDigest: RegisterCommand = (program, run) => {
  const digest = program.command("digest").description("preview, count or send the email digests");

  const preview = digest
    .command("preview")
    .description("print the digest one subscriber would get now (records nothing, sends nothing)")
    .requiredOption("--email <address>", "the subscriber's address")
    .option("--period <key>", "a day YYYY-MM-DD or a week YYYY-Www (default: the current period)")
    .option("--html", "print the HTML part instead of the text part")
    .action(async (options: { email: string; period?: string; html?: boolean }, self) => {
      const config = configOf(self);
      const { withJobContext } = await import("../../jobs/context.js");
      const { previewFor } = await import("../../jobs/digest-commands.js");
      await withJobContext(config, async (ctx) => {
        const mail = await previewFor(ctx, options.email, options.period);
        if (!mail) {
          process.stdout.write(`nothing new for ${options.email} in this period\n`);
          return;
        }
        process.stdout.write(options.html ? `${mail.html}\n` : `Subject: ${mail.subject}\n\n${mail.text}`);
      });
    });
  examples(preview, [
    "digest preview --email ada@example.org",
    "digest preview --email ada@example.org --period 2024-W03 --html > digest.html",
  ]);

  const send = digest
    .command("send")
    .description(
      "queue the due digests and send everything in the outbox now (needs --smtp-url unless --dry-run)",
    )
    .addOption(cadenceOption())
    .option("--dry-run", "compose every due digest and report counts; queue and send nothing")
    .option("--period <key>", "with --dry-run: a day YYYY-MM-DD or week YYYY-Www instead of the current one")
    .action(async (options: { cadence: string; dryRun?: boolean; period?: string }, self) => {
      const config = configOf(self);
      const { withJobContext } = await import("../../jobs/context.js");
      const { dryRunDigests, sendDueDigests } = await import("../../jobs/digest-commands.js");
      await withJobContext(config, async (ctx) => {
        if (options.dryRun) {
          for (const cadence of cadencesOf(options.cadence)) {
            const s = await dryRunDigests(ctx, cadence, options.period);
            process.stdout.write(
              s
                ? `${cadence} ${s.period}: ${s.digests} digests for ${s.subscribers} due subscribers, ${s.papersShown} papers in all (dry run: nothing queued or sent)\n`
                : `${cadence}: no period due\n`,
            );
          }
          return;
        }
        for (const o of await sendDueDigests(ctx, cadencesOf(options.cadence))) {
          process.stdout.write(`${o.job}${o.period ? ` ${o.period}` : ""}: ${o.status}, ${o.detail}\n`);
          if (o.status === "failed") run.exitCode = 1;
        }
      });
    });
  examples(send, [
    "digest send --dry-run",
    "digest send --smtp-url smtp://mail.example.org:587 --cadence daily",
  ]);
};
