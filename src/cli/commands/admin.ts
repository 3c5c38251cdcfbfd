/**
 * `paperfeed admin`: the accounts a site starts with and its community settings.
 * - `admin create --email X` makes an admin (or `--role curator|member`), verified at once; it
 *   prints a one-time link to choose the password, or reads it from stdin with --password-stdin
 *   (never from an argument, which other users of the machine can see).
 * - `admin role --email X --role curator` changes a member's role.
 * - `admin settings [--submissions open|members|curators] [--daily-cap N]` shows or changes who
 *   may submit papers to the daily list, and how many a member may submit per day.
 */
import type { Command } from "commander";
import { examples, type RegisterCommand } from "../command.js";
import { configOf } from "../config-options.js";
import { usageError } from "../usage-error.js";

async function withCommunity<T>(self: Command, use: (ctx: import("../../actions/accounts/accounts.js").AccountContext) => Promise<T>): Promise<T> {
  const config = configOf(self);
  const { openCommunityStore } = await import("../../store/open-community.js");
  const community = await openCommunityStore({ path: config.db, url: config.databaseUrl ?? undefined });
  try {
    return await use({ community, mailer: null, baseUrl: config.baseUrl });
  } finally {
    await community.close();
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8").replace(/\r?\n$/, "");
}

const ROLES = ["admin", "curator", "member"];

export const registerAdmin: RegisterCommand = (program) => {
  const admin = program.command("admin").description("manage accounts and community settings");

  const create = admin
    .command("create")
    .description("create an account (an admin unless --role says otherwise), verified from the start")
    .requiredOption("--email <address>", "the account's email address")
    .option("--name <text>", "display name (default: the part of the address before @)")
    .option("--role <role>", "admin, curator or member", "admin")
    .option("--password-stdin", "read the password from standard input instead of printing a link to choose it")
    .action(async (options: { email: string; name?: string; role: string; passwordStdin?: boolean }, self: Command) => {
      if (!ROLES.includes(options.role)) throw usageError(`--role must be admin, curator or member, got ${options.role}`);
      const password = options.passwordStdin ? await readStdin() : undefined;
      await withCommunity(self, async (ctx) => {
        const { createAccount } = await import("../../actions/accounts/accounts.js");
        const made = await createAccount(ctx, {
          email: options.email,
          displayName: options.name ?? options.email.split("@")[0]!,
          role: options.role as "admin",
          ...(password === undefined ? {} : { password }),
        });
        process.stdout.write(`created ${made.user.role} ${made.user.email} (member ${made.user.id})\n`);
        if (made.setPasswordLink) process.stdout.write(`choose the password within 24 hours at:\n  ${made.setPasswordLink}\n`);
      });
    });
  examples(create, ["admin create --email you@example.org --base-url https://papers.example.org", "admin create --email you@example.org --password-stdin < password.txt"]);

  admin
    .command("role")
    .description("change an account's role")
    .requiredOption("--email <address>", "the account's email address")
    .requiredOption("--role <role>", "admin, curator or member")
    .action(async (options: { email: string; role: string }, self: Command) => {
      if (!ROLES.includes(options.role)) throw usageError(`--role must be admin, curator or member, got ${options.role}`);
      await withCommunity(self, async (ctx) => {
        const user = await ctx.community.getUserByEmail(options.email);
        if (!user) throw usageError(`no account uses ${options.email}`);
        await ctx.community.updateUser(user.id, { role: options.role as "admin" });
        process.stdout.write(`${user.email} is now ${options.role}\n`);
      });
    });

  admin
    .command("settings")
    .description("show or change who may submit papers to the daily list and the daily cap")
    .option("--submissions <policy>", "open (any signed-in account), members (confirmed addresses) or curators")
    .option("--daily-cap <n>", "papers a member may submit per day, 0–100")
    .action(async (options: { submissions?: string; dailyCap?: string }, self: Command) => {
      await withCommunity(self, async (ctx) => {
        const patch = {
          ...(options.submissions ? { submissions: options.submissions as "open" } : {}),
          ...(options.dailyCap !== undefined ? { dailyCap: Number(options.dailyCap) } : {}),
        };
        const settings = await ctx.community.updateSettings(patch);
        process.stdout.write(`submissions: ${settings.submissions}\ndaily cap: ${settings.dailyCap}\n`);
      });
    });
};
