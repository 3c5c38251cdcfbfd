/**
 * One HTTP client for every outside service (arXiv's OAI-PMH and export API, arXiv PDFs, GitHub),
 * with the etiquette they ask for built in, so no caller can forget it:
 * - a request to one origin starts at least `minIntervalMs` (arXiv: 3 s) after the previous
 *   answer arrived, one at a time;
 * - `429` and `503` wait as long as `Retry-After` says (seconds or an HTTP date), then retry;
 *   other 5xx and network failures back off exponentially; each gives up after `retries`;
 * - every request names the instance and its operator (`User-Agent`, user-agent.ts);
 * - every request has a timeout, and every failure is a PaperfeedError naming the URL.
 * Bodies are read whole: OAI pages, Atom feeds and GitHub answers are a few MB at most; callers
 * reading bigger things (PDFs) cap them with `maxBytes`.
 */
import { PaperfeedError, type Component, messageOf } from "../../core/errors.js";
import { type Clock, systemClock } from "./clock.js";

export interface PoliteClientOptions {
  /** Names the client in errors and logs ("ingest" for arXiv, …). */
  component: Component;
  /** Short name of the service in messages, e.g. "arXiv OAI-PMH". */
  service: string;
  userAgent: string;
  /** Least time between the starts of two requests to one origin, ms; default 3000, ≥ 0. */
  minIntervalMs?: number;
  /** Retries after a 429/5xx or a network failure; default 4, 0–20. */
  retries?: number;
  /** First backoff without Retry-After, ms, doubled each retry; default 5000. */
  backoffMs?: number;
  /** Longest Retry-After honoured, ms; a longer one fails at once with its wait named. Default 15 min. */
  maxRetryAfterMs?: number;
  /** Timeout of one request, ms; default 60,000. */
  timeoutMs?: number;
  clock?: Clock;
  log?: (line: string) => void;
}

export interface PoliteResponse {
  status: number;
  headers: Headers;
  body: Buffer;
  url: string;
}

export interface RequestOptions {
  headers?: Record<string, string>;
  /** Default GET; POST sends `body` (e.g. an embeddings request). */
  method?: "GET" | "POST";
  body?: string;
  /** Statuses returned to the caller instead of failing (e.g. 304, 404); 2xx always are. */
  accept?: readonly number[];
  /** Decides a wait (ms) for a response the client would otherwise return or fail, e.g. GitHub's secondary-limit 403; null: no retry. */
  retryAfter?: (response: PoliteResponse) => number | null;
  /**
   * Largest body accepted, bytes; a longer one (by Content-Length, or counted while reading) stops
   * the download and fails with id "too_large", never retried. Default: no limit.
   */
  maxBytes?: number;
  signal?: AbortSignal;
}

const RETRY_STATUSES = new Set([429, 500, 502, 503, 504]);

/** Retry-After as ms from `now`: delta-seconds or an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number): number | null {
  if (!value) return null;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const when = Date.parse(text);
  return Number.isNaN(when) ? null : Math.max(0, when - now);
}

export class PoliteClient {
  private readonly nextStart = new Map<string, number>();
  private readonly queues = new Map<string, Promise<unknown>>();
  private readonly clock: Clock;
  private readonly o: Required<Omit<PoliteClientOptions, "clock" | "log">>;
  private readonly log: (line: string) => void;

  constructor(options: PoliteClientOptions) {
    this.clock = options.clock ?? systemClock;
    this.log = options.log ?? (() => undefined);
    this.o = {
      component: options.component,
      service: options.service,
      userAgent: options.userAgent,
      minIntervalMs: options.minIntervalMs ?? 3000,
      retries: options.retries ?? 4,
      backoffMs: options.backoffMs ?? 5000,
      maxRetryAfterMs: options.maxRetryAfterMs ?? 15 * 60_000,
      timeoutMs: options.timeoutMs ?? 60_000,
    };
  }

  /** GETs (or with `method: "POST"`, posts to) `url`, politely; resolves with a 2xx (or an accepted status), else throws a PaperfeedError. */
  get(url: string, options: RequestOptions = {}): Promise<PoliteResponse> {
    const origin = new URL(url).origin;
    // One request at a time per origin: chain onto the origin's queue.
    const previous = this.queues.get(origin) ?? Promise.resolve();
    const mine = previous.catch(() => undefined).then(() => this.withRetries(url, origin, options));
    this.queues.set(origin, mine);
    return mine;
  }

  private async withRetries(url: string, origin: string, options: RequestOptions): Promise<PoliteResponse> {
    for (let attempt = 0; ; attempt++) {
      await this.waitTurn(origin, options.signal);
      let response: PoliteResponse;
      try {
        response = await this.once(url, options).finally(() => this.spaceFrom(origin));
      } catch (e) {
        if (options.signal?.aborted || (e instanceof PaperfeedError && e.id === "too_large")) throw e;
        if (attempt >= this.o.retries) throw this.failure("unreachable", `${url} could not be reached: ${messageOf(e)}`, e);
        const wait = this.o.backoffMs * 2 ** attempt;
        this.log(`${this.o.service}: ${url}: ${messageOf(e)}; retrying in ${Math.round(wait / 1000)} s`);
        await this.clock.sleep(wait, options.signal);
        continue;
      }
      const ok = (response.status >= 200 && response.status < 300) || options.accept?.includes(response.status);
      const custom = options.retryAfter?.(response) ?? null;
      if (ok && custom === null) return response;
      const retryable = custom !== null || RETRY_STATUSES.has(response.status);
      if (!retryable) throw this.statusError(url, response);
      const asked = custom ?? parseRetryAfter(response.headers.get("retry-after"), this.clock.now());
      if (asked !== null && asked > this.o.maxRetryAfterMs) {
        throw this.failure(
          "retry_too_late",
          `${url} answered ${response.status} and asks to retry after ${Math.round(asked / 1000)} s, longer than the ${Math.round(this.o.maxRetryAfterMs / 1000)} s this client waits; try again later`,
        );
      }
      if (attempt >= this.o.retries) throw this.statusError(url, response, attempt + 1);
      const wait = asked ?? this.o.backoffMs * 2 ** attempt;
      this.log(
        `${this.o.service}: ${url} answered ${response.status}; waiting ${Math.round(wait / 1000)} s${asked !== null ? " as asked (Retry-After)" : ""}`,
      );
      // The retry still keeps the spacing: a Retry-After shorter than it (arXiv's "2") is lifted to it.
      await this.clock.sleep(wait, options.signal);
    }
  }

  private async waitTurn(origin: string, signal?: AbortSignal): Promise<void> {
    const wait = (this.nextStart.get(origin) ?? 0) - this.clock.now();
    if (wait > 0) await this.clock.sleep(wait, signal);
  }

  /**
   * The next request to `origin` may start `minIntervalMs` after this one's answer has arrived,
   * not after it was sent: however slow a connection or a response, the server never sees two
   * requests closer than the spacing.
   */
  private spaceFrom(origin: string): void {
    this.nextStart.set(origin, this.clock.now() + this.o.minIntervalMs);
  }

  private async once(url: string, options: RequestOptions): Promise<PoliteResponse> {
    const timeout = AbortSignal.timeout(this.o.timeoutMs);
    const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
    const res = await fetch(url, {
      headers: { "user-agent": this.o.userAgent, ...options.headers },
      method: options.method ?? "GET",
      body: options.body,
      signal,
      redirect: "follow",
    });
    const body = options.maxBytes === undefined ? Buffer.from(await res.arrayBuffer()) : await this.capped(url, res, options.maxBytes);
    return { status: res.status, headers: res.headers, body, url: res.url || url };
  }

  /** The body, read only while it stays within `maxBytes`. */
  private async capped(url: string, res: Response, maxBytes: number): Promise<Buffer> {
    const tooLarge = () =>
      this.failure("too_large", `${url} is larger than the ${maxBytes.toLocaleString("en-US")} bytes this client reads`);
    const declared = Number(res.headers.get("content-length") ?? NaN);
    if (declared > maxBytes) {
      await res.body?.cancel();
      throw tooLarge();
    }
    const chunks: Buffer[] = [];
    let size = 0;
    if (res.body) {
      for await (const chunk of res.body) {
        size += chunk.byteLength;
        if (size > maxBytes) {
          await res.body.cancel().catch(() => undefined);
          throw tooLarge();
        }
        chunks.push(Buffer.from(chunk));
      }
    }
    return Buffer.concat(chunks, size);
  }

  private statusError(url: string, response: PoliteResponse, attempts?: number): PaperfeedError {
    const text = response.body.toString("utf8", 0, Math.min(response.body.length, 2000));
    const detail = text.replace(/<[^>]*>/g, " ").replace(/\s+/g, " ").trim().slice(0, 200);
    const tries = attempts ? ` after ${attempts} attempts` : "";
    return this.failure(
      `http_${response.status}`,
      `${url} answered ${response.status}${tries}${detail ? `: ${detail}` : ""}`,
    );
  }

  private failure(id: string, message: string, cause?: unknown): PaperfeedError {
    return new PaperfeedError(this.o.component, id, `${this.o.service}: ${message}`, 502, cause ? { cause } : undefined);
  }
}
