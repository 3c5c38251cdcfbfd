/**
 * The one validated, frozen configuration of a paperfeed process. Built by `loadConfig` from
 * command-line flags and environment variables (a flag wins over its variable); every problem is
 * reported at once. Each field names its flag, variable, default and valid range.
 */
export type LogLevel = "error" | "warn" | "info" | "debug";

export interface Config {
  /** SQLite database file. `--db`, `PAPERFEED_DB`. Default `./data/paperfeed.db`. */
  readonly db: string;
  /**
   * PostgreSQL connection URL (`postgres://…`); when set it is used instead of `db`.
   * `--database-url`, `PAPERFEED_DATABASE_URL`. Default: unset (null).
   */
  readonly databaseUrl: string | null;
  /** Directory for the search index files. `--index-dir`, `PAPERFEED_INDEX_DIR`. Default `<db>.index`. */
  readonly indexDir: string;
  /** Address the HTTP server binds. `--host`, `PAPERFEED_HOST`. Default `127.0.0.1`. */
  readonly host: string;
  /** TCP port, 0–65535 (0 picks a free one). `--port`, `PAPERFEED_PORT`. Default `8080`. */
  readonly port: number;
  /** Public URL of the site, used in links that leave the page (feeds, mail). `--base-url`, `PAPERFEED_BASE_URL`. Default `http://<host>:<port>`. */
  readonly baseUrl: string;
  /** Import the bundled demo papers when the database is empty. `--no-demo`, `PAPERFEED_DEMO=0`. Default true. */
  readonly demo: boolean;
  /** `--log-level`, `PAPERFEED_LOG_LEVEL`: error | warn | info | debug. Default `info`. */
  readonly logLevel: LogLevel;
  /**
   * Outgoing mail server as a URL: `smtp://[user:pass@]host[:port]` (STARTTLS when offered) or
   * `smtps://…` (TLS from the start); query parameters `rateLimit` (messages per second, default
   * 10, 1–10000) and `maxConnections` (default 2, 1–20). `--smtp-url`, `PAPERFEED_SMTP_URL`.
   * Default: unset (null) — then no mail is sent and the subscribe box is hidden. Always set by
   * `loadConfig`; optional in the type so hand-built configs (tests) need not name it.
   */
  readonly smtpUrl?: string | null;
  /**
   * Sender of digests and confirmations, `name <address>` or a bare address. `--mail-from`,
   * `PAPERFEED_MAIL_FROM`. Default `paperfeed <paperfeed@HOST>` with HOST from `baseUrl`. Always
   * set by `loadConfig`; optional in the type like `smtpUrl`.
   */
  readonly mailFrom?: string;
  /**
   * Run the background jobs (harvest, digests, mail, GitHub stars, thumbnails) inside `serve`.
   * `--no-jobs`, `PAPERFEED_JOBS=false` make a web-only node (run `paperfeed worker` elsewhere).
   * Default true.
   */
  readonly jobs: boolean;
  /**
   * Harvest new papers from arXiv's OAI-PMH endpoint on arXiv's announcement schedule (a job; needs
   * `jobs`). `--no-harvest`, `PAPERFEED_HARVEST=false`. Default true.
   */
  readonly harvest: boolean;
  /**
   * OAI-PMH endpoint the harvester asks. `--arxiv-oai-url`, `PAPERFEED_ARXIV_OAI_URL`. Default
   * `https://oaipmh.arxiv.org/oai` (arXiv's); tests, mirrors and air-gapped sites point elsewhere.
   */
  readonly arxivOaiUrl: string;
  /**
   * arXiv export API (Atom) for fetching single papers on demand. `--arxiv-api-url`,
   * `PAPERFEED_ARXIV_API_URL`. Default `https://export.arxiv.org/api/query`; `off`: never fetch
   * (only papers already stored can be opened, submitted or collected).
   */
  readonly arxivApiUrl: string;
  /**
   * Where PDFs are fetched from for first-page thumbnails: `<url>/<id>`. `--arxiv-pdf-url`,
   * `PAPERFEED_ARXIV_PDF_URL`. Default `https://arxiv.org/pdf`.
   */
  readonly arxivPdfUrl: string;
  /**
   * OAI-PMH sets to harvest, e.g. `cs,physics:hep-th`; empty means all of arXiv.
   * `--harvest-sets`, `PAPERFEED_HARVEST_SETS` (comma-separated). Default: all (empty list).
   */
  readonly harvestSets: readonly string[];
  /**
   * Days of announcements a new instance fetches on its first harvest, 0–90.
   * `--backfill-days`, `PAPERFEED_BACKFILL_DAYS`. Default 7.
   */
  readonly backfillDays: number;
  /**
   * The operator's contact address, sent in the User-Agent of every request to arXiv and GitHub
   * (arXiv asks harvesters to name one). `--contact`, `PAPERFEED_CONTACT`. Default: unset (null).
   */
  readonly contact: string | null;
  /** GitHub's REST API. `--github-api-url`, `PAPERFEED_GITHUB_API_URL`. Default `https://api.github.com`. */
  readonly githubApiUrl: string;
  /**
   * GitHub token for star counts (5,000 instead of 60 requests an hour); only read, never logged.
   * `--github-token`, `PAPERFEED_GITHUB_TOKEN` (prefer the variable: flags show in `ps`). Default: unset (null).
   */
  readonly githubToken: string | null;
  /** Render first-page thumbnails of new papers (a job). `--no-thumbnails`, `PAPERFEED_THUMBNAILS=false`. Default true. */
  readonly thumbnails: boolean;
  /**
   * Keep a semantic index (vectors learned from the stored papers, no download) beside the
   * lexical one, for related papers and hybrid ranking. `--semantic`, `PAPERFEED_SEMANTIC`. Default false.
   */
  readonly semantic: boolean;
  /**
   * An OpenAI-compatible embeddings endpoint (`…/v1`, requests go to `…/v1/embeddings`) to embed
   * papers with instead of the corpus vectors. `--embeddings-url`, `PAPERFEED_EMBEDDINGS_URL`. Default: unset (null).
   */
  readonly embeddingsUrl: string | null;
  /** Model name sent to the endpoint. `--embeddings-model`, `PAPERFEED_EMBEDDINGS_MODEL`. Default `text-embedding-3-small`. */
  readonly embeddingsModel: string;
  /** Texts per embeddings request, 1–2048. `--embeddings-batch-size`, `PAPERFEED_EMBEDDINGS_BATCH_SIZE`. Default 64. */
  readonly embeddingsBatchSize: number;
  /** Retries of a failed embeddings request (429/5xx, network), 0–20. `--embeddings-retries`, `PAPERFEED_EMBEDDINGS_RETRIES`. Default 4. */
  readonly embeddingsRetries: number;
  /**
   * A local ONNX embedding model folder (`model.onnx`, `tokenizer.json`), run by onnxruntime-node;
   * nothing is fetched. `--onnx-model-dir`, `PAPERFEED_ONNX_MODEL_DIR`. Default: unset (null).
   */
  readonly onnxModelDir: string | null;
  /**
   * Web origins whose pages may read the API with fetch() (CORS on GET/HEAD and their OPTIONS
   * preflight of `/api/…`, `/papers/ID.md`, `/openapi.json` and `/thumbnails/…`; never with
   * cookies, and never for writes). `--cors-origins`, `PAPERFEED_CORS_ORIGINS`: `*` (any origin),
   * a comma-separated list such as `https://a.example,http://localhost:3000`, or `off`.
   * Default `*` (`["*"]`); `off` is `[]`. Always set by `loadConfig`; optional in the type like
   * `smtpUrl`, and absent means the default.
   */
  readonly corsOrigins?: readonly string[];
  /**
   * Web server processes `serve` runs (node:cluster), sharing one port, one database and the one
   * saved search index (mapped, so its pages are shared); the first also runs the jobs. `auto` is
   * one per CPU core, at most 8. `--workers`, `PAPERFEED_WORKERS`: 1–64 or auto. Default auto.
   * Optional in the type so hand-built configs (tests) need not name it; absent means 1.
   */
  readonly workers?: number;
  /**
   * Reverse proxies in front of this server whose `X-Forwarded-For` is believed: the client is
   * the address that many entries from the end (1 for one nginx). Rate limits count per client, so
   * behind a proxy without this every visitor shares one limit. `--trust-proxy`,
   * `PAPERFEED_TRUST_PROXY`: 0–10. Default 0 (the socket's address). Optional like `workers`.
   */
  readonly trustProxy?: number;
}
