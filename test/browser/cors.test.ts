/**
 * A web app on another origin reads the API: a page served from a second loopback port fetch()es
 * `/api/daily_papers` of a running paperfeed in headless Chromium, and reads the `Link` header of
 * `/api/papers`. The same page cannot write: a cross-origin POST with a token is stopped by the
 * browser at its preflight, and nothing is stored.
 */
import assert from "node:assert/strict";
import { type Server, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, test } from "node:test";
import { type Site, newPage, openSite, skipReason } from "./browser.js";

let site: Site;
let app: Server;
let appOrigin: string;

/** The other origin's page: plain HTML; the test drives fetch() from it with page.evaluate. */
const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Another app</title></head><body><h1>Another app</h1></body></html>`;

before(async () => {
  if (skipReason) return;
  site = await openSite();
  app = createServer((_req, res) => res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(PAGE));
  await new Promise<void>((resolve) => app.listen(0, "127.0.0.1", resolve));
  appOrigin = `http://127.0.0.1:${(app.address() as AddressInfo).port}`;
});
after(async () => {
  await new Promise<void>((resolve) => (app ? app.close(() => resolve()) : resolve()));
  await site?.close();
});

test("a page on another origin reads /api/daily_papers and the Link header of /api/papers with fetch()", { skip: skipReason }, async () => {
  const { page } = await newPage(site, "desktop", "light");
  await page.goto(`${appOrigin}/`);
  assert.notEqual(new URL(page.url()).origin, new URL(site.url).origin, "two origins");
  const answer = await page.evaluate(async (api: string) => {
    const daily = await fetch(`${api}/api/daily_papers?limit=3`);
    const items = (await daily.json()) as Array<{ paper: { id: string }; title: string }>;
    const list = await fetch(`${api}/api/papers?limit=2`);
    return { status: daily.status, ids: items.map((i) => i.paper.id), titled: items.every((i) => i.title.length > 0), link: list.headers.get("link") };
  }, site.url);
  assert.equal(answer.status, 200);
  assert.equal(answer.ids.length, 3);
  assert.ok(answer.titled);
  assert.match(String(answer.link), /^<http:\/\/127\.0\.0\.1:\d+\/api\/papers\?limit=2&cursor=2>; rel="next"$|cursor=2.*rel="next"/);
  await page.context().close();
});

test("the same page cannot write: a cross-origin POST with a token is stopped at the preflight", { skip: skipReason }, async () => {
  const { page } = await newPage(site, "desktop", "light");
  await page.goto(`${appOrigin}/`);
  const outcome = await page.evaluate(async (api: string) => {
    try {
      const res = await fetch(`${api}/api/v1/papers/2606.30673/vote`, {
        method: "POST",
        headers: { authorization: "Bearer pf_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "content-type": "application/json" },
        body: JSON.stringify({ up: true }),
      });
      return `answered ${res.status}`;
    } catch (error) {
      return `refused: ${(error as Error).name}`;
    }
  }, site.url);
  assert.equal(outcome, "refused: TypeError", "the browser refuses; the request never reaches the route");
  await page.context().close();
});
