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
}
