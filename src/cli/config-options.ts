/**
 * The global flags: one per Config field, each mirroring its PAPERFEED_* variable. Commander only
 * collects the text; `loadConfig` (zod) validates it, so a bad flag and a bad variable are reported
 * the same way and all at once.
 */
import type { Command } from "commander";
import { CONFIG_FIELDS, loadConfig, type Config, type ConfigFlags } from "../config/index.js";

type FieldName = keyof typeof CONFIG_FIELDS;

/** Placeholder and help per Config field; a Record, so a new field without a flag fails to compile. */
const OPTIONS: Record<FieldName, { value?: string; help: string }> = {
  db: { value: "<file>", help: "SQLite database file (default ./data/paperfeed.db)" },
  databaseUrl: { value: "<url>", help: "PostgreSQL URL; used instead of --db when set" },
  indexDir: { value: "<dir>", help: "search index directory (default <db>.index)" },
  host: { value: "<addr>", help: "address the server binds (default 127.0.0.1)" },
  port: { value: "<n>", help: "server port 0-65535, 0 picks a free one (default 8080)" },
  baseUrl: { value: "<url>", help: "public URL of the site (default http://<host>:<port>)" },
  demo: { help: "do not import the demo papers into an empty database" },
  logLevel: { value: "<level>", help: "error | warn | info | debug (default info)" },
  smtpUrl: { value: "<url>", help: "outgoing mail server, smtp:// or smtps:// (default: no mail)" },
  mailFrom: { value: "<address>", help: "sender of mail (default paperfeed <paperfeed@HOST of base URL>)" },
  jobs: { help: "serve only: run no background jobs (run `paperfeed worker` on another node)" },
  harvest: { help: "do not harvest new papers from arXiv" },
  arxivOaiUrl: { value: "<url>", help: "arXiv OAI-PMH endpoint (default https://oaipmh.arxiv.org/oai)" },
  arxivApiUrl: { value: "<url>", help: "arXiv export API, or off (default https://export.arxiv.org/api/query)" },
  arxivPdfUrl: { value: "<url>", help: "where PDFs are fetched for thumbnails (default https://arxiv.org/pdf)" },
  harvestSets: { value: "<sets>", help: "OAI-PMH sets to harvest, comma-separated, e.g. cs,physics:hep-th (default: all)" },
  backfillDays: { value: "<n>", help: "days a new instance harvests back, 0-90 (default 7)" },
  contact: { value: "<email>", help: "operator's address, sent to arXiv and GitHub in the User-Agent" },
  githubApiUrl: { value: "<url>", help: "GitHub REST API (default https://api.github.com)" },
  githubToken: { value: "<token>", help: "GitHub token for star counts (prefer the variable)" },
  thumbnails: { help: "do not render first-page thumbnails" },
  semantic: { help: "keep a semantic index (vectors learned from the stored papers) for related papers and hybrid ranking" },
  embeddingsUrl: { value: "<url>", help: "OpenAI-compatible embeddings endpoint …/v1 (default: none)" },
  embeddingsModel: { value: "<name>", help: "model name sent to the embeddings endpoint (default text-embedding-3-small)" },
  embeddingsBatchSize: { value: "<n>", help: "texts per embeddings request, 1-2048 (default 64)" },
  embeddingsRetries: { value: "<n>", help: "retries of a failed embeddings request, 0-20 (default 4)" },
  onnxModelDir: { value: "<dir>", help: "local ONNX embedding model folder: model.onnx, tokenizer.json (default: none)" },
  corsOrigins: { value: "<origins>", help: "origins whose pages may read the API: *, off, or a comma-separated list (default *)" },
  workers: { value: "<n>", help: "serve: web server processes, 1-64 or auto = one per core (default auto)" },
  trustProxy: { value: "<n>", help: "reverse proxies whose X-Forwarded-For is believed, 0-10 (default 0)" },
};
const NAMES = Object.keys(OPTIONS) as FieldName[];

export function addConfigOptions(command: Command): Command {
  for (const name of NAMES) {
    const { value, help } = OPTIONS[name];
    const field = CONFIG_FIELDS[name];
    command.option(value ? `${field.flag} ${value}` : field.flag, `${help} [${field.env}]`);
  }
  return command;
}

/** The validated config for a (sub)command: flags typed on the command line, then the environment. */
export function configOf(command: Command, env: NodeJS.ProcessEnv = process.env): Config {
  const given = command.optsWithGlobals<Record<string, unknown>>();
  const flags: ConfigFlags = {};
  for (const name of NAMES) {
    // Commander fills `demo: true` for `--no-demo` by default; only what the user typed counts.
    if (command.getOptionValueSourceWithGlobals(name) === "cli")
      flags[name] = given[name] as string | boolean;
  }
  return loadConfig({ flags, env });
}
