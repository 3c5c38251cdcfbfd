/** What a reader does: open today's papers, read one, search, page through results, use the keyboard. */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { followLink, newPage, openSite, type Site, skipReason } from "./browser.js";

let site: Site;
before(async () => {
  if (!skipReason) site = await openSite();
});
after(() => site?.close());

test("from the home page to a paper and back", { skip: skipReason }, async () => {
  const { page, errors } = await newPage(site, "desktop", "light");
  await page.goto("/");
  assert.equal(await page.locator("h1").textContent(), "Wednesday, July 1, 2026");
  const first = page.locator(".paper-title a").first();
  const title = (await first.textContent())!.trim();
  await followLink(page, first, /\/papers\/2606\.\d+$/);
  assert.equal((await page.locator("h1").textContent())!.trim(), title);
  await page.goBack();
  await followLink(page, page.locator("a.period-step.prev"), /\?date=2026-06-30$/);
  assert.equal(await page.locator("h1").textContent(), "Tuesday, June 30, 2026");
  assert.deepEqual(errors, []);
  await page.context().close();
});

test("search from the keyboard, then page through the results", { skip: skipReason }, async () => {
  const { page, errors } = await newPage(site, "desktop", "light");
  await page.goto("/");
  await page.keyboard.press("/");
  assert.equal(await page.evaluate("document.activeElement && document.activeElement.id"), "site-q");
  await page.keyboard.type("diffusion");
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/search\?q=diffusion$/);
  assert.match((await page.locator(".results-bar .summary").textContent()) ?? "", /^\d+ papers · [\d.]+ ms$/);
  assert.ok((await page.locator(".paper mark").count()) >= 20, "matched words are marked");
  const firstPage = await page
    .locator(".paper")
    .evaluateAll((els) => els.map((e) => e.getAttribute("data-paper-id")));
  await followLink(page, page.locator(".pager a[rel=next]"), /page=2/);
  assert.equal(await page.locator("ol.paper-list").getAttribute("start"), "21");
  const secondPage = await page
    .locator(".paper")
    .evaluateAll((els) => els.map((e) => e.getAttribute("data-paper-id")));
  assert.ok(secondPage.length > 0);
  assert.deepEqual(
    secondPage.filter((id) => firstPage.includes(id)),
    [],
  );
  await followLink(page, page.locator(".pager a[rel=prev]"), /\/search\?q=diffusion$/);
  assert.deepEqual(errors, []);
  await page.context().close();
});

test(
  "filters are a plain form: choosing a category and applying narrows the results",
  { skip: skipReason },
  async () => {
    const { page } = await newPage(site, "desktop", "light");
    await page.goto("/search?q=diffusion");
    const before = await page.locator(".results-bar .summary").textContent();
    await page.selectOption("select[name=cat]", "cs.CV");
    await page.check("input[name=code]");
    await page.locator(".list-filter button[type=submit]").click();
    await page.waitForURL(/cat=cs\.CV/);
    assert.match(page.url(), /code=1/);
    assert.notEqual(await page.locator(".results-bar .summary").textContent(), before);
    assert.equal(await page.locator(".filter-chip").count(), 2);
    await page.locator(".filter-chip", { hasText: "Has code" }).click();
    await page.waitForURL((url) => !url.search.includes("code=1"));
    await page.context().close();
  },
);

test(
  "j and k move between papers, and the full abstract unfolds in place",
  { skip: skipReason },
  async () => {
    const { page } = await newPage(site, "desktop", "light");
    await page.goto("/?date=2026-06-29");
    await page.keyboard.press("j");
    await page.keyboard.press("j");
    const current = page.locator(".paper.is-current");
    assert.equal(await current.count(), 1);
    assert.equal(
      await current.getAttribute("data-paper-id"),
      await page.locator(".paper").nth(1).getAttribute("data-paper-id"),
    );
    assert.equal(
      await page.evaluate(
        "document.activeElement.closest('.paper') === document.querySelector('.paper.is-current')",
      ),
      true,
    );
    await page.keyboard.press("k");
    assert.equal(await page.locator(".paper").first().getAttribute("class"), "paper is-current");

    const paper = page
      .locator(".paper")
      .filter({ has: page.locator("details.full-abstract") })
      .first();
    assert.ok(await paper.locator(".excerpt").isVisible());
    await paper.locator("details.full-abstract summary").click();
    assert.ok(await paper.locator("details.full-abstract p").isVisible());
    assert.ok(!(await paper.locator(".excerpt").isVisible()), "the excerpt gives way to the full abstract");
    await page.context().close();
  },
);

test(
  "the paper page renders math with KaTeX fonts and offers a copy button when scripts run",
  { skip: skipReason },
  async () => {
    const { page, errors } = await newPage(site, "desktop", "light");
    await page.goto("/papers/0704.0630");
    assert.ok((await page.locator("h1 .katex").count()) >= 3);
    const fontsLoaded = await page.evaluate(
      "document.fonts.ready.then(() => [...document.fonts].filter((f) => f.family.includes('KaTeX') && f.status === 'loaded').length)",
    );
    assert.ok(Number(fontsLoaded) > 0, "KaTeX fonts load from /static under the CSP");
    assert.ok(await page.locator("button.copy[data-copy=citation-text]").isVisible());
    assert.deepEqual(errors, []);
    await page.context().close();
  },
);
