/**
 * Flags + environment → one validated, frozen Config. A flag wins over its variable; an empty
 * variable counts as unset. Every problem is collected first and reported in one error, so a user
 * fixes a broken setup in one round instead of one message at a time.
 */
import { PaperfeedError } from "../core/errors.js";
import type { z } from "zod";
import { FIELDS, type FieldName, type RawValue, autoWorkers } from "./fields.js";
import type { Config } from "./types.js";
import { unknownVariables } from "./unknown-env.js";

/** Values given on the command line, keyed by Config field; undefined or null means "not given". */
export type ConfigFlags = { [K in FieldName]?: RawValue | null };

export interface LoadConfigInput {
  flags?: ConfigFlags;
  /** Usually `process.env`; default `{}` so that tests and library callers are not affected by the shell. */
  env?: Record<string, string | undefined>;
}

const DEFAULTS = {
  db: "./data/paperfeed.db",
  databaseUrl: null,
  host: "127.0.0.1",
  port: 8080,
  demo: true,
  logLevel: "info",
  jobs: true,
  harvest: true,
  arxivOaiUrl: "https://oaipmh.arxiv.org/oai",
  arxivApiUrl: "https://export.arxiv.org/api/query",
  arxivPdfUrl: "https://arxiv.org/pdf",
  backfillDays: 7,
  githubApiUrl: "https://api.github.com",
  thumbnails: true,
  semantic: false,
  embeddingsModel: "text-embedding-3-small",
  embeddingsBatchSize: 64,
  embeddingsRetries: 4,
  corsOrigins: ["*"],
} as const;

export function loadConfig({ flags = {}, env = {} }: LoadConfigInput = {}): Config {
  const problems: string[] = [];
  const values: { [K in FieldName]?: z.output<(typeof FIELDS)[K]["schema"]> } = {};

  for (const [name, field] of Object.entries(FIELDS) as Array<[FieldName, (typeof FIELDS)[FieldName]]>) {
    const flagValue = flags[name];
    const envValue = env[field.env];
    const fromFlag = flagValue !== undefined && flagValue !== null;
    if (!fromFlag && (envValue === undefined || envValue === "")) continue;
    const raw = fromFlag ? flagValue : envValue!;
    const parsed = field.schema.safeParse(raw);
    if (parsed.success) {
      (values as Record<FieldName, unknown>)[name] = parsed.data;
    } else {
      const [given, other] = fromFlag ? [field.flag, field.env] : [field.env, field.flag];
      problems.push(
        `${given} ${JSON.stringify(withoutPassword(String(raw)))} (${other}): ${parsed.error.issues[0]!.message}`,
      );
    }
  }
  problems.push(...unknownVariables(env));

  if (problems.length > 0) {
    const count = problems.length === 1 ? "1 problem" : `${problems.length} problems`;
    throw new PaperfeedError(
      "config",
      "invalid_config",
      `invalid configuration, ${count}: ${problems.join("; ")}`,
    );
  }

  const db = values.db ?? DEFAULTS.db;
  const host = values.host ?? DEFAULTS.host;
  const port = values.port ?? DEFAULTS.port;
  const baseUrl = values.baseUrl ?? `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  return Object.freeze({
    db,
    databaseUrl: values.databaseUrl ?? DEFAULTS.databaseUrl,
    indexDir: values.indexDir ?? `${db}.index`,
    host,
    port,
    baseUrl,
    demo: values.demo ?? DEFAULTS.demo,
    logLevel: values.logLevel ?? DEFAULTS.logLevel,
    smtpUrl: values.smtpUrl ?? null,
    mailFrom: values.mailFrom ?? `paperfeed <paperfeed@${new URL(baseUrl).hostname.replace(/^\[|\]$/g, "")}>`,
    jobs: values.jobs ?? DEFAULTS.jobs,
    harvest: values.harvest ?? DEFAULTS.harvest,
    arxivOaiUrl: values.arxivOaiUrl ?? DEFAULTS.arxivOaiUrl,
    arxivApiUrl: values.arxivApiUrl ?? DEFAULTS.arxivApiUrl,
    arxivPdfUrl: values.arxivPdfUrl ?? DEFAULTS.arxivPdfUrl,
    harvestSets: Object.freeze(values.harvestSets ?? []),
    backfillDays: values.backfillDays ?? DEFAULTS.backfillDays,
    contact: values.contact ?? null,
    githubApiUrl: values.githubApiUrl ?? DEFAULTS.githubApiUrl,
    githubToken: values.githubToken ?? null,
    thumbnails: values.thumbnails ?? DEFAULTS.thumbnails,
    semantic: values.semantic ?? DEFAULTS.semantic,
    embeddingsUrl: values.embeddingsUrl ?? null,
    embeddingsModel: values.embeddingsModel ?? DEFAULTS.embeddingsModel,
    embeddingsBatchSize: values.embeddingsBatchSize ?? DEFAULTS.embeddingsBatchSize,
    embeddingsRetries: values.embeddingsRetries ?? DEFAULTS.embeddingsRetries,
    onnxModelDir: values.onnxModelDir ?? null,
    corsOrigins: Object.freeze([...(values.corsOrigins ?? DEFAULTS.corsOrigins)]),
    workers: values.workers ?? autoWorkers(),
    trustProxy: values.trustProxy ?? 0,
  });
}

/** Error messages end up in logs and terminals; a URL's password never should. */
function withoutPassword(value: string): string {
  try {
    const url = new URL(value);
    if (!url.password) return value;
    url.password = "***";
    return url.href;
  } catch {
    return value;
  }
}
