/**
 * `createPaperFetcher`: what `serve` uses to fetch papers the store lacks — the export-API client
 * on a polite HTTP client of its own, behind the on-demand cache. Null when the configuration
 * says `--arxiv-api-url off`.
 */
import type { Config } from "../../config/types.js";
import type { Paper } from "../../core/paper.js";
import type { Clock } from "../http/clock.js";
import { PoliteClient } from "../http/polite-client.js";
import { userAgentOf } from "../http/user-agent.js";
import { ArxivApiClient } from "./client.js";
import { OnDemandFetcher, type OnDemandOptions } from "./on-demand.js";

export { ArxivApiClient, arxivUnavailable } from "./client.js";
export { ON_DEMAND_DEFAULTS, OnDemandFetcher, type OnDemandOptions } from "./on-demand.js";

/**
 * A visitor waits for the answer, so fewer and shorter retries than a harvest: 2 retries after
 * 2 s and 4 s, a Retry-After of at most 30 s honoured (longer: "try again later" at once), 20 s
 * per request. Spacing stays arXiv's 3 s.
 */
export const ON_DEMAND_HTTP = { retries: 2, backoffMs: 2000, maxRetryAfterMs: 30_000, timeoutMs: 20_000 } as const;

export interface PaperFetcherSetup {
  config: Pick<Config, "arxivApiUrl" | "baseUrl" | "contact">;
  /** Spacing, waits and cache expiry; default the wall clock. */
  clock?: Clock;
  /** Where failures are reported (URL, status, body): they are not in the visitors' messages. */
  log?: (line: string) => void;
  /** Cache and queue limits (on-demand.ts); defaults ON_DEMAND_DEFAULTS. */
  limits?: OnDemandOptions;
}

/** Resolves an id (any pasted form) to the paper on arXiv, or null when arXiv has none. */
export type FetchPaper = (id: string) => Promise<Paper | null>;

export function createPaperFetcher(setup: PaperFetcherSetup): FetchPaper | null {
  const { config, clock, log } = setup;
  if (config.arxivApiUrl === "off") return null;
  const http = new PoliteClient({
    component: "ingest",
    service: "arXiv API",
    userAgent: userAgentOf(config),
    ...ON_DEMAND_HTTP,
    ...(clock ? { clock } : {}),
    ...(log ? { log } : {}),
  });
  const client = new ArxivApiClient(http, config.arxivApiUrl, log);
  return new OnDemandFetcher(client, { ...(clock ? { clock } : {}), ...setup.limits }).fetch;
}
