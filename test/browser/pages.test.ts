/**
 * Every page in a real browser at desktop and phone width, light and dark: no console or CSP
 * errors, no serious or critical axe-core violations, no sideways scrolling on a phone, and a
 * screenshot of each in test-artifacts/screenshots.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import {
  type Scheme,
  skipReason,
  type Site,
  type ViewportName,
  describeViolations,
  horizontalOverflow,
  newPage,
  openSite,
  screenshot,
  seriousViolations,
} from "./browser.js";

const PAGES: Array<{ name: string; path: string; status?: number }> = [
  { name: "daily", path: "/" },
  { name: "daily-week", path: "/?week=2026-W27" },
  { name: "new", path: "/new" },
  { name: "paper", path: "/papers/2606.30673" },
  { name: "paper-math", path: "/papers/0704.0630" },
  { name: "paper-old-style", path: "/papers/hep-th/9901001" },
  { name: "search", path: "/search?q=diffusion" },
  { name: "search-filtered", path: "/search?q=diffusion&cat=cs.CV&code=1&sort=newest" },
  { name: "search-no-hits", path: "/search?q=quasicrystal+teleportation" },
  { name: "search-intro", path: "/search" },
  { name: "help", path: "/help/search" },
  { name: "not-found", path: "/papers/2401.99999", status: 404 },
];

let site: Site;
before(async () => {
  if (!skipReason) site = await openSite();
});
after(() => site?.close());

for (const viewport of ["desktop", "phone"] as ViewportName[]) {
  for (const scheme of ["light", "dark"] as Scheme[]) {
    test(
      `every page at ${viewport} width in ${scheme} mode: clean console, accessible, fits, screenshot`,
      { skip: skipReason },
      async () => {
        const { page, errors } = await newPage(site, viewport, scheme);
        for (const { name, path, status = 200 } of PAGES) {
          const response = await page.goto(path);
          assert.equal(response?.status(), status, path);
          if (viewport === "phone")
            assert.equal(await horizontalOverflow(page), 0, `${path} scrolls sideways at 360 px`);
          // Colour contrast depends on the scheme, layout on the width: axe runs for each combination
          // except phone+dark, which adds nothing the other three do not check.
          if (!(viewport === "phone" && scheme === "dark")) {
            const violations = await seriousViolations(page);
            assert.equal(
              violations.length,
              0,
              `${path} (${viewport}, ${scheme}):\n${describeViolations(violations)}`,
            );
          }
          await screenshot(page, name, viewport, scheme);
        }
        // 404 pages log their status as a console error; anything else is ours to fix.
        const unexpected = errors.filter((e) => !/status of 404/.test(e));
        assert.deepEqual(unexpected, []);
        await page.context().close();
      },
    );
  }
}

test("the accessibility check itself catches a page with problems", { skip: skipReason }, async () => {
  const { page } = await newPage(site, "desktop", "light");
  await page.setContent(
    '<html lang="en"><body><main><img src="data:,"><button></button></main></body></html>',
  );
  const ids = (await seriousViolations(page)).map((v) => v.id).sort();
  assert.deepEqual(ids, ["button-name", "document-title", "image-alt"]);
  await page.context().close();
});
