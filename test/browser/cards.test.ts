/**
 * Cards and the paper page's top actions in a real browser: the upvote reads as an outline until
 * voted and filled after, Save works in one click, Trending's score parts open from "Why is this
 * here?", and signed out the arrow sits beside its count. Screenshots of the daily page, trending
 * and a paper page at 1280 px light and 360 px dark go to test-artifacts/screenshots.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Page } from "playwright-core";
import { describeViolations, followLink, horizontalOverflow, newPage, openSite, screenshot, seriousViolations, type Site, skipReason } from "./browser.js";

let site: Site;

before(async () => {
  if (!skipReason) site = await openSite();
});
after(() => site?.close());

async function checked(page: Page, name: string, viewport: "desktop" | "phone", scheme: "light" | "dark") {
  assert.equal(await horizontalOverflow(page), 0, `${name}: sideways scroll`);
  const violations = await seriousViolations(page);
  assert.deepEqual(violations, [], `${name} (${viewport}, ${scheme}): ${describeViolations(violations)}`);
  await screenshot(page, `cards-${name}`, viewport, scheme);
}

interface Colours {
  background: string;
  color: string;
  border: string;
}

/** The element's computed colours (run in the page, where `getComputedStyle` exists). */
const style = (page: Page, selector: string): Promise<Colours> =>
  page.evaluate(
    `(() => { const s = getComputedStyle(document.querySelector(${JSON.stringify(selector)})); return { background: s.backgroundColor, color: s.color, border: s.borderTopColor }; })()`,
  );

test("a member's cards: outline until voted, filled after; Save in one click; paper page actions first", { skip: skipReason, timeout: 180_000 }, async () => {
  const { page, errors } = await newPage(site, "desktop", "light");
  await page.goto("/account/signup");
  await page.fill("input[name=email]", "reader@example.org");
  await page.fill("input[name=displayName]", "Reader");
  await page.fill("input[name=password]", "a sufficiently long password");
  await page.click("form.stack-form button[type=submit]");
  await page.waitForURL(/notice=/);

  await page.goto("/");
  // The pointer stays where the last click was; a card under it would read its hover colours.
  await page.mouse.move(0, 0);
  const first = "article.paper .card-actions .vote-button";
  const before = await style(page, first);
  assert.equal(before.background, "rgba(0, 0, 0, 0)", "not voted: no fill");
  assert.equal(before.border, before.color, "not voted: an accent outline");
  await page.locator(first).first().click();
  // A locator wait, not waitForFunction with a string: the page's CSP forbids eval, which a string predicate needs.
  await page.locator(`${first}[aria-pressed="true"]`).first().waitFor();
  const voted = await style(page, first);
  assert.equal(voted.background, before.color, "voted: filled with the accent");
  assert.equal((await page.locator(`${first} .count`).first().textContent())?.trim(), "1");

  const saved = page.locator("article.paper").nth(1);
  const savedId = await saved.getAttribute("data-paper-id");
  await saved.locator(".save-button").click();
  await page.waitForURL((url) => url.pathname === "/");
  await page.goto("/collections");
  await page.locator(".collection-list a", { hasText: "Reading list" }).click();
  assert.equal(await page.locator(`a[href="/papers/${savedId}"]`).count() > 0, true, "the saved paper is in the Reading list");

  await page.goto("/");
  await checked(page, "daily", "desktop", "light");
  await page.goto("/trending");
  const why = page.locator("details.score-parts").first();
  assert.equal(await why.locator("dl").isVisible(), false, "the parts are folded away");
  await why.locator("summary").click();
  assert.match((await why.textContent()) ?? "", /Score \d+\.\d\d/);
  await checked(page, "trending", "desktop", "light");

  await page.goto(`/papers/${savedId}`);
  const labels = await page.locator(".paper-page .actions").first().evaluate((el) =>
    [...el.querySelectorAll("button, a")].map((a) => (a.textContent ?? "").replace(/\s+/g, " ").trim()),
  );
  const at = (re: RegExp) => labels.findIndex((l) => re.test(l));
  const order = [at(/^▲/), at(/^Save/), at(/^Follow/), at(/^Cite/), at(/^PDF/), at(/^arXiv/)];
  assert.ok(order.every((i, k) => i >= 0 && (k === 0 || i > order[k - 1]!)), `actions: ${labels.join(" | ")}`);
  const top = await page.locator(".paper-page .actions").first().boundingBox();
  const abstract = await page.locator("#abstract-heading").boundingBox();
  assert.ok(top && abstract && top.y < abstract.y, "the actions sit above the abstract");
  await checked(page, "paper", "desktop", "light");
  assert.deepEqual(errors, []);
  await page.context().close();
});

test("signed out on a phone in dark mode: the arrow beside its count, a sign-in link to vote and to save", { skip: skipReason, timeout: 120_000 }, async () => {
  const { page, errors } = await newPage(site, "phone", "dark");
  await page.goto("/");
  await checked(page, "daily", "phone", "dark");
  await page.goto("/trending");
  const vote = page.locator("article.paper .card-actions .vote-static").first();
  const arrow = await vote.locator('[aria-hidden="true"]').boundingBox();
  const count = await vote.locator(".count").boundingBox();
  assert.ok(arrow && count, "arrow and count are shown");
  assert.ok(Math.abs(arrow.y - count.y) < 12 && count.x - (arrow.x + arrow.width) < 16, `arrow ${JSON.stringify(arrow)} count ${JSON.stringify(count)}`);
  assert.match((await vote.getAttribute("href")) ?? "", /^\/account\/signin\?next=/);
  await checked(page, "trending", "phone", "dark");
  await followLink(page, page.locator("article.paper .paper-title a").first(), /\/papers\//);
  await checked(page, "paper", "phone", "dark");
  assert.deepEqual(errors, []);
  await page.context().close();
});
