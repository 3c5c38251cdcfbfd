/**
 * The first run, as `npm install && npm start` gives it: a fresh database filled with the demo
 * papers and no mail server. In a real browser: sign up, upvote, comment, save to a collection —
 * no other step (no command line, no mail). Screenshots of the pages this changed, at 1280 px and
 * 390 px, light and dark, go to test-artifacts/screenshots; the compressed home page stays small.
 */
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { type Browser, type Page, chromium } from "playwright-core";
import { type RunningServer, startServer } from "../../src/serve/server.js";
import { testConfig } from "../../src/serve/testing/fixture-app.js";
import { CHROMIUM, CHROMIUM_FLAGS, describeViolations, followLink, horizontalOverflow, type Scheme, SCREENSHOT_DIR, seriousViolations, skipReason } from "./browser.js";

const WIDTHS = { desktop: 1280, phone390: 390 } as const;
let dir: string;
let server: RunningServer;
let browser: Browser;

before(async () => {
  if (skipReason) return;
  dir = mkdtempSync(join(tmpdir(), "paperfeed-first-run-"));
  // As `npm start` on a fresh clone: the demo papers, no SMTP (the test config reaches no network).
  server = await startServer(testConfig(dir, { demo: true }));
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
});
after(async () => {
  await browser?.close();
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function pageAt(width: number, scheme: Scheme): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: scheme, baseURL: server.url });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("console", (m) => void (m.type() === "error" && errors.push(m.text())));
  page.on("pageerror", (e) => errors.push(e.message));
  return { page, errors };
}

async function accessible(page: Page, where: string) {
  const violations = await seriousViolations(page);
  assert.deepEqual(violations, [], `${where}: ${describeViolations(violations)}`);
}

test("first run without SMTP: sign up, upvote, comment with math, save to a collection, follow an author", { skip: skipReason, timeout: 240_000 }, async () => {
  const { page, errors } = await pageAt(WIDTHS.desktop, "light");
  await page.goto("/");
  assert.match((await page.locator(".newest-day").textContent()) ?? "", /newest day with papers/);

  await followLink(page, "text=Sign in", /\/account\/signin/);
  assert.match((await page.locator(".mail-off").textContent()) ?? "", /sends no mail/);
  await followLink(page, "text=Create an account", /\/account\/signup$/);
  await page.fill("input[name=email]", "first@example.org");
  await page.fill("input[name=displayName]", "First");
  await page.fill("input[name=password]", "a sufficiently long password");
  await accessible(page, "sign-up");
  await page.click("form.stack-form button[type=submit]");
  await page.waitForURL(/\/daily\?notice=welcome-no-mail$/);
  assert.match((await page.locator(".notice").textContent()) ?? "", /Your account is active/);
  assert.equal((await page.locator(".account-name").textContent())?.trim(), "First");

  // The first paper of the newest day, from its card on the home page.
  await page.goto("/");
  await followLink(page, page.locator("article.paper .paper-title a").first(), /\/papers\//);
  const paperUrl = page.url();

  await page.locator(".vote-button").first().click();
  await page.locator('.vote-button[aria-pressed="true"]').first().waitFor();
  assert.equal((await page.locator(".vote-button .count").first().textContent())?.trim(), "1");

  await page.fill("#new-comment", "The bound in $O(n \\log n)$ is **tight**.");
  await page.click(".comment-form button[type=submit]");
  await page.waitForURL(/#comment-\d+$/);
  assert.equal(await page.locator(".comment-body strong").textContent(), "tight");
  assert.equal(await page.locator(".comment-body .katex").count(), 1, "the comment's $…$ is rendered by KaTeX");

  await page.fill(".collect-form input[name=note]", "read this week");
  await page.click(".collect-form button[type=submit]");
  await page.waitForURL(/#community-heading$/);
  await page.goto("/collections");
  await page.locator(".collection-list a").first().click();
  assert.match((await page.locator(".note").textContent()) ?? "", /read this week/);
  await page.goto(paperUrl);
  await accessible(page, "paper page after the first run");

  // Follow the paper's first author from the author page.
  await followLink(page, page.locator(".authors a").first(), /\/authors\//);
  const follow = page.locator(".follow-actions button[type=submit]");
  assert.equal(await follow.getAttribute("aria-pressed"), "false");
  await follow.click();
  await page.waitForURL(/\/authors\//);
  assert.equal(await page.locator(".follow-actions button[type=submit]").getAttribute("aria-pressed"), "true");
  assert.match((await page.locator(".follow-actions button[type=submit]").textContent()) ?? "", /^Following/);
  assert.deepEqual(errors, []);
  await page.context().close();
});

test("the new and changed pages at 1280 px and 390 px, light and dark: no sideways scroll, no serious axe violations", { skip: skipReason, timeout: 240_000 }, async () => {
  const pages = { home: "/", curated: "/daily", trending: "/trending", signin: "/account/signin", signup: "/account/signup" } as const;
  for (const [viewport, width] of Object.entries(WIDTHS)) {
    for (const scheme of ["light", "dark"] as const) {
      const { page } = await pageAt(width, scheme);
      for (const [name, path] of Object.entries(pages)) {
        await page.goto(path);
        assert.equal(await horizontalOverflow(page), 0, `${name} at ${width} px`);
        await accessible(page, `${name} at ${width} px, ${scheme}`);
        await page.screenshot({ path: join(SCREENSHOT_DIR, `first-run-${name}-${viewport}-${scheme}.png`), fullPage: name !== "home" && name !== "trending" });
      }
      await page.context().close();
    }
  }
});

/** Bytes on the wire for a path with Accept-Encoding (fetch would decode them). */
function wireSize(path: string, acceptEncoding: string): Promise<{ bytes: number; encoding: string | undefined }> {
  return new Promise((resolve, reject) => {
    const req = request(`${server.url}${path}`, { headers: { "accept-encoding": acceptEncoding } }, (res) => {
      let bytes = 0;
      res.on("data", (c: Buffer) => (bytes += c.length));
      res.on("end", () => resolve({ bytes, encoding: res.headers["content-encoding"] }));
    });
    req.on("error", reject);
    req.end();
  });
}

test("the demo home page goes out compressed at 30 KB or less, with Brotli and with gzip", { skip: skipReason }, async () => {
  for (const encoding of ["br", "gzip"]) {
    const home = await wireSize("/", encoding);
    assert.equal(home.encoding, encoding);
    assert.ok(home.bytes <= 30 * 1024, `home page as ${encoding}: ${home.bytes} bytes`);
  }
});

test("an author page, reached from a card, at 1280 px and 390 px, light and dark", { skip: skipReason, timeout: 120_000 }, async () => {
  for (const [viewport, width] of Object.entries(WIDTHS)) {
    for (const scheme of ["light", "dark"] as const) {
      const { page, errors } = await pageAt(width, scheme);
      await page.goto("/");
      await followLink(page, page.locator("article.paper .authors a").first(), /\/authors\//);
      assert.ok((await page.locator("ol.paper-list > li").count()) >= 1);
      assert.equal(await horizontalOverflow(page), 0, `author page at ${width} px`);
      await accessible(page, `author page at ${width} px, ${scheme}`);
      await page.screenshot({ path: join(SCREENSHOT_DIR, `first-run-author-${viewport}-${scheme}.png`), fullPage: true });
      assert.deepEqual(errors, []);
      await page.context().close();
    }
  }
});
