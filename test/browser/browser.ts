/**
 * Shared setup for the browser tests: Debian's Chromium driven by playwright-core (never a
 * downloaded browser), a real paperfeed server on 127.0.0.1 with the web fixtures, axe-core
 * checks and screenshots in test-artifacts/screenshots (git-ignored) for people to look at.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Browser, type Locator, type Page, chromium } from "playwright-core";
import type { Config } from "../../src/config/types.js";
import { type StartOptions, startServer } from "../../src/serve/server.js";
import { importFixtures, testConfig } from "../../src/serve/testing/fixture-app.js";
import { openStore } from "../../src/store/open.js";

/** Override with PAPERFEED_CHROMIUM when the browser lives elsewhere. */
export const CHROMIUM = process.env.PAPERFEED_CHROMIUM ?? "/usr/bin/chromium";
export const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-quic",
  "--no-first-run",
  "--disable-component-update",
  "--disable-sync",
];

/**
 * Why the browser tests cannot run here, or false when they can. On a developer's machine without
 * Chromium they are skipped with this reason; under CI (`CI` set) a missing browser is a failure,
 * since .ci/run installs it and a silently skipped suite would hide a broken install.
 */
const missing = existsSync(CHROMIUM)
  ? false
  : `no Chromium at ${CHROMIUM} (apt-get install chromium, or set PAPERFEED_CHROMIUM)`;
if (missing && process.env.CI) throw new Error(`browser tests: ${missing}`);
export const skipReason: string | false = missing;

export const SCREENSHOT_DIR = fileURLToPath(new URL("../../test-artifacts/screenshots/", import.meta.url));
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

export const VIEWPORTS = {
  desktop: { width: 1280, height: 900 },
  phone: { width: 360, height: 780 },
} as const;
export type ViewportName = keyof typeof VIEWPORTS;
export type Scheme = "light" | "dark";

export interface Site {
  url: string;
  browser: Browser;
  close(): Promise<void>;
}

export interface SiteOptions {
  /** Settings over the test defaults (e.g. smtpUrl). */
  config?: Partial<Config>;
  /** Passed to startServer (e.g. an account mailer). */
  start?: StartOptions;
  /** Writes more into the database (given its path) before the server starts. */
  prepare?: (db: string) => Promise<void>;
}

/** A server over a temp database holding the web fixtures, and a browser to look at it. */
export async function openSite(options: SiteOptions = {}): Promise<Site> {
  const dir = mkdtempSync(join(tmpdir(), "paperfeed-browser-"));
  const config = testConfig(dir, options.config);
  const store = await openStore({ path: config.db });
  await importFixtures(store);
  await store.close();
  await options.prepare?.(config.db);
  const server = await startServer(config, options.start);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return {
    url: server.url,
    browser,
    close: async () => {
      await browser.close();
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A fresh page at a viewport and colour scheme that records console errors (CSP reports included). */
export async function newPage(
  site: Site,
  viewport: ViewportName,
  scheme: Scheme,
): Promise<{ page: Page; errors: string[] }> {
  const context = await site.browser.newContext({
    viewport: VIEWPORTS[viewport],
    colorScheme: scheme,
    baseURL: site.url,
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") errors.push(msg.text());
  });
  page.on("pageerror", (e) => errors.push(e.message));
  return { page, errors };
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: unknown[] }>;
}

/** Serious and critical axe-core violations on the page as it is now. */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated through the DevTools protocol, so the page's CSP (no inline scripts) does not block it.
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(): Promise<{ violations: AxeViolation[] }> } }).axe;
    return (await axe.run()).violations;
  });
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical");
}

export const describeViolations = (violations: AxeViolation[]) =>
  violations
    .map(
      (v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => JSON.stringify(n.target)).join(", ")}`,
    )
    .join("\n");

/** Page width beyond the viewport, in pixels (0 when nothing scrolls sideways). */
export const horizontalOverflow = (page: Page): Promise<number> =>
  page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth");

export async function screenshot(
  page: Page,
  name: string,
  viewport: ViewportName | "phone390",
  scheme: Scheme,
): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}-${viewport}-${scheme}.png`), fullPage: true });
}

/** A verified member stored straight into the database at `db` (for `SiteOptions.prepare`); returns the account's id. */
export async function storeMember(db: string, member: { email: string; displayName: string; password: string }): Promise<number> {
  const { hashPassword } = await import("../../src/actions/accounts/password.js");
  const { openCommunityStore } = await import("../../src/store/open-community.js");
  const community = await openCommunityStore({ path: db });
  try {
    const now = new Date().toISOString();
    const user = await community.createUser({ email: member.email, displayName: member.displayName, passwordHash: await hashPassword(member.password), emailVerifiedAt: now, now });
    return user.id;
  } finally {
    await community.close();
  }
}

/** Signs in through the sign-in form and waits for the home page. */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto("/account/signin");
  await page.fill("input[name=email]", email);
  await page.fill("input[name=password]", password);
  await page.click("form.stack-form button[type=submit]");
  await page.waitForURL((url) => url.pathname === "/");
}

/**
 * Clicks a link (a selector or a locator) and waits until the page is at the URL it leads to,
 * loaded as `waitUntil` says (default "load", as `page.waitForURL`). On a machine loaded by other
 * work a click that lands just after a navigation, while Chromium is still putting up the new
 * page, was once lost: no navigation started and the test waited out its 30 s. So a click that
 * has led nowhere within 10 s is made again, up to three clicks in all; a navigation that started
 * but is still loading is waited for, not clicked again; a broken link still fails.
 */
export async function followLink(
  page: Page,
  link: string | Locator,
  url: RegExp | ((url: URL) => boolean),
  waitUntil: "load" | "domcontentloaded" = "load",
): Promise<void> {
  const arrived = () => (url instanceof RegExp ? url.test(page.url()) : url(new URL(page.url())));
  for (let click = 1; ; click++) {
    await (typeof link === "string" ? page.click(link) : link.click());
    try {
      await page.waitForURL(url, { waitUntil, timeout: 10_000 });
      return;
    } catch (error) {
      if (arrived()) return await page.waitForLoadState(waitUntil);
      if (click === 3) throw error;
    }
  }
}
