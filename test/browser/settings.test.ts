/**
 * Account settings in a real browser against a real server without mail: a member signs in,
 * opens Settings from the account links, renames themselves and turns on "follow what I upvote
 * or collect" (plain form posts), sees that the address cannot change without mail, and gets the
 * JSON export. Screenshots at 1280 px light and 390 px and 360 px dark go to
 * test-artifacts/screenshots; no serious or critical accessibility violation.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { after, before, test } from "node:test";
import type { Page } from "playwright-core";
import { describeViolations, followLink, horizontalOverflow, newPage, openSite, screenshot, SCREENSHOT_DIR, seriousViolations, signIn, type Site, skipReason, storeMember } from "./browser.js";

let site: Site;
const PASSWORD = "a sufficiently long password";

before(async () => {
  if (skipReason) return;
  site = await openSite({
    start: {},
    config: {},
    prepare: async (db) => {
      await storeMember(db, { email: "ada@example.org", displayName: "Ada", password: PASSWORD });
    },
  });
});
after(async () => {
  await site?.close();
});

const signInAda = (page: Page) => signIn(page, "ada@example.org", PASSWORD);

async function assertAccessible(page: Page): Promise<void> {
  const violations = await seriousViolations(page);
  assert.deepEqual(violations, [], describeViolations(violations));
}

test("settings: rename, follow setting, no email change without mail, export; accessible at desktop and phone widths", { skip: skipReason, timeout: 120_000 }, async () => {
  const { page, errors } = await newPage(site, "desktop", "light");
  await signInAda(page);
  await page.click("nav.account-nav .account-menu summary"); // the name opens the account links
  await followLink(page, "nav.account-nav a[href='/account/settings']", (url) => url.pathname === "/account/settings");
  assert.equal(await page.locator("h1").textContent(), "Settings");

  await page.fill("input[name=displayName]", "Ada Lovelace");
  await page.click("form[action='/account/settings/name'] button[type=submit]");
  await page.waitForURL(/\/account\/settings\?notice=saved#profile$/);
  assert.equal(await page.locator("nav.account-nav .account-name").textContent(), "Ada Lovelace");

  await page.check("input[name=followOnActivity]");
  await page.click("form[action='/account/settings'] button[type=submit]");
  await page.waitForURL(/\/account\/settings\?notice=saved$/);
  assert.equal(await page.locator("input[name=followOnActivity]").isChecked(), true);

  assert.match((await page.locator("#email").textContent()) ?? "", /Changing your address needs mail/);
  assert.equal(await page.locator("form[action='/account/settings/email']").count(), 0);

  const wrong = page.locator("form[action='/account/settings/password']");
  await wrong.locator("input[name=current]").fill("not the password at all");
  await wrong.locator("input[name=password]").fill("another long password");
  await wrong.locator("button[type=submit]").click();
  await page.waitForLoadState();
  assert.match((await page.locator("#password [role=alert]").textContent()) ?? "", /^Current password: /);

  const download = await Promise.all([page.waitForEvent("download"), page.click("a[href='/account/settings/export']")]).then(([d]) => d);
  assert.match(download.suggestedFilename(), /^paperfeed-my-data-\d{4}-\d{2}-\d{2}\.json$/);

  await page.goto("/account/settings");
  await assertAccessible(page);
  await screenshot(page, "settings", "desktop", "light");
  await page.emulateMedia({ colorScheme: "dark" });
  await assertAccessible(page);
  await screenshot(page, "settings", "desktop", "dark");
  // The wrong password's page comes with status 400, which the console reports; nothing else may.
  assert.deepEqual(errors.filter((e) => !/status of 400/.test(e)), []);

  for (const width of [390, 360]) {
    const context = await site.browser.newContext({ viewport: { width, height: 800 }, colorScheme: "dark", baseURL: site.url });
    const phone = await context.newPage();
    await signInAda(phone);
    await phone.goto("/account/settings");
    assert.equal(await horizontalOverflow(phone), 0, `the page scrolls sideways at ${width} px`);
    await assertAccessible(phone);
    await phone.screenshot({ path: join(SCREENSHOT_DIR, `settings-phone${width}-dark.png`), fullPage: true });
    if (width === 390) {
      await phone.emulateMedia({ colorScheme: "light" });
      await assertAccessible(phone);
      await phone.screenshot({ path: join(SCREENSHOT_DIR, `settings-phone${width}-light.png`), fullPage: true });
    }
    await context.close();
  }
});
