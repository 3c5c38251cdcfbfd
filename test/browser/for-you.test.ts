/**
 * For you in a real browser against a real server: a member who upvoted two language-model papers
 * signs in, opens For you from the top bar and sees picks with their reasons, dismisses one with
 * "Not interested", and follows an author from a paper page. Screenshots (desktop light, phone
 * dark) go to test-artifacts/screenshots; no serious accessibility violation.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { openCommunityStore } from "../../src/store/open-community.js";
import { describeViolations, followLink, horizontalOverflow, newPage, openSite, screenshot, seriousViolations, signIn, type Site, skipReason, storeMember } from "./browser.js";

let site: Site;
const PASSWORD = "a sufficiently long password";
/** Language-model papers of the web fixtures. */
const UPVOTED = ["2606.27617"];

before(async () => {
  if (skipReason) return;
  site = await openSite({
    start: {},
    config: {},
    prepare: async (db) => {
      const ada = await storeMember(db, { email: "ada@example.org", displayName: "Ada", password: PASSWORD });
      const community = await openCommunityStore({ path: db });
      for (const id of UPVOTED) await community.setVote(ada, id, true, new Date().toISOString());
      await community.close();
    },
  });
});
after(async () => {
  await site?.close();
});

test("For you shows picks with reasons; Not interested and following an author work in the browser", { skip: skipReason, timeout: 120_000 }, async () => {
  const { page, errors } = await newPage(site, "desktop", "light");
  await signIn(page, "ada@example.org", PASSWORD);

  await followLink(page, "nav.sections a[href='/for-you']", (url) => url.pathname === "/for-you");
  const picks = page.locator("ol.paper-list > li");
  assert.ok((await picks.count()) >= 3, `only ${await picks.count()} picks`);
  assert.match((await picks.first().locator(".why").textContent()) ?? "", /^Why: words: /);
  const violations = await seriousViolations(page);
  assert.deepEqual(violations, [], describeViolations(violations));
  await screenshot(page, "for-you", "desktop", "light");

  const dismissed = await picks.first().locator("article").getAttribute("data-paper-id");
  await picks.first().locator("form[action='/for-you/not-interested'] button").click();
  await page.waitForURL(/\/for-you\?notice=dismissed$/);
  assert.match((await page.locator(".notice").textContent()) ?? "", /fewer papers like it/);
  assert.equal(await page.locator(`ol.paper-list article[data-paper-id="${dismissed}"]`).count(), 0);

  await page.goto(`/papers/${UPVOTED[0]}`);
  await page.click("details.follow-interests summary");
  const author = page.locator("details.follow-interests input[name=author]").nth(1);
  const name = await author.getAttribute("value");
  await author.check();
  await page.click("details.follow-interests button[type=submit]");
  await page.waitForURL(/\?notice=saved$/);
  await page.goto("/for-you");
  assert.match((await page.locator("#interests-heading + ul").textContent()) ?? "", new RegExp(`Author: ${name}`));
  assert.deepEqual(errors, []);

  const phone = await newPage(site, "phone", "dark");
  await signIn(phone.page, "ada@example.org", PASSWORD);
  await phone.page.goto("/for-you");
  assert.equal(await horizontalOverflow(phone.page), 0, "the page scrolls sideways at phone width");
  await screenshot(phone.page, "for-you", "phone", "dark");
});
