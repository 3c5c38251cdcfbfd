/**
 * The Hugging Face-compatible endpoints over a real SQLite store with recorded arXiv papers: the
 * field names and JSON types HF's Daily Papers API uses, paging, sorting and errors.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { type FixtureApp, openFixtureApp } from "../../testing/fixture-app.js";
import type { z } from "@hono/zod-openapi";
import { HfDailyItemSchema, HfPaperSchema, HfPaperWithCommentsSchema, pageLimit } from "./schema.js";

let fx: FixtureApp;
before(async () => {
  fx = await openFixtureApp();
});
after(() => fx.close());

type Json = Record<string, unknown>;
const get = async (path: string) => {
  const res = await fx.app.request(path);
  return { status: res.status, headers: res.headers, body: (await res.json()) as unknown };
};

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** Asserts HF's paper object: names and types of the fields clients read. */
function assertHfPaper(paper: Json, schema: z.ZodObject = HfPaperSchema): void {
  schema.strict().parse(paper);
  assert.equal(typeof paper.id, "string");
  assert.equal(typeof paper.title, "string");
  assert.equal(typeof paper.summary, "string");
  assert.match(String(paper.publishedAt), ISO_TIME);
  assert.equal(typeof paper.upvotes, "number");
  assert.ok(Number.isInteger(paper.upvotes));
  assert.equal(typeof paper.discussionId, "string");
  assert.ok(Array.isArray(paper.mediaUrls));
  assert.ok(Array.isArray(paper.authors) && paper.authors.length > 0);
  for (const author of paper.authors as Json[]) {
    assert.equal(typeof author.name, "string");
    assert.equal(typeof author._id, "string");
    assert.equal(author.hidden, false);
  }
  for (const key of ["githubRepo", "projectPage"]) if (key in paper) assert.match(String(paper[key]), /^https:\/\//);
  assert.ok(!("abstract" in paper) && !("categories" in paper), "only HF's field names");
}

function assertHfItem(item: Json): void {
  HfDailyItemSchema.strict().parse(item);
  assertHfPaper(item.paper as Json);
  assert.match(String(item.publishedAt), ISO_TIME);
  assert.equal(item.title, (item.paper as Json).title);
  assert.equal(item.summary, (item.paper as Json).summary);
  assert.equal(item.numComments, 0, "no comments before the community has any");
  assert.equal(item.submittedBy, null, "nobody submitted it");
  assert.equal(item.isAuthorParticipating, false);
}

test("GET /api/daily_papers lists the latest day in HF's item shape, newest first", async () => {
  const { status, body } = await get("/api/daily_papers");
  assert.equal(status, 200);
  const items = body as Json[];
  assert.equal(items.length, 10, "all 10 papers of 2026-07-01 (default limit 50)");
  items.forEach(assertHfItem);
  assert.ok(items.every((i) => i.publishedAt === "2026-07-01T00:00:00.000Z"));
  const withRepo = items.map((i) => i.paper as Json).find((p) => p.githubRepo);
  assert.match(String(withRepo?.githubRepo), /^https:\/\/github\.com\/[^/]+\/[^/]+/);
  assert.equal(withRepo?.upvotes, 0);
});

test("daily_papers: date, week and month select the period; p and limit page through it", async () => {
  const day = (await get("/api/daily_papers?date=2026-06-29&limit=100")).body as Json[];
  assert.equal(day.length, 30);
  const week = (await get("/api/daily_papers?week=2026-W27&limit=100")).body as Json[];
  assert.equal(week.length, 52, "2026-06-29 (Monday) to 2026-07-01");
  const month = (await get("/api/daily_papers?month=2026-06&limit=100")).body as Json[];
  assert.equal(month.length, 42);
  const pages = [0, 1, 2].map((p) => get(`/api/daily_papers?date=2026-06-29&limit=12&p=${p}`));
  const ids = (await Promise.all(pages)).flatMap((r) => (r.body as Json[]).map((i) => (i.paper as Json).id));
  assert.deepEqual(ids, day.map((i) => (i.paper as Json).id), "pages are consecutive slices");
  assert.deepEqual((await get("/api/daily_papers?date=2026-06-28")).body, [], "a day without papers is an empty list");
});

test("daily_papers sort=trending puts papers with code and cross-lists first; submitter filters to nobody yet", async () => {
  const items = (await get("/api/daily_papers?date=2026-06-29&sort=trending&limit=100")).body as Json[];
  assert.equal(items.length, 30);
  const hasRepo = items.map((i) => Boolean((i.paper as Json).githubRepo));
  assert.equal(hasRepo[0], true);
  assert.ok(hasRepo.lastIndexOf(true) < hasRepo.length - 1 && hasRepo.at(-1) === false, "papers without code come last");
  assert.deepEqual((await get("/api/daily_papers?date=2026-06-29&submitter=akhaliq")).body, []);
});

test("daily_papers refuses bad parameters with an error that names them", async () => {
  for (const [query, names] of [
    ["limit=0&p=-1", /p: .*; limit: /],
    ["sort=votes", /sort: /],
    ["date=2026-06-29&month=2026-06", /date: give only one.*month: give only one/],
    ["date=2026-02-30", /date "2026-02-30"/],
    ["week=2026-W60", /week "2026-W60"/],
  ] as const) {
    const { status, body } = await get(`/api/daily_papers?${query}`);
    assert.equal(status, 400, query);
    assert.deepEqual(Object.keys(body as Json), ["error"], "HF's error body: the message alone");
    assert.match((body as { error: string }).error, names, query);
  }
});

test("GET /api/papers/{id} returns HF's paper object, for new- and old-style ids", async () => {
  const { status, body } = await get("/api/papers/2606.30673");
  assert.equal(status, 200);
  assertHfPaper(body as Json, HfPaperWithCommentsSchema);
  assert.equal((body as Json).id, "2606.30673");
  assert.ok(!("paper" in (body as Json)), "the paper object itself, not wrapped");
  const old = (await get("/api/papers/hep-th/9901001v2")).body as Json;
  assert.equal(old.id, "hep-th/9901001");
  assert.equal(old.publishedAt, "1999-01-01T01:01:10.000Z", "v1's submission time");
  assert.equal((body as Json).numComments, 0);
  for (const [id, message] of [["2401.99999", /paper 2401\.99999 not found/], ["banana", /"banana" is not an arXiv id/]] as const) {
    const missing = await get(`/api/papers/${id}`);
    assert.equal(missing.status, 404, `${id}: HF clients expect 404 for any id that names no paper`);
    assert.deepEqual(Object.keys(missing.body as Json), ["error"]);
    assert.match((missing.body as { error: string }).error, message);
  }
});

test("GET /api/papers/search returns an array of HF items, best match first", async () => {
  const { status, body } = await get("/api/papers/search?q=diffusion&limit=5");
  assert.equal(status, 200);
  const items = body as Json[];
  assert.equal(items.length, 5);
  items.forEach(assertHfItem);
  assert.match(String((items[0]!.paper as Json).title), /diffusion/i);
  const many = await get("/api/papers/search?q=diffusion&limit=500");
  assert.equal(many.status, 200, "more than the maximum is served, not refused");
  assert.ok((many.body as Json[]).length > 5);
});

test("a page size above the maximum is served as the maximum; below 1 is refused", () => {
  const limit = pageLimit(100, 50, "Items");
  assert.deepEqual(["500", "100", "7", undefined].map((v) => limit.parse(v)), [100, 100, 7, 50]);
  assert.equal(limit.safeParse("0").success, false);
});

test("GET /api/papers pages through every paper with a cursor in the Link header", async () => {
  const seen: string[] = [];
  let next: string | null = "/api/papers?limit=25";
  while (next) {
    const { status, headers, body } = await get(next);
    assert.equal(status, 200);
    for (const paper of body as Json[]) {
      assertHfPaper(paper);
      seen.push(String(paper.id));
    }
    const link = headers.get("link");
    next = link ? new URL(/^<([^>]+)>; rel="next"$/.exec(link)![1]!).pathname + new URL(/^<([^>]+)>/.exec(link)![1]!).search : null;
  }
  assert.equal(seen.length, 59);
  assert.equal(new Set(seen).size, 59, "no paper twice");
  assert.equal((await get("/api/papers?cursor=abc")).status, 400);
});
