import { availableParallelism } from "node:os";
/**
 * One row per configurable setting: its flag, its environment variable and the zod schema that
 * turns the raw text into the typed value. Defaults that depend on other fields (`indexDir`,
 * `baseUrl`) are filled in by `loadConfig` after every field has been read.
 */
import { isIP } from "node:net";
import { z } from "zod";

/** A raw value as a flag parser or the environment hands it over. */
export type RawValue = string | number | boolean;

export interface FieldSpec {
  /** Long flag, e.g. "--port". */
  flag: string;
  /** Environment variable, e.g. "PAPERFEED_PORT". */
  env: string;
  schema: z.ZodType;
}

const nonEmpty = z.string().trim().min(1, "must not be empty");

const isHost = (s: string) =>
  isIP(s) !== 0 || /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?$/.test(s);

function isUrlWithProtocol(s: string, protocols: string[]): boolean {
  try {
    const url = new URL(s);
    return protocols.includes(url.protocol) && url.host !== "";
  } catch {
    return false;
  }
}

/** `scheme://host[:port]` and nothing more, as browsers send it in `Origin`. */
const isOrigin = (s: string) => isUrlWithProtocol(s, ["http:", "https:"]) && new URL(s).origin === s;

const PORT_RULE = "must be an integer 0–65535";
/** `--workers auto`: one web process per core, at most 8 (more only contend for the database). */
export const autoWorkers = () => Math.max(1, Math.min(8, availableParallelism()));
const BOOLEAN_WORDS: Record<string, boolean> = {
  "1": true,
  true: true,
  yes: true,
  on: true,
  "0": false,
  false: false,
  no: false,
  off: false,
};
const BOOLEAN = z.union([
  z.boolean(),
  z
    .string()
    .transform((s) => BOOLEAN_WORDS[s.trim().toLowerCase()])
    .refine((b) => b !== undefined, "must be 1/0, true/false, yes/no or on/off"),
]);

/** An integer from min to max, given as text or a number. */
function integerIn(min: number, max: number) {
  const rule = `must be an integer ${min}–${max}`;
  return z.coerce
    .string()
    .trim()
    .regex(/^\d{1,9}$/, rule)
    .transform(Number)
    .refine((n) => n >= min && n <= max, rule);
}

const httpUrl = z.coerce
  .string()
  .refine((s) => isUrlWithProtocol(s, ["http:", "https:"]), "must be an http:// or https:// URL")
  // Paths are appended as `${url}/…`, so a trailing slash would double up.
  .transform((s) => s.replace(/\/+$/, ""));

/** An http(s) URL, or "off" for a service the site must not reach (air-gapped sites, tests). */
const httpUrlOrOff = z.coerce
  .string()
  .refine((s) => s === "off" || isUrlWithProtocol(s, ["http:", "https:"]), "must be an http:// or https:// URL, or off")
  .transform((s) => s.replace(/\/+$/, ""));

/** arXiv's set specs: `cs`, `math`, `physics:hep-th`, `q-bio`, … */
const SET_SPEC = /^[a-z][a-z-]*(?::[a-z][a-zA-Z-]*(?::[A-Z]{2})?)?$/;

export const LOG_LEVELS = ["error", "warn", "info", "debug"] as const;

export const FIELDS = {
  db: { flag: "--db", env: "PAPERFEED_DB", schema: z.coerce.string().pipe(nonEmpty) },
  databaseUrl: {
    flag: "--database-url",
    env: "PAPERFEED_DATABASE_URL",
    schema: z.coerce
      .string()
      .refine(
        (s) => isUrlWithProtocol(s, ["postgres:", "postgresql:"]),
        "must be a postgres:// or postgresql:// URL",
      ),
  },
  indexDir: { flag: "--index-dir", env: "PAPERFEED_INDEX_DIR", schema: z.coerce.string().pipe(nonEmpty) },
  host: {
    flag: "--host",
    env: "PAPERFEED_HOST",
    schema: z.coerce.string().refine(isHost, "must be a host name or an IP address"),
  },
  port: {
    flag: "--port",
    env: "PAPERFEED_PORT",
    schema: z.coerce
      .string()
      .trim()
      .regex(/^\d{1,5}$/, PORT_RULE)
      .transform(Number)
      .refine((n) => n <= 65535, PORT_RULE),
  },
  baseUrl: {
    flag: "--base-url",
    env: "PAPERFEED_BASE_URL",
    schema: z.coerce
      .string()
      .refine((s) => isUrlWithProtocol(s, ["http:", "https:"]), "must be an http:// or https:// URL")
      // Links are built as `${baseUrl}/path`, so a trailing slash would double up.
      .transform((s) => s.replace(/\/+$/, "")),
  },
  demo: { flag: "--no-demo", env: "PAPERFEED_DEMO", schema: BOOLEAN },
  logLevel: {
    flag: "--log-level",
    env: "PAPERFEED_LOG_LEVEL",
    schema: z.coerce.string().pipe(z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(", ")}` })),
  },
  smtpUrl: {
    flag: "--smtp-url",
    env: "PAPERFEED_SMTP_URL",
    schema: z.coerce
      .string()
      .refine((s) => isUrlWithProtocol(s, ["smtp:", "smtps:"]), "must be an smtp:// or smtps:// URL"),
  },
  mailFrom: {
    flag: "--mail-from",
    env: "PAPERFEED_MAIL_FROM",
    schema: z.coerce
      .string()
      .trim()
      .regex(
        /^(?:[^<>\r\n]*<[^<>\s@]+@[^<>\s@]+>|[^<>\s@]+@[^<>\s@]+)$/,
        "must be an address, e.g. paperfeed@example.org or Paperfeed <paperfeed@example.org>",
      ),
  },
  jobs: { flag: "--no-jobs", env: "PAPERFEED_JOBS", schema: BOOLEAN },
  harvest: { flag: "--no-harvest", env: "PAPERFEED_HARVEST", schema: BOOLEAN },
  arxivOaiUrl: { flag: "--arxiv-oai-url", env: "PAPERFEED_ARXIV_OAI_URL", schema: httpUrl },
  arxivApiUrl: { flag: "--arxiv-api-url", env: "PAPERFEED_ARXIV_API_URL", schema: httpUrlOrOff },
  arxivPdfUrl: { flag: "--arxiv-pdf-url", env: "PAPERFEED_ARXIV_PDF_URL", schema: httpUrl },
  harvestSets: {
    flag: "--harvest-sets",
    env: "PAPERFEED_HARVEST_SETS",
    schema: z.coerce
      .string()
      .transform((s) =>
        s
          .split(",")
          .map((x) => x.trim())
          .filter(Boolean),
      )
      .refine(
        (sets) => sets.every((x) => SET_SPEC.test(x)),
        "must be arXiv set specs separated by commas, e.g. cs,physics:hep-th",
      ),
  },
  backfillDays: {
    flag: "--backfill-days",
    env: "PAPERFEED_BACKFILL_DAYS",
    schema: z.coerce
      .string()
      .trim()
      .regex(/^\d{1,2}$/, "must be an integer 0–90")
      .transform(Number)
      .refine((n) => n <= 90, "must be an integer 0–90"),
  },
  contact: {
    flag: "--contact",
    env: "PAPERFEED_CONTACT",
    schema: z.coerce
      .string()
      .trim()
      .regex(/^[^<>\s@()]+@[^<>\s@()]+$/, "must be an email address, e.g. admin@example.org"),
  },
  githubApiUrl: { flag: "--github-api-url", env: "PAPERFEED_GITHUB_API_URL", schema: httpUrl },
  workers: {
    flag: "--workers",
    env: "PAPERFEED_WORKERS",
    schema: z.coerce
      .string()
      .trim()
      .regex(/^(auto|\d{1,2})$/, "must be auto or an integer 1–64")
      .transform((s) => (s === "auto" ? autoWorkers() : Number(s)))
      .refine((n) => n >= 1 && n <= 64, "must be auto or an integer 1–64"),
  },
  trustProxy: {
    flag: "--trust-proxy",
    env: "PAPERFEED_TRUST_PROXY",
    schema: z.coerce
      .string()
      .trim()
      .regex(/^\d{1,2}$/, "must be an integer 0–10")
      .transform(Number)
      .refine((n) => n <= 10, "must be an integer 0–10"),
  },
  githubToken: {
    flag: "--github-token",
    env: "PAPERFEED_GITHUB_TOKEN",
    schema: z.coerce.string().trim().regex(/^[\w-]{10,255}$/, "must be a GitHub token (letters, digits, _ and -)"),
  },
  thumbnails: { flag: "--no-thumbnails", env: "PAPERFEED_THUMBNAILS", schema: BOOLEAN },
  semantic: { flag: "--semantic", env: "PAPERFEED_SEMANTIC", schema: BOOLEAN },
  embeddingsUrl: { flag: "--embeddings-url", env: "PAPERFEED_EMBEDDINGS_URL", schema: httpUrl },
  embeddingsModel: { flag: "--embeddings-model", env: "PAPERFEED_EMBEDDINGS_MODEL", schema: nonEmpty },
  embeddingsBatchSize: { flag: "--embeddings-batch-size", env: "PAPERFEED_EMBEDDINGS_BATCH_SIZE", schema: integerIn(1, 2048) },
  embeddingsRetries: { flag: "--embeddings-retries", env: "PAPERFEED_EMBEDDINGS_RETRIES", schema: integerIn(0, 20) },
  onnxModelDir: { flag: "--onnx-model-dir", env: "PAPERFEED_ONNX_MODEL_DIR", schema: nonEmpty },
  corsOrigins: {
    flag: "--cors-origins",
    env: "PAPERFEED_CORS_ORIGINS",
    schema: z.coerce
      .string()
      .transform((s) => (s.trim() === "off" ? [] : s.split(",").map((x) => x.trim().replace(/\/+$/, "")).filter(Boolean)))
      .refine(
        (origins) => origins.length > 0 ? origins.every((o) => o === "*" || isOrigin(o)) && (origins.length === 1 || !origins.includes("*")) : true,
        "must be *, off, or origins separated by commas, e.g. https://a.example,http://localhost:3000",
      ),
  },
} satisfies Record<string, FieldSpec>;

export type FieldName = keyof typeof FIELDS;
