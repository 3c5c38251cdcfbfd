import assert from "node:assert/strict";
import { test } from "node:test";
import { Hono } from "hono";
import { getCookie } from "hono/cookie";
import { keepBodyText } from "./html-body.js";
import { pageCache } from "./page-cache.js";
import { SESSION_COOKIE, currentViewer, sessionMiddleware } from "./session.js";

/** An app whose pages say how many times they were rendered; time and version are the test's. */
function cachedApp() {
  const state = { now: 1_000_000, version: 1, renders: 0 };
  const app = new Hono();
  app.use(keepBodyText);
  // Anonymous visitors never reach the community store: the session middleware only signs a
  // token. A member's request skips it here (it would look the session up); the cache reads the
  // cookie itself.
  const session = sessionMiddleware({ community: () => Promise.reject(new Error("no community store in this test")), secret: async () => "test secret", secure: false });
  app.use((c, next) => (getCookie(c, SESSION_COOKIE) ? next() : session(c, next)));
  const cache = pageCache({ paths: /^\/(page|form|missing)$/, version: () => state.version, now: () => state.now, ttlMs: 5_000 });
  app.use(cache.countWrites);
  // A write answered before the kept pages' middleware is reached (as the community's are).
  app.post("/comment", (c) => c.text("ok"));
  app.use(cache.keep);
  app.get("/page", (c) => c.html(`<p>render ${++state.renders}</p>`));
  app.get("/form", (c) => c.html(`<form><input name="_csrf" value="${currentViewer()!.csrf}"> ${++state.renders}</form>`));
  app.get("/missing", (c) => c.html(`<p>gone ${++state.renders}</p>`, 404));
  app.post("/vote", (c) => c.text("ok"));
  const get = async (path: string, headers: Record<string, string> = {}) => {
    const res = await app.request(path, { headers });
    return { status: res.status, body: await res.text(), cookie: res.headers.get("set-cookie") };
  };
  return { app, state, get };
}

test("an anonymous page asked again is kept and served; a page without a form sets no cookie", async () => {
  const { state, get } = cachedApp();
  assert.equal((await get("/page")).body, "<p>render 1</p>");
  const second = await get("/page");
  const third = await get("/page");
  assert.equal(second.body, "<p>render 2</p>", "a page asked once is not kept");
  assert.equal(third.body, "<p>render 2</p>", "asked again in time, it is");
  assert.equal(state.renders, 2);
  assert.equal(third.cookie, null, "no form, no CSRF token, no cookie");
  assert.equal((await get("/page?other=1")).body, "<p>render 3</p>", "another address is another page");
});

test("a page asked once, or again only after the time to live, is never kept: one-off searches do not fill the cache", async () => {
  const { state, get } = cachedApp();
  await get("/page");
  state.now += 5_001;
  assert.equal((await get("/page")).body, "<p>render 2</p>");
  assert.equal((await get("/page")).body, "<p>render 3</p>", "the second request was too late to count");
  assert.equal((await get("/page")).body, "<p>render 3</p>");
});

test("a kept page is rendered again after its time, a store change or a write answered here", async () => {
  const { app, state, get } = cachedApp();
  await get("/page");
  await get("/page");
  assert.equal((await get("/page")).body, "<p>render 2</p>", "kept");
  state.now += 5_001;
  assert.equal((await get("/page")).body, "<p>render 3</p>", "older than the time to live");
  state.version++;
  assert.equal((await get("/page")).body, "<p>render 4</p>", "the search index took a store change");
  assert.equal((await get("/page")).body, "<p>render 4</p>");
  await app.request("/vote", { method: "POST" });
  assert.equal((await get("/page")).body, "<p>render 5</p>", "a write answered by this process");
  assert.equal((await get("/page")).body, "<p>render 5</p>");
  await app.request("/comment", { method: "POST" });
  assert.equal((await get("/page")).body, "<p>render 6</p>", "a write answered before the kept pages' middleware");
});

test("members' pages, pages with the visitor's CSRF token and answers other than 200 are never kept", async () => {
  const { state, get } = cachedApp();
  const member = { cookie: `${SESSION_COOKIE}=abc` };
  assert.equal((await get("/page", member)).body, "<p>render 1</p>");
  assert.equal((await get("/page", member)).body, "<p>render 2</p>", "a member's page is rendered per request");
  assert.equal((await get("/page")).body, "<p>render 3</p>", "and never kept for anonymous visitors");
  const before = state.renders;
  const one = await get("/form");
  const two = await get("/form");
  assert.equal(state.renders, before + 2, "a form carrying a visitor's token is rendered per request");
  const token = (body: string) => /value="([^"]+)"/.exec(body)?.[1];
  assert.notEqual(token(one.body), token(two.body), "each visitor gets their own token");
  assert.match(one.cookie ?? "", /pf_csrf=/, "a page with a form sets the cookie its token is made from");
  const seed = /pf_csrf=([^;]+)/.exec(one.cookie ?? "")?.[1];
  const again = await get("/form", { cookie: `pf_csrf=${seed}` });
  assert.equal(token(again.body), token(one.body), "the browser's cookie gives it the same token again");
  assert.equal(again.cookie, null, "and is not set anew");
  await get("/missing");
  await get("/missing");
  assert.equal(state.renders, before + 5, "a 404 is rendered every time");
});
