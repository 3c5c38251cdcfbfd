/**
 * The community in a real browser against a real server: sign up, confirm by the link that
 * arrives at a real SMTP server on 127.0.0.1, sign in, submit a paper, upvote it (enhanced with
 * fetch), comment, add it to a collection, and watch its trending score rise. Screenshots of
 * each step go to test-artifacts/screenshots.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Page } from "playwright-core";
import { outboxJob } from "../../src/jobs/delivery-jobs.js";
import { type SmtpSink, startSmtpSink } from "../../src/deliver/testing/smtp-sink.js";
import { type Site, describeViolations, newPage, openSite, screenshot, seriousViolations, skipReason } from "./browser.js";

let site: Site;
let sink: SmtpSink;
const PAPER = "2606.27617";

before(async () => {
  if (skipReason) return;
  sink = await startSmtpSink();
  // Account mail goes through the outbox; its job sends it as in production, only more often.
  site = await openSite({ config: { smtpUrl: sink.url, mailFrom: "paperfeed <paperfeed@127.0.0.1>", jobs: true }, start: { jobs: [outboxJob({ everyMs: 200 })] } });
});
after(async () => {
  await site?.close();
  await sink?.close();
});

/** The paper's trending score, or 0 while it is not among the papers shown. */
async function trendingScore(page: Page): Promise<number> {
  await page.goto("/trending");
  const item = page.locator("ol.paper-list > li", { has: page.locator(`[data-paper-id="${PAPER}"]`) });
  if ((await item.count()) === 0) return 0;
  return Number(/Score ([\d.]+)/.exec((await item.locator(".score-parts").textContent()) ?? "")![1]);
}

async function noSeriousViolations(page: Page, where: string) {
  const violations = await seriousViolations(page);
  assert.deepEqual(violations, [], `${where}: ${describeViolations(violations)}`);
}

test("sign up, confirm by mail, sign in, submit, upvote, comment, collect, and trending moves", { skip: skipReason, timeout: 120_000 }, async () => {
  const { page, errors } = await newPage(site, "desktop", "light");

  await page.goto("/account/signup");
  await page.fill("input[name=email]", "grace@example.org");
  await page.fill("input[name=displayName]", "Grace");
  await page.fill("input[name=password]", "a sufficiently long password");
  await noSeriousViolations(page, "sign-up");
  await screenshot(page, "community-1-signup", "desktop", "light");
  await page.click("form.stack-form button[type=submit]");
  await page.waitForURL(/\/account\/signin\?notice=verify-sent$/);

  await sink.waitFor(1);
  const link = /http:\/\/127\.0\.0\.1\/account\/verify\?token=\S+/.exec(sink.messages[0]!.text ?? "")![0];
  await page.goto(new URL(link).pathname + new URL(link).search);
  await page.waitForURL(/\/daily\?notice=verified$/);
  assert.match((await page.locator(".notice").textContent()) ?? "", /address is confirmed/);

  await page.click(".account-menu summary"); // the name opens the account links, Sign out among them
  await page.click(".account-nav button");
  await page.waitForURL(/\/account\/signin/);
  await page.fill("input[name=email]", "grace@example.org");
  await page.fill("input[name=password]", "a sufficiently long password");
  await screenshot(page, "community-2-signin", "desktop", "light");
  await page.click("form.stack-form button[type=submit]");
  await page.waitForURL((url) => url.pathname === "/");
  assert.equal((await page.locator(".account-name").textContent())?.trim(), "Grace");

  const before = await trendingScore(page);
  await page.goto("/daily");
  await page.fill("input[name=paper]", `https://arxiv.org/abs/${PAPER}`);
  await page.click(".submit-form button[type=submit]");
  await page.waitForURL(/notice=submitted/);
  assert.equal(await page.locator(`ol.curated-list [data-paper-id="${PAPER}"]`).count(), 1);
  assert.match((await page.locator(".submitted-by").first().textContent()) ?? "", /Submitted by Grace/);

  // The upvote goes by fetch: the count changes and the page does not reload.
  const url = page.url();
  await page.locator(".vote-button").first().click();
  await page.locator('.vote-button[aria-pressed="true"]').first().waitFor();
  assert.equal(page.url(), url);
  assert.equal((await page.locator(".vote-button .count").first().textContent())?.trim(), "1");
  await noSeriousViolations(page, "curated list");
  await screenshot(page, "community-3-daily", "desktop", "light");

  await page.goto(`/papers/${PAPER}`);
  await page.fill("#new-comment", "Clear write-up — see **section 3** for the `flow` objective.");
  await page.click(".comment-form button[type=submit]");
  await page.waitForURL(/#comment-\d+$/);
  assert.equal(await page.locator(".comment-body strong").textContent(), "section 3");

  await page.goto("/collections");
  await page.fill("input[name=name]", "Flows to read");
  await page.click("form.row-form button[type=submit]");
  await page.waitForURL(/\/collections\/\d+$/);
  await page.goto(`/papers/${PAPER}`);
  await page.fill(".collect-form input[name=note]", "compare with rectified flows");
  await page.click(".collect-form button[type=submit]");
  await page.waitForURL(/#community-heading$/);
  await noSeriousViolations(page, "paper with comments");
  await screenshot(page, "community-4-paper", "desktop", "light");
  await page.goto("/collections");
  await page.locator(".collection-list a").first().click();
  assert.match((await page.locator(".note").textContent()) ?? "", /compare with rectified flows/);

  const after = await trendingScore(page);
  assert.ok(after >= before + 1 + 0.5 + 0.75 - 0.01, `trending score ${before} → ${after}`);
  const parts = await page.locator(`ol.paper-list > li:has([data-paper-id="${PAPER}"]) .score-parts`).textContent();
  assert.match(parts ?? "", /upvotes\s*1\.00/);
  assert.match(parts ?? "", /comments\s*0\.50/);
  assert.match(parts ?? "", /collection adds\s*0\.75/);
  await noSeriousViolations(page, "trending");
  await screenshot(page, "community-5-trending", "desktop", "light");
  assert.deepEqual(errors, []);
  await page.context().close();
});

test("the community pages in dark mode on a phone, signed out", { skip: skipReason }, async () => {
  const { page, errors } = await newPage(site, "phone", "dark");
  for (const [path, name] of [["/trending", "trending"], ["/daily", "daily"], ["/account/signin", "signin"]] as const) {
    await page.goto(path);
    await noSeriousViolations(page, path);
    await screenshot(page, `community-${name}`, "phone", "dark");
  }
  assert.deepEqual(errors, []);
  await page.context().close();
});
