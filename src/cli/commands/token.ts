/**
 * `paperfeed token`: API tokens for writing through the JSON API (`Authorization: Bearer pf_…`).
 * - `token create --email X [--name N]` makes a token for the account with that address and
 *   prints it once (only its hash is stored);
 * - `token list --email X` shows an account's tokens (name, first characters, dates);
 * - `token revoke ID` ends a token at once.
 */
import type { Command } from "commander";
import type { ApiTokenStore } from "../../store/api-token-types.js";
import type { CommunityStore } from "../../store/community-types.js";
import { examples, type RegisterCommand } from "../command.js";
import { configOf } from "../config-options.js";
import { usageError } from "../usage-error.js";

async function withTokens<T>(self: Command, use: (tokens: ApiTokenStore, community: CommunityStore) => Promise<T>): Promise<T> {
  const config = configOf(self);
  const where = { path: config.db, url: config.databaseUrl ?? undefined };
  const { openApiTokenStore } = await import("../../store/open-api-tokens.js");
  const { openCommunityStore } = await import("../../store/open-community.js");
  const tokens = await openApiTokenStore(where);
  try {
    const community = await openCommunityStore(where);
    try {
      return await use(tokens, community);
    } finally {
      await community.close();
    }
  } finally {
    await tokens.close();
  }
}

export const registerToken: RegisterCommand = (program) => {
  const token = program.command("token").description("API tokens for writing through the JSON API");

  const create = token
    .command("create")
    .description("make an API token for an account and print it (once: only its hash is kept)")
    .requiredOption("--email <address>", "the account's email address")
    .option("--name <text>", "what the token is for, 1–100 characters", "api")
    .action(async (options: { email: string; name: string }, self: Command) => {
      await withTokens(self, async (tokens, community) => {
        const { createApiToken } = await import("../../actions/api-tokens.js");
        const made = await createApiToken({ tokens, community }, { email: options.email, name: options.name });
        process.stdout.write(`${made.token}\n`);
        process.stderr.write(`token ${made.record.id} "${made.record.name}" for ${made.record.email}; store it now, it is not shown again\n`);
      });
    });
  examples(create, ['token create --email you@example.org --name "reading list script"', "token create --email you@example.org > ~/.paperfeed-token"]);

  token
    .command("list")
    .description("show an account's tokens (never the tokens themselves)")
    .requiredOption("--email <address>", "the account's email address")
    .action(async (options: { email: string }, self: Command) => {
      await withTokens(self, async (tokens) => {
        const list = await tokens.listTokens(options.email);
        if (list.length === 0) process.stdout.write(`no tokens for ${options.email.trim().toLowerCase()}\n`);
        for (const t of list) {
          const state = t.revokedAt ? `revoked ${t.revokedAt}` : `last used ${t.lastUsedAt ?? "never"}`;
          process.stdout.write(`${t.id}\t${t.prefix}…\t${t.name}\tcreated ${t.createdAt}\t${state}\n`);
        }
      });
    });

  token
    .command("revoke")
    .description("end a token at once")
    .argument("<id>", "the token's number, as `token list` shows it")
    .action(async (id: string, _options: unknown, self: Command) => {
      if (!/^\d{1,15}$/.test(id)) throw usageError(`token id must be a number, got ${id}`);
      await withTokens(self, async (tokens) => {
        if (!(await tokens.revokeToken(Number(id), new Date().toISOString()))) throw usageError(`no live token ${id}`);
        process.stdout.write(`token ${id} revoked\n`);
      });
    });
};
