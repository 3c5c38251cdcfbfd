/**
 * GitHub's REST API, as much of it as paperfeed needs: `GET /repos/{owner}/{repo}` for a
 * repository's star count and canonical name. Over the PoliteClient (one request at a time,
 * spaced GITHUB_SPACING_MS apart), with GitHub's etiquette:
 * - conditional requests: the ETag of the last 200 goes out as `If-None-Match`; a `304` keeps the
 *   last count (and, for an authorised request, costs no quota);
 * - the primary rate limit: `x-ratelimit-remaining` / `-reset` are read on every response
 *   (`rate`); a `403`/`429` with remaining 0 is answered as `rate_limited` with the reset time,
 *   and the caller stops until then instead of asking again;
 * - secondary limits: a `403`/`429` with `Retry-After` waits that long, without it at least
 *   60 s (GitHub's advice), then retries (PoliteClient's `retryAfter` hook);
 * - an optional token goes out as `Authorization: Bearer …`; it is never logged or put in a message.
 * Renamed or transferred repositories answer 301; fetch follows it and the final body's
 * `full_name` is the canonical name.
 */
import { PaperfeedError } from "../../core/errors.js";
import type { Clock } from "../http/clock.js";
import { PoliteClient, type PoliteResponse, parseRetryAfter } from "../http/polite-client.js";

/** GitHub asks integrations not to make concurrent requests; one a second is far inside every limit. */
export const GITHUB_SPACING_MS = 1000;
/** How long to wait after a secondary limit that names no time: GitHub says "at least one minute". */
export const SECONDARY_LIMIT_WAIT_MS = 60_000;

export interface GithubClientOptions {
  /** Base URL, e.g. https://api.github.com (config.githubApiUrl). */
  apiUrl: string;
  /** Personal access token (config.githubToken); null for unauthenticated requests (60 an hour). */
  token: string | null;
  userAgent: string;
  clock?: Clock;
  log?: (line: string) => void;
  /** Spacing between requests, ms; default GITHUB_SPACING_MS, ≥ 0. */
  minIntervalMs?: number;
}

/** What GitHub said about one repository. */
export type RepoAnswer =
  | { kind: "ok"; stars: number; fullName: string; etag: string | null }
  | { kind: "not_modified" }
  /** 404/410: deleted, renamed away without a redirect, or private. */
  | { kind: "gone"; status: number }
  /** 451, or a 403 that is no rate limit (access refused). */
  | { kind: "blocked"; status: number }
  /** The primary rate limit is spent: ask nothing until `resetAt` (ms since the epoch). */
  | { kind: "rate_limited"; resetAt: number };

/** The primary rate limit as the last response told it; null fields until a response said. */
export interface RateLimit {
  limit: number | null;
  remaining: number | null;
  /** ms since the epoch. */
  resetAt: number | null;
}

const ACCEPTED = [301, 304, 401, 403, 404, 410, 429, 451];
const intHeader = (r: PoliteResponse, name: string) => {
  const v = r.headers.get(name);
  return v !== null && /^\d+$/.test(v.trim()) ? Number(v) : null;
};

export class GithubClient {
  readonly rate: RateLimit = { limit: null, remaining: null, resetAt: null };
  private readonly http: PoliteClient;
  private readonly base: string;
  private readonly clock: Clock | undefined;

  constructor(private readonly options: GithubClientOptions) {
    this.base = options.apiUrl.replace(/\/+$/, "");
    this.clock = options.clock;
    this.http = new PoliteClient({
      component: "ingest",
      service: "GitHub",
      userAgent: options.userAgent,
      minIntervalMs: options.minIntervalMs ?? GITHUB_SPACING_MS,
      ...(options.clock ? { clock: options.clock } : {}),
      ...(options.log ? { log: options.log } : {}),
    });
  }

  /** Asks for `repo` ("owner/name"), conditionally when `etag` is known; `signal` ends any wait at once. */
  async repository(repo: string, etag: string | null, signal?: AbortSignal): Promise<RepoAnswer> {
    const [owner, name] = repo.split("/");
    const url = `${this.base}/repos/${encodeURIComponent(owner ?? "")}/${encodeURIComponent(name ?? "")}`;
    const headers: Record<string, string> = { accept: "application/vnd.github+json", "x-github-api-version": "2022-11-28" };
    if (this.options.token) headers.authorization = `Bearer ${this.options.token}`;
    if (etag) headers["if-none-match"] = etag;
    const response = await this.http.get(url, { headers, accept: ACCEPTED, retryAfter: (r) => this.secondaryWait(r), ...(signal ? { signal } : {}) });
    this.readRate(response);
    switch (response.status) {
      case 304:
        return { kind: "not_modified" };
      case 401:
        throw new PaperfeedError("ingest", "github_unauthorized", "GitHub refused the token (401 Bad credentials); check PAPERFEED_GITHUB_TOKEN", 502);
      case 403:
      case 429:
        if (this.rate.remaining === 0) return { kind: "rate_limited", resetAt: this.rate.resetAt ?? this.now() + SECONDARY_LIMIT_WAIT_MS };
        return { kind: "blocked", status: response.status };
      case 404:
      case 410:
      case 301: // a redirect fetch could not follow (no Location): the repository is not where the link says
        return { kind: "gone", status: response.status };
      case 451:
        return { kind: "blocked", status: 451 };
    }
    return this.parseRepository(url, response);
  }

  private parseRepository(url: string, response: PoliteResponse): RepoAnswer {
    let body: unknown;
    try {
      body = JSON.parse(response.body.toString("utf8"));
    } catch {
      throw new PaperfeedError("ingest", "github_bad_response", `GitHub: ${url} answered ${response.status} with a body that is not JSON`, 502);
    }
    const b = body as { stargazers_count?: unknown; full_name?: unknown };
    if (!Number.isInteger(b.stargazers_count) || (b.stargazers_count as number) < 0 || typeof b.full_name !== "string")
      throw new PaperfeedError("ingest", "github_bad_response", `GitHub: ${url} answered without stargazers_count and full_name`, 502);
    return { kind: "ok", stars: b.stargazers_count as number, fullName: b.full_name, etag: response.headers.get("etag") };
  }

  /**
   * The wait for a secondary rate limit, for the PoliteClient's retry. Called on every response,
   * so it also keeps `rate` current across retries. A primary limit (remaining 0, no Retry-After)
   * is no retry: it is returned, and the caller stops until the reset.
   */
  private secondaryWait(r: PoliteResponse): number | null {
    this.readRate(r);
    if (r.status !== 403 && r.status !== 429) return null;
    const asked = parseRetryAfter(r.headers.get("retry-after"), this.now());
    if (asked !== null) return Math.max(asked, 1000);
    if (intHeader(r, "x-ratelimit-remaining") === 0) return null;
    const text = r.body.toString("utf8", 0, Math.min(r.body.length, 2000));
    return r.status === 429 || /secondary rate limit|abuse/i.test(text) ? SECONDARY_LIMIT_WAIT_MS : null;
  }

  private readRate(r: PoliteResponse): void {
    const limit = intHeader(r, "x-ratelimit-limit");
    const remaining = intHeader(r, "x-ratelimit-remaining");
    const reset = intHeader(r, "x-ratelimit-reset");
    if (limit !== null) this.rate.limit = limit;
    if (remaining !== null) this.rate.remaining = remaining;
    if (reset !== null) this.rate.resetAt = reset * 1000;
  }

  private now(): number {
    return this.clock?.now() ?? Date.now();
  }
}
