/**
 * The harvester against a real HTTP server on loopback that pages arXiv's recorded ListRecords
 * response with resumption tokens and answers arXiv's recorded errors, into a real SQLite store,
 * with a fake clock: every wait is checked exactly and nothing really sleeps.
 */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { isPaperfeedError } from "../../core/errors.js";
import { openStore } from "../../store/open.js";
import type { Store } from "../../store/types.js";
import { FakeClock } from "../http/testing/fake-clock.js";
import { harvestArxiv } from "./harvest.js";
import { harvestKey, recordSnapshotDatestamp } from "./start.js";
import { fixture, PAGED_PAPER_IDS, startOaiReplay, type OaiReplay, type OaiReplayOptions } from "./testing/oai-replay.js";
import type { HarvestOptions } from "./types.js";

const dirs: string[] = [];
after(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

async function freshStore(): Promise<Store> {
  const dir = mkdtempSync(join(tmpdir(), "paperfeed-harvest-"));
  dirs.push(dir);
  return openStore({ path: join(dir, "paperfeed.db") });
}

const configFor = (server: OaiReplay, sets: string[] = []) => ({
  arxivOaiUrl: server.endpoint,
  harvestSets: sets,
  backfillDays: 7,
  baseUrl: "https://papers.example.org",
  contact: "ops@papers.example.org",
});

/** Runs `body` with a replay server, a fresh store and a fake clock that notes each request's time. */
async function withHarvest(
  options: OaiReplayOptions,
  body: (h: { server: OaiReplay; store: Store; clock: FakeClock; times: number[]; run: (o?: Partial<HarvestOptions>) => ReturnType<typeof harvestArxiv> }) => Promise<void>,
) {
  const clock = new FakeClock(Date.parse("2015-01-06T21:00:00Z"));
  const times: number[] = [];
  const server = await startOaiReplay({
    ...options,
    override: (query) => {
      times.push(clock.now());
      return options.override?.(query) ?? null;
    },
  });
  const store = await freshStore();
  try {
    await body({ server, store, clock, times, run: (o) => harvestArxiv({ store, config: configFor(server), time: clock, ...o }) });
  } finally {
    await store.close();
    await server.close();
  }
}

const params = (url: string) => Object.fromEntries(new URL(url, "http://x").searchParams);

test("harvest: pages by resumption token, waits out a 503 Retry-After: 2, keeps ≥ 3 s between requests, stores every record", () =>
  withHarvest({ busyOnce: true }, async ({ server, store, clock, times, run }) => {
    const progress: Array<[number | null, number | null]> = [];
    const summary = await run({ from: "2014-10-01", until: "2015-01-06", onProgress: (p) => progress.push([p.done, p.total]) });

    assert.deepEqual(
      { new: summary.new, updated: summary.updated, deleted: summary.deleted, unchanged: summary.unchanged, skipped: summary.skipped, pages: summary.pages, requests: summary.requests },
      { new: 7, updated: 0, deleted: 0, unchanged: 1, skipped: 0, pages: 3, requests: 3 },
    );
    assert.deepEqual((await store.getPapers(PAGED_PAPER_IDS)).map((p) => p.id), PAGED_PAPER_IDS);

    // First request at once; page 2 after 3 s gets the 503; its retry comes after the 2 s asked,
    // and not before 3 s have passed since the last request; page 3 3 s later.
    assert.equal(server.requests.length, 4);
    assert.equal(server.requests.filter((r) => r.url.includes("726959%7C1001")).length, 2);
    const gaps = times.slice(1).map((t, i) => t - times[i]!);
    assert.deepEqual(gaps, [3000, 3000, 3000]);
    assert.ok(gaps[1]! >= 2000, "the Retry-After wait is honoured");
    assert.ok(gaps.every((g) => g >= 3000), `≥ 3 s between requests: ${gaps}`);
    assert.equal(summary.seconds, 9);
    assert.equal(clock.sleeps.reduce((a, b) => a + b, 0), 9000);

    // The first request names the list; follow-ups carry only verb and token.
    assert.deepEqual(params(server.requests[0]!.url), { verb: "ListRecords", metadataPrefix: "arXivRaw", from: "2014-10-01", until: "2015-01-06" });
    assert.deepEqual(params(server.requests[1]!.url), { verb: "ListRecords", resumptionToken: "726959|1001" });
    assert.deepEqual(params(server.requests[3]!.url), { verb: "ListRecords", resumptionToken: "726959|2001" });
    assert.ok(server.requests.every((r) => r.headers["user-agent"] === "paperfeed/0.1.0 (+https://papers.example.org; mailto:ops@papers.example.org)"));

    assert.deepEqual(progress, [[2, 8], [4, 8], [8, 8]]);
    // Complete: no token left, and the next run starts on the day the server dated this one.
    const state = await store.harvestState(harvestKey(server.endpoint, ""));
    assert.equal(state?.resumptionToken, null);
    assert.equal(state?.nextFrom, "2015-01-06");
  }));

test("harvest: a Retry-After longer than the spacing is waited exactly", () =>
  withHarvest(
    { override: (q) => (q.get("resumptionToken") === "726959|2001" && !seen7++ ? { status: 503, headers: { "retry-after": "7" }, body: fixture("503-retry-after.xml") } : null) },
    async ({ clock, run }) => {
      const summary = await run({ from: "2014-10-01" });
      assert.equal(summary.new, 7);
      assert.deepEqual(clock.sleeps, [3000, 3000, 7000]);
    },
  ));
let seen7 = 0;

test("harvest: new papers get arXiv's announcement day; old ones v1's date; a newer version updates, a deletion removes", () =>
  withHarvest({}, async ({ store, run }) => {
    const { makePaper } = await import("../../core/make-paper.js");
    // Stored before the harvest: v2 of 0704.0874 (the harvest brings v3) and 0704.0003 (deleted by it).
    const v2 = makePaper({ id: "0704.0874", version: 2, title: "Higher ramification (v2)", abstract: "", authors: [{ name: "Gavril Farkas" }], categories: ["math.AG"], submitted: "2007-04-06T11:07:01Z" });
    const doomed = makePaper({ id: "0704.0003", title: "The evolution of the Earth-Moon system", abstract: "", authors: [{ name: "Hongjun Pan" }], categories: ["physics.gen-ph"] });
    await store.upsertPapers([v2, doomed]);

    const summary = await run({ from: "2014-10-01" });
    assert.deepEqual([summary.new, summary.updated, summary.deleted, summary.unchanged], [6, 1, 1, 0]);
    assert.equal(await store.getPaper("0704.0003"), null);
    assert.equal((await store.getPaper("0704.0874"))?.version, 3);
    // 2104.12255: v1 Tuesday 2021-04-20 16:07 UTC (12:07 EDT, before the 14:00 cutoff) → announced Wednesday.
    assert.equal((await store.getPaper("2104.12255"))?.announced, "2021-04-21");
    // 0704.1114: v1 in 2007, record dated 2014 (a metadata change): v1's day, as the snapshot gives it.
    assert.equal((await store.getPaper("0704.1114"))?.announced, "2007-04-09");

    const again = await run({ from: "2014-10-01" });
    assert.deepEqual([again.new, again.updated, again.deleted, again.unchanged], [0, 0, 0, 8]);
  }));

const errorCases: Array<[string, string, RegExp]> = [
  ["ErrorResponseBadArgument.xml", "oai_badArgument", /answered OAI-PMH error badArgument: Verb 'ListRecords', illegal argument 'identifier'\.$/],
  ["ErrorResponseBadVerb.xml", "oai_badVerb", /answered OAI-PMH error badVerb: Bad verb\. Verb 'wah' not implemented\.$/],
  ["ErrorResponseIdDoesNotExist.xml", "oai_idDoesNotExist", /answered OAI-PMH error idDoesNotExist: Identifier 'oai:arXiv\.org:0813\.2274' has correct form/],
  ["503-retry-after.xml", "oai_not_oai", /answered 200 with an HTML page: "Retry after 10 seconds", not an OAI-PMH response$/],
];

for (const [file, id, message] of errorCases) {
  test(`harvest: ${file} fails with one clear message naming the URL, the code and the server's text`, () =>
    withHarvest({ override: () => ({ status: 200, body: fixture(file) }) }, async ({ server, store, run }) => {
      await assert.rejects(run({ from: "2015-01-01" }), (e: unknown) => {
        assert.ok(isPaperfeedError(e), String(e));
        assert.equal(e.id, id);
        assert.ok(e.message.startsWith(`ingest: arXiv OAI-PMH: ${server.endpoint}?verb=ListRecords&metadataPrefix=arXivRaw&from=2015-01-01 `), e.message);
        assert.match(e.message, message);
        return true;
      });
      assert.equal(await store.countPapers(), 0);
    }));
}

test("harvest: an unknown OAI error code, a non-XML body, an empty body and a foreign XML document each fail clearly", async () => {
  const bodies: Array<[string, RegExp]> = [
    [fixture("ErrorResponseBadArgument.xml").toString().replace('code="badArgument"', 'code="tooBusy"'), /OAI-PMH error tooBusy: Verb/],
    ["Service temporarily unavailable", /with not XML: "Service temporarily unavailable", not an OAI-PMH response$/],
    ["", /with an empty body, not an OAI-PMH response$/],
    ['<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"></feed>', /with a document <feed>, not <OAI-PMH>, not an OAI-PMH response$/],
  ];
  for (const [body, message] of bodies) {
    await withHarvest({ override: () => ({ status: 200, body }) }, async ({ run }) => {
      await assert.rejects(run({ from: "2015-01-01" }), (e: unknown) => isPaperfeedError(e) && e.component === "ingest" && message.test(e.message));
    });
  }
});

test("harvest: noRecordsMatch is 0 records and no failure, and says so", () =>
  withHarvest({ override: () => ({ status: 200, body: fixture("ErrorResponseNoRecordsMatch.xml") }) }, async ({ server, store, run }) => {
    const summary = await run({ sets: ["moo"], from: "2015-06-01" });
    assert.deepEqual([summary.read, summary.new, summary.pages, summary.requests], [0, 0, 0, 1]);
    assert.equal(summary.notes.length, 1);
    assert.match(summary.notes[0]!, /^set moo: no records match from 2015-06-01 \(Set argument doesn't match any sets\. The setSpec was 'moo'\); nothing to store$/);
    assert.equal(params(server.requests[0]!.url).set, "moo");
    assert.equal((await store.harvestState(harvestKey(server.endpoint, "moo")))?.nextFrom, "2015-06-23");
  }));

test("harvest: cannotDisseminateFormat for arXivRaw falls back to the arXiv format", () =>
  withHarvest(
    {
      override: (q) => {
        const prefix = q.get("metadataPrefix");
        const file = prefix === "arXiv" ? "arXiv-ListRecords.xml" : prefix === "arXivRaw" ? "derived-ErrorResponseCannotDisseminateFormat.xml" : null;
        return file ? { status: 200, body: fixture(file) } : null;
      },
    },
    async ({ server, store, run }) => {
      const summary = await run({ from: "2015-01-01", until: "2015-01-03" });
      assert.deepEqual(server.requests.map((r) => params(r.url).metadataPrefix), ["arXivRaw", "arXiv"]);
      assert.equal(summary.new, 2);
      assert.match(summary.notes[0]!, /does not serve arXivRaw \(Metadata format 'arXivRaw' is not supported by this repository\); harvesting arXiv instead/);
      assert.ok(await store.getPaper("1412.8544"));
    },
  ));

test("harvest: badResumptionToken restarts the set from its checkpointed from; a second refusal after that too, then it gives up", async () => {
  let refusals = 0;
  await withHarvest(
    { override: (q) => (q.get("resumptionToken") === "726959|2001" && refusals++ < 1 ? { status: 200, body: fixture("ErrorResponseBadResumptionToken.xml") } : null) },
    async ({ server, store, run }) => {
      const summary = await run({ from: "2014-10-01" });
      assert.match(summary.notes[0]!, /^all of arXiv: the server refused the resumption token \(The resumptionToken supplied is illegal for this repository\), e\.g\. it expired; restarting the run from 2014-10-01$/);
      const firsts = server.requests.filter((r) => !params(r.url).resumptionToken).map((r) => params(r.url).from);
      assert.deepEqual(firsts, ["2014-10-01", "2014-10-01"]);
      assert.equal(summary.new, 7);
      assert.equal(await store.countPapers(), 7);
    },
  );
  await withHarvest(
    { override: (q) => (q.get("resumptionToken") ? { status: 200, body: fixture("ErrorResponseBadResumptionToken.xml") } : null) },
    async ({ run }) => {
      await assert.rejects(run({ from: "2014-10-01" }), /OAI-PMH error badResumptionToken: The resumptionToken supplied is illegal/);
    },
  );
});

test("harvest: a run stopped after a page resumes at its token; no --from resumes, then starts from the checkpoint", () =>
  withHarvest({ override: (q) => (q.get("resumptionToken") === "726959|2001" && stopOnce-- > 0 ? { status: 400, body: "stopped" } : null) }, async ({ server, store, run }) => {
    await assert.rejects(run({ from: "2014-10-01" }), /answered 400: stopped/);
    const key = harvestKey(server.endpoint, "");
    assert.equal((await store.harvestState(key))?.resumptionToken, "726959|2001");
    assert.equal(await store.countPapers(), 4);
    const before = server.requests.length;
    const resumed = await run();
    assert.deepEqual(params(server.requests[before]!.url), { verb: "ListRecords", resumptionToken: "726959|2001" });
    assert.deepEqual([resumed.new, resumed.pages], [3, 1]);
    // Complete now: the next run starts from the day the run began (the server's responseDate).
    const next = server.requests.length;
    await run();
    assert.equal(params(server.requests[next]!.url).from, "2015-01-06");
  }));
let stopOnce = 1;

test("harvest: a fresh database starts backfillDays back; an imported snapshot's datestamp moves the start forward, never back", () =>
  withHarvest({}, async ({ server, store, clock, run }) => {
    await run();
    assert.equal(params(server.requests[0]!.url).from, "2014-12-30"); // 2015-01-06 − 7 days

    await recordSnapshotDatestamp(store, "2015-02-01", clock.now());
    await recordSnapshotDatestamp(store, "2015-01-20", clock.now());
    const at = server.requests.length;
    await run();
    assert.equal(params(server.requests[at]!.url).from, "2015-02-01");
  }));

test("harvest: the configured sets are harvested one run each, with their own checkpoints", () =>
  withHarvest({}, async ({ server, store, clock }) => {
    const summary = await harvestArxiv({ store, config: configFor(server, ["cs", "physics:hep-th"]), time: clock, from: "2015-01-01" });
    assert.deepEqual(summary.sets, ["cs", "physics:hep-th"]);
    const sets = server.requests.filter((r) => !params(r.url).resumptionToken).map((r) => params(r.url).set);
    assert.deepEqual(sets, ["cs", "physics:hep-th"]);
    assert.deepEqual([summary.new, summary.unchanged, summary.pages], [7, 9, 6]);
    for (const set of ["cs", "physics:hep-th"]) assert.equal((await store.harvestState(harvestKey(server.endpoint, set)))?.nextFrom, "2015-01-06");
  }));

test("harvest: bad dates are refused before any request", () =>
  withHarvest({}, async ({ server, run }) => {
    await assert.rejects(run({ from: "2026-13-01" }), /^Error: ingest: from 2026-13-01 is not a calendar date$|from 2026-13-01 is not a calendar date/);
    await assert.rejects(run({ from: "2026-02-01", until: "2026-01-01" }), /from 2026-02-01 is after until 2026-01-01/);
    assert.equal(server.requests.length, 0);
  }));

test("harvest: cannotDisseminateFormat for the fallback format too fails, naming it", () =>
  withHarvest({ override: () => ({ status: 200, body: fixture("derived-ErrorResponseCannotDisseminateFormat.xml") }) }, async ({ server, run }) => {
    await assert.rejects(run({ from: "2015-01-01" }), (e: unknown) =>
      isPaperfeedError(e) && e.id === "oai_cannotDisseminateFormat" && e.message.includes(`${server.endpoint}?verb=ListRecords&metadataPrefix=arXiv&from=2015-01-01 answered OAI-PMH error cannotDisseminateFormat: Metadata format`));
    assert.equal(server.requests.length, 2);
  }));

test("harvest: a broken record costs only itself and is an issue with the page URL and its position", () =>
  withHarvest({ override: (q) => (q.get("metadataPrefix") ? { status: 200, body: fixture("derived-ListRecordsResponse-one-broken-record.xml") } : null) }, async ({ server, store, run }) => {
    const summary = await run({ from: "2014-10-01" });
    // Page 1: 5 of its 6 records; pages 2 and 3 repeat 4 of them and add 2104.12255 and a deletion.
    assert.deepEqual([summary.new, summary.unchanged, summary.skipped, summary.pages], [6, 5, 1, 3]);
    assert.equal(summary.issues.length, 1);
    assert.match(summary.issues[0]!.reason, /^ingest: http:\/\/127\.0\.0\.1:\d+\/oai\?verb=ListRecords&metadataPrefix=arXivRaw&from=2014-10-01 record 2 \(line \d+\): malformed XML/);
    assert.equal(await store.getPaper("0704.0716"), null);
    assert.equal((await store.harvestState(harvestKey(server.endpoint, "")))?.resumptionToken, null);
  }));
