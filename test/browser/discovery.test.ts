/**
 * Finding papers one did not search for, in a real browser over the web fixtures: a paper page
 * lists related papers (server-rendered, no script) that open; a misspelt query offers "Did you
 * mean" and the link searches the respelling; a pasted arXiv URL in the search box opens the
 * paper. No console errors, no serious axe-core violations; screenshots in
 * test-artifacts/screenshots (discovery-*).
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { describeViolations, followLink, newPage, openSite, screenshot, seriousViolations, type Site, skipReason } from "./browser.js";

let site: Site;
before(async () => {
  if (!skipReason) site = await openSite();
});
after(() => site?.close());

test("a paper page lists related papers, and they open", { skip: skipReason }, async () => {
  const { page, errors } = await newPage(site, "desktop", "light");
  await page.goto("/papers/2606.27617");
  const related = await page.$$eval(".related-papers li", (items) => items.map((li) => li.getAttribute("data-paper-id")));
  assert.ok(related.length >= 3, `related papers: ${related.join(", ")}`);
  assert.ok(!related.includes("2606.27617"), "the paper itself is not related to itself");
  assert.equal(await page.textContent("#related-heading"), "Related papers");
  const violations = await seriousViolations(page);
  assert.equal(violations.length, 0, describeViolations(violations));
  await page.locator(".related-papers").scrollIntoViewIfNeeded();
  await screenshot(page, "discovery-related", "desktop", "light");
  await page.click(`.related-papers li[data-paper-id="${related[0]}"] a`);
  assert.match(page.url(), new RegExp(`/papers/${related[0]!.replace(".", "\\.")}$`));
  assert.deepEqual(errors, []);
});

test('a misspelt query that matches nothing shows its respelling\'s results, saying so, with a link to search it exactly', { skip: skipReason }, async () => {
  const { page, errors } = await newPage(site, "desktop", "light");
  await page.goto("/");
  await page.fill("#site-q", "difusion modles");
  await page.press("#site-q", "Enter");
  await page.waitForURL(/\/search\?q=difusion/);
  assert.equal(
    (await page.textContent(".did-you-mean"))?.replace(/\s+/g, " ").trim(),
    "No paper matches “difusion modles”; showing results for diffusion models. Search exactly for “difusion modles”",
  );
  assert.ok((await page.$$("ol.paper-list article.paper")).length > 5, "the respelling's results");
  const violations = await seriousViolations(page);
  assert.equal(violations.length, 0, describeViolations(violations));
  await screenshot(page, "discovery-did-you-mean", "desktop", "light");
  // Exactly as typed: nothing matches, and "Did you mean" links the respelling.
  await page.click("text=Search exactly for");
  await page.waitForURL(/exact=1/);
  assert.equal(await page.$("ol.paper-list"), null);
  assert.equal((await page.textContent(".did-you-mean"))?.replace(/\s+/g, " ").trim(), "Did you mean diffusion models?");
  await followLink(page, ".did-you-mean a", /q=diffusion\+models/);
  assert.ok((await page.$$("ol.paper-list article.paper")).length > 5);
  assert.equal(await page.$(".did-you-mean"), null, "a well-spelt query gets no suggestion");
  assert.deepEqual(errors, []);
});

test("a pasted arXiv URL in the search box opens the paper", { skip: skipReason }, async () => {
  const { page, errors } = await newPage(site, "desktop", "light");
  await page.goto("/");
  await page.fill("#site-q", "https://arxiv.org/pdf/2606.27617v2");
  await page.press("#site-q", "Enter");
  await page.waitForURL(/\/papers\/2606\.27617$/);
  assert.match((await page.textContent("h1")) ?? "", /Masked Language Flow Models/);
  await screenshot(page, "discovery-pasted-url", "desktop", "light");
  assert.deepEqual(errors, []);
});
