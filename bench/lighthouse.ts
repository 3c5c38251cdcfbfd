/**
 * `node --import tsx bench/lighthouse.ts [--no-write] [--lighthouse DIR]`: Lighthouse on the
 * home, search, paper and trending pages of a fresh demo instance, at desktop and mobile, with
 * Debian's Chromium (never a downloaded browser). Scores for performance, accessibility, best
 * practices and SEO go to bench/RESULTS.md; the target is 95 or more for each.
 *
 * `lighthouse` is a devDependency; `--lighthouse DIR` (or PAPERFEED_LIGHTHOUSE_DIR) takes it
 * from another folder's node_modules instead (DIR holds node_modules/lighthouse).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { startServer } from "../src/serve/server.js";
import { testConfig } from "../src/serve/testing/fixture-app.js";
import { RESULTS_FILE } from "./paths.js";
import { machine, updateResults } from "./report.js";

const { values } = parseArgs({
  options: {
    lighthouse: { type: "string", default: process.env.PAPERFEED_LIGHTHOUSE_DIR },
    chromium: { type: "string", default: process.env.PAPERFEED_CHROMIUM ?? "/usr/bin/chromium" },
    /** Only these pages (names, comma-separated), e.g. while fixing one; implies --no-write. */
    only: { type: "string" },
    "no-write": { type: "boolean", default: false },
  },
});
const only = values.only ? new Set(values.only.split(",")) : null;

const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;
const TARGET = 95;
const FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run", "--disable-component-update", "--disable-sync"];

type Scores = Record<(typeof CATEGORIES)[number], number>;
interface LighthouseResult {
  lhr: {
    categories: Record<string, { score: number | null }>;
    audits: Record<string, { score: number | null; title: string; scoreDisplayMode: string; details?: { items?: Array<{ node?: { selector?: string; snippet?: string } }> } }>;
  };
}
type RunLighthouse = (url: string, flags: Record<string, unknown>, config?: unknown) => Promise<LighthouseResult | undefined>;

/** lighthouse, its desktop settings and chrome-launcher, from this checkout or `--lighthouse DIR`. */
async function loadLighthouse(dir: string | undefined) {
  const from = createRequire(dir ? path.join(path.resolve(dir), "package.json") : import.meta.url);
  const load = async (specifier: string) => import(pathToFileURL(from.resolve(specifier)).href);
  const lighthouseDir = path.dirname(from.resolve("lighthouse/package.json"));
  const inLighthouse = createRequire(path.join(lighthouseDir, "package.json"));
  const lighthouse = (await load("lighthouse")).default as RunLighthouse;
  const desktop = (await import(pathToFileURL(path.join(lighthouseDir, "core/config/desktop-config.js")).href)).default as unknown;
  const launcher = (await import(pathToFileURL(inLighthouse.resolve("chrome-launcher")).href)) as {
    launch(options: { chromePath: string; chromeFlags: string[] }): Promise<{ port: number; kill(): void | Promise<void> }>;
  };
  const version = (inLighthouse("./package.json") as { version: string }).version;
  return { lighthouse, desktop, launcher, version };
}

async function main(): Promise<void> {
  const lh = await loadLighthouse(values.lighthouse);
  const dir = mkdtempSync(path.join(tmpdir(), "paperfeed-lighthouse-"));
  // A fresh instance as `npm start` makes it: the demo papers, no mail, no background jobs.
  const server = await startServer(testConfig(dir, { demo: true }));
  const chrome = await lh.launcher.launch({ chromePath: values.chromium!, chromeFlags: FLAGS });
  try {
    const home = await (await fetch(`${server.url}/`)).text();
    const paper = /href="(\/papers\/[^"#]+)"/.exec(home)?.[1] ?? "/papers/2606.30673";
    const pages = [
      ["home", "/"],
      ["search", "/search?q=diffusion"],
      ["paper", paper],
      ["trending", "/trending"],
    ] as const;
    const rows: Array<{ page: string; form: string; scores: Scores; failing: string[] }> = [];
    for (const [name, pagePath] of pages) {
      if (only && !only.has(name)) continue;
      for (const form of ["desktop", "mobile"] as const) {
        const result = await lh.lighthouse(
          `${server.url}${pagePath}`,
          { port: chrome.port, output: "json", logLevel: "error", onlyCategories: [...CATEGORIES] },
          form === "desktop" ? lh.desktop : undefined,
        );
        if (!result) throw new Error(`lighthouse: no result for ${pagePath} (${form})`);
        const scores = Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((result.lhr.categories[c]?.score ?? 0) * 100)])) as Scores;
        // What keeps a score down, for the one who fixes it.
        const failing = Object.entries(result.lhr.audits)
          .filter(([, a]) => a.score !== null && a.score < 0.9 && a.scoreDisplayMode !== "informative" && a.scoreDisplayMode !== "manual" && a.scoreDisplayMode !== "notApplicable")
          .map(([id]) => id);
        for (const id of failing) {
          const items = result.lhr.audits[id]?.details?.items;
          const nodes = Array.isArray(items) ? items.map((i) => i?.node?.selector).filter(Boolean) : [];
          if (nodes.length) console.log(`  ${id}: ${nodes.slice(0, 5).join(" | ")}`);
        }
        rows.push({ page: `${name} (\`${pagePath}\`)`, form, scores, failing });
        console.log(`${name.padEnd(9)} ${form.padEnd(8)} ${CATEGORIES.map((c) => `${c} ${scores[c]}`).join("  ")}${failing.length ? `   below 0.9: ${failing.join(", ")}` : ""}`);
      }
    }
    const pass = rows.every((r) => CATEGORIES.every((c) => r.scores[c] >= TARGET));
    const body = [
      "### Lighthouse: home, search, paper and trending pages",
      "",
      `Run as \`node --import tsx bench/lighthouse.ts\` (Lighthouse ${lh.version}, Debian's Chromium, headless) against a fresh demo instance on loopback: no compression proxy, no CDN. Desktop uses Lighthouse's desktop settings; mobile its default (a throttled mid-range phone, simulated).`,
      "",
      machine(),
      "",
      `| page | form factor | ${CATEGORIES.join(" | ")} |`,
      `| --- | --- | ${CATEGORIES.map(() => "---").join(" | ")} |`,
      ...rows.map((r) => `| ${r.page} | ${r.form} | ${CATEGORIES.map((c) => String(r.scores[c])).join(" | ")} |`),
      "",
      `Target: each score ≥ ${TARGET} — **${pass ? "pass" : "fail"}**.`,
    ].join("\n");
    if (!values["no-write"] && !only) updateResults(RESULTS_FILE, [{ key: "lighthouse", body }]);
    console.log(pass ? "lighthouse: every score ≥ 95" : "lighthouse: some scores are below 95");
  } finally {
    await chrome.kill();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
