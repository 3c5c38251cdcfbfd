/**
 * A real app over a real SQLite store in a temp dir, filled from the recorded arXiv records in
 * test/fixtures/web (see SOURCE.md there), plus any extra papers a test needs. For tests only.
 */
import { mkdtempSync, rmSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createAdaptorServer } from "@hono/node-server";
import type { Hono } from "hono";
import type { Config } from "../../config/types.js";
import type { Paper } from "../../core/paper.js";
import { importFiles } from "../../ingest/import.js";
import { createSearchEngine } from "../../search/index.js";
import type { SearchEngine } from "../../search/types.js";
import { openStore } from "../../store/open.js";
import type { Store } from "../../store/types.js";
import { createApp } from "../app.js";
import { type Logger, createLogger } from "../log.js";

export const FIXTURE_DIR = fileURLToPath(new URL("../../../test/fixtures/web/", import.meta.url));
export const FIXTURE_FILES = ["daily-listings.jsonl", "abs-records.jsonl"].map((name) =>
  join(FIXTURE_DIR, name),
);

export interface FixtureApp {
  app: Hono;
  store: Store;
  search: SearchEngine;
  /** The app's configuration (its database file lives in a temp dir). */
  config: Config;
  /** Lines the app logged (errors only). */
  logged: string[];
  close(): Promise<void>;
}

export function testConfig(dir: string, overrides: Partial<Config> = {}): Config {
  return {
    db: join(dir, "paperfeed.db"),
    databaseUrl: null,
    indexDir: join(dir, "index"),
    host: "127.0.0.1",
    port: 0,
    baseUrl: "http://127.0.0.1",
    demo: false,
    logLevel: "error",
    // Tests never reach the network: jobs and on-demand fetches run only where a test points them at loopback.
    jobs: false,
    harvest: false,
    arxivOaiUrl: "http://127.0.0.1:9/oai",
    arxivApiUrl: "off",
    arxivPdfUrl: "http://127.0.0.1:9/pdf",
    harvestSets: [],
    backfillDays: 7,
    contact: null,
    githubApiUrl: "http://127.0.0.1:9",
    githubToken: null,
    thumbnails: false,
    semantic: false,
    embeddingsUrl: null,
    embeddingsModel: "test-embedding",
    embeddingsBatchSize: 64,
    embeddingsRetries: 0,
    onnxModelDir: null,
    ...overrides,
  };
}

/** Imports the fixture files into `store`; fails loudly if any record was refused. */
export async function importFixtures(store: Store): Promise<void> {
  const summary = await importFiles(store, FIXTURE_FILES);
  if (summary.issueCount > 0 || summary.imported === 0) {
    throw new Error(`web fixtures did not import cleanly: ${JSON.stringify(summary.issues.slice(0, 3))}`);
  }
}

export async function openFixtureApp(extra: Paper[] = [], overrides: Partial<Config> = {}): Promise<FixtureApp> {
  const dir = mkdtempSync(join(tmpdir(), "paperfeed-web-"));
  const config = testConfig(dir, overrides);
  const store = await openStore({ path: config.db });
  await importFixtures(store);
  if (extra.length) await store.upsertPapers(extra);
  const search = createSearchEngine();
  for await (const batch of store.scanPapers(200)) for (const paper of batch) search.add(paper);
  const logged: string[] = [];
  const log: Logger = createLogger("error", (line) => logged.push(line));
  return {
    app: createApp({ store, search, config, log }),
    store,
    search,
    config,
    logged,
    close: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** GET through the app (no socket); the body as text. */
export async function fetchPage(
  app: Hono,
  path: string,
): Promise<{ status: number; body: string; headers: Headers }> {
  const res = await app.request(path);
  return { status: res.status, body: await res.text(), headers: res.headers };
}

/**
 * Numeric character references back to their characters, as a browser reads them: pages write
 * every character above U+00FF as one (src/serve/latin1.ts).
 */
export const decodeRefs = (html: string) => html.replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)));

/** Whether every UTF-16 unit of `text` is at most U+00FF (checked unit by unit, apart from src/serve/latin1.ts). */
export const isLatin1 = (text: string) => {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0xff) return false;
  return true;
};

/** The text of an HTML fragment with tags removed and entities for quotes/ampersands decoded. */
export const textOf = (html: string) =>
  decodeRefs(html)
    .replace(/<[^>]+>/g, "")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");

/** How many times `needle` occurs in `haystack`. */
export const occurrences = (haystack: string, needle: string) => haystack.split(needle).length - 1;

/** One paper's card (`<article data-paper-id>`) on a list page; fails when the page has none. */
export function cardOf(page: string, id: string): string {
  const start = page.indexOf(`data-paper-id="${id}"`);
  if (start < 0) throw new Error(`no card of ${id} on the page`);
  return page.slice(start, page.indexOf("</article>", start));
}

/** The app on a real socket on 127.0.0.1 (a free port), for tests that go over HTTP. */
export async function listenOnLoopback(app: Hono): Promise<{ base: string; close: () => Promise<void> }> {
  const server = createAdaptorServer({ fetch: app.fetch }) as Server;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
