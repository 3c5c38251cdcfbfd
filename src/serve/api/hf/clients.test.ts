/**
 * A served instance, asked exactly what Hugging Face's own client asks: huggingface_hub's
 * `HfApi.list_daily_papers` / `list_papers` / `paper_info` / `read_paper` and the `hf papers
 * ls|search|info|read` commands built on them (the paths and the query parameters in the order
 * that client sends them). Each answer is read the way the client reads it — `PaperInfo(**json)`,
 * `User(**json)`, and `hf_raise_for_status`, which shows `{"error": "message"}` as the message —
 * so a field renamed, an error reshaped or a status changed fails here.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { type CommunityFixture, openCommunityFixture } from "../../testing/community-fixture.js";
import { listenOnLoopback } from "../../testing/fixture-app.js";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON as the Python client sees it
type Json = Record<string, any>;

let fx: CommunityFixture;
let server: { base: string; close: () => Promise<void> };

before(async () => {
  fx = await openCommunityFixture({ thumbnails: true });
  await fx.community.thumbnails.saveThumbnail({ paperId: fx.curated[0], format: "webp", width: 2, height: 3, bytes: new Uint8Array([1, 2, 3]), renderedAt: fx.now });
  server = await listenOnLoopback(fx.app);
});
after(async () => {
  await server.close();
  await fx.close();
});

/** huggingface_hub's `User.__init__`: the fields it reads. */
const user = (kw: Json | null | undefined) => (kw ? { username: kw.user ?? "", fullname: kw.fullname ?? "", avatarUrl: kw.avatarUrl ?? "", type: kw.type } : null);

/** huggingface_hub's `PaperInfo.__init__`, field for field. */
function paperInfo(kw: Json) {
  const paper: Json = kw.paper ?? {};
  return {
    id: kw.id ?? paper.id,
    authors: (paper.authors ?? kw.authors ?? null)?.map((a: Json) => ({ name: a.name ?? "", hidden: a.hidden })),
    publishedAt: paper.publishedAt ?? kw.publishedAt,
    title: kw.title,
    summary: paper.summary ?? kw.summary,
    upvotes: paper.upvotes ?? kw.upvotes,
    discussionId: paper.discussionId ?? kw.discussionId,
    comments: kw.numComments ?? 0,
    submittedAt: (paper.publishedAt ? kw.publishedAt : undefined) ?? kw.submittedOnDailyAt,
    submittedBy: user(kw.submittedBy ?? kw.submittedOnDailyBy),
    githubRepo: kw.githubRepo,
    projectPage: kw.projectPage,
  };
}

/** A GET as `requests` sends it: parameters in the client's order, None ones left out. */
async function hfGet(path: string, params: Array<[string, string | number | undefined]> = []) {
  const query = params.filter(([, v]) => v !== undefined).map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`);
  const res = await fetch(`${server.base}${path}${query.length ? `?${query.join("&")}` : ""}`, { headers: { "user-agent": "huggingface_hub/1.0; python/3.12" } });
  return { status: res.status, type: res.headers.get("content-type") ?? "", text: await res.text() };
}

/** `hf_raise_for_status`: for a JSON error body, the message it shows is `error` when that is a string. */
function serverMessage(text: string): string {
  const body = JSON.parse(text) as Json;
  assert.deepEqual(Object.keys(body), ["error"], "HF's error body");
  assert.equal(typeof body.error, "string", "a string, else the client prints a raw dict");
  return body.error as string;
}

/** list_daily_papers(date, token, week, month, submitter, sort, p, limit) sends p, limit, sort, date, week, month, submitter. */
const dailyPapers = (o: { p?: number; limit?: number; sort?: string; date?: string; week?: string; month?: string; submitter?: string } = {}) =>
  hfGet("/api/daily_papers", [["p", o.p], ["limit", o.limit], ["sort", o.sort], ["date", o.date], ["week", o.week], ["month", o.month], ["submitter", o.submitter]]);

const infos = (text: string) => (JSON.parse(text) as Json[]).map(paperInfo);

test("list_daily_papers and `hf papers ls`: the latest day, a date, week and month, sort, submitter, paging", async () => {
  const latest = await dailyPapers();
  assert.equal(latest.status, 200);
  assert.match(latest.type, /^application\/json/);
  const papers = infos(latest.text);
  assert.ok(papers.length > 0 && papers.every((p) => p.id && p.title && p.summary && p.authors?.length && !Number.isNaN(Date.parse(p.publishedAt))));

  const day = infos((await dailyPapers({ date: "2026-06-30", limit: 50 })).text);
  const [curated] = fx.curated;
  const submitted = day.find((p) => p.id === curated)!;
  assert.deepEqual(submitted.submittedBy, { username: "ada", fullname: "Ada", avatarUrl: "", type: "user" }, "`hf papers ls` prints fullname or username");
  assert.equal(submitted.upvotes, 2);
  assert.ok(day.filter((p) => p.id !== curated).some((p) => p.submittedBy === null));

  // `hf papers ls --submitter ada --sort trending`: limit=50, then sort, then submitter.
  const mine = infos((await dailyPapers({ limit: 50, sort: "trending", submitter: "ada", date: "2026-06-30" })).text);
  assert.deepEqual(mine.map((p) => p.id).sort(), [...fx.curated].sort());
  assert.ok(mine.every((p) => p.submittedBy?.fullname === "Ada"));
  assert.equal(infos((await dailyPapers({ date: "2026-06-30", submitter: "ADA" })).text).length, 2, "usernames match in any case");
  assert.deepEqual(JSON.parse((await dailyPapers({ date: "2026-06-30", submitter: "bob" })).text), [], "Bob submitted nothing");

  for (const period of [{ week: "2026-W27" }, { month: "2026-06" }]) assert.ok(infos((await dailyPapers({ limit: 200, ...period })).text).length > 0);
  assert.deepEqual(JSON.parse((await dailyPapers({ date: "2026-06-30", p: 100 })).text), [], "test_daily_papers_p: a page past the end is empty");
  assert.equal(infos((await dailyPapers({ date: "2026-06-29", limit: 10 })).text).length, 10, "test_daily_papers_limit");
  const many = await dailyPapers({ p: 0, limit: 200, date: "2026-06-29" });
  assert.equal(many.status, 200, "a limit above the maximum is served, not refused");
  assert.equal(infos(many.text).length, 30, "all of the day's 30, within the maximum of 100");

  const bad = await dailyPapers({ date: "2025-13-40" });
  assert.equal(bad.status, 400, "test_list_daily_papers_by_date_invalid_date: BadRequestError");
  assert.match(serverMessage(bad.text), /date "2025-13-40"/);
});

test("list_papers and `hf papers search`: q and limit on /api/papers/search", async () => {
  const found = await hfGet("/api/papers/search", [["q", "diffusion"], ["limit", 2]]);
  assert.equal(found.status, 200);
  const papers = infos(found.text);
  assert.equal(papers.length, 2, "test_papers_by_query_with_limit");
  assert.ok(papers.every((p) => p.id && /diffusion/i.test(`${p.title} ${p.summary}`)));
  const many = await hfGet("/api/papers/search", [["q", "diffusion"], ["limit", 120]]);
  assert.equal(many.status, 200, "list_papers(limit=120) is served");
  assert.ok(infos(many.text).length > 2);
  const all = await hfGet("/api/papers/search");
  assert.equal(all.status, 200, "list_papers() sends no parameter at all");
});

test("paper_info and `hf papers info`: the paper object with its counts; 404 with HF's error for ids that name no paper", async () => {
  const res = await hfGet("/api/papers/0704.0506");
  assert.equal(res.status, 200);
  const info = paperInfo(JSON.parse(res.text) as Json);
  assert.equal(info.id, "0704.0506");
  assert.ok(info.title && info.summary && info.authors?.every((a: Json) => a.name));
  const counted = (await fx.community.activityOf(["0704.0506"])).get("0704.0506")!.comments;
  assert.ok(counted >= 2);
  assert.equal(info.comments, counted, "numComments: the counter daily items show too");
  const submitted = paperInfo(JSON.parse((await hfGet(`/api/papers/${fx.curated[0]}`)).text) as Json);
  assert.deepEqual([submitted.submittedBy?.username, submitted.submittedBy?.fullname, submitted.upvotes], ["ada", "Ada", 2]);
  assert.ok(!Number.isNaN(Date.parse(submitted.submittedAt)), "submittedOnDailyAt");
  for (const id of ["1234.56789", "2401.99999", "banana"]) {
    const missing = await hfGet(`/api/papers/${id}`);
    assert.equal(missing.status, 404, `${id}: "Paper '${id}' not found on the Hub."`);
    assert.ok(serverMessage(missing.text).length > 0);
  }
});

test("read_paper and `hf papers read`: /papers/{id}.md is the page as Markdown — front matter, abstract, comments", async () => {
  const res = await hfGet("/papers/0704.0506.md");
  assert.equal(res.status, 200);
  assert.match(res.type, /^text\/markdown; charset=utf-8/);
  const [, front, body] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(res.text) ?? [];
  assert.ok(front && body, "front matter between --- lines");
  const paper = await fx.store.getPaper("0704.0506");
  assert.match(front, new RegExp(`^title: ${JSON.stringify(paper!.title).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`, "m"));
  for (const author of paper!.authors) assert.ok(front.includes(`  - ${JSON.stringify(author.name)}`), author.name);
  assert.match(front, /^ids:\n {2}arxiv: "0704\.0506"\n {2}version: \d+$/m);
  assert.match(front, /^links:\n {2}page: "http:\/\/127\.0\.0\.1:\d+\/papers\/0704\.0506"\n {2}arxiv: "https:\/\/arxiv\.org\/abs\/0704\.0506"\n {2}pdf: "https:\/\/arxiv\.org\/pdf\/0704\.0506"$/m);
  assert.match(front, /^comments: 2$/m);
  assert.ok(body.includes(`## Abstract\n\n${paper!.abstract}\n`));
  assert.match(body, /## Comments\n\n### Bob \(@bob\) · \d{4}-\d{2}-\d{2}\n\nIs \*\*this\*\* right\?\n\n### Ada \(@ada\) · \d{4}-\d{2}-\d{2} · replying to Bob\n\nYes\n$/);
  assert.ok(!body.includes("spam"), "hidden comments stay hidden");

  const withThumbnail = (await hfGet(`/papers/${fx.curated[0]}.md`)).text;
  assert.match(withThumbnail, /^ {2}thumbnail: "http:\/\/127\.0\.0\.1:\d+\/thumbnails\/[^"]+\.webp\?v=[0-9a-f]+"$/m);
  const old = await hfGet("/papers/hep-th/9901001.md");
  assert.equal(old.status, 200, "old-style ids, slash unescaped");
  for (const id of ["1234.56789", "banana"]) {
    const missing = await hfGet(`/papers/${id}.md`);
    assert.equal(missing.status, 404, id);
    assert.ok(serverMessage(missing.text).length > 0);
  }
});

test("items carry HF's thumbnail URL where one is rendered, and it serves the image", async () => {
  const items = JSON.parse((await dailyPapers({ date: "2026-06-30", limit: 100 })).text) as Json[];
  const withImage = items.filter((i) => i.thumbnail);
  assert.deepEqual(withImage.map((i) => i.paper.id), [fx.curated[0]]);
  const image = await fetch(withImage[0]!.thumbnail as string);
  assert.equal(image.status, 200);
  assert.equal(image.headers.get("content-type"), "image/webp");
});
