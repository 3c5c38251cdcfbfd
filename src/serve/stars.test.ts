/**
 * GitHub star counts end to end over real HTTP: the stars job asks a loopback GitHub about the
 * repositories of the fixture's newest papers and stores the answers in the app's database; the
 * app, on a real socket, shows "★ 1.2k" beside the GitHub link on the daily cards and on the paper
 * page, with the repository and exact count in the link's accessible label, and no count for a
 * repository that is gone.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { githubReplay } from "../ingest/github/testing/responses.js";
import { FakeClock } from "../ingest/http/testing/fake-clock.js";
import { startReplayServer } from "../ingest/http/testing/replay-server.js";
import { makeStarsJob } from "../jobs/stars-job.js";
import { openSqliteCommunityStore } from "../store/sqlite/community-sql.js";
import { SqliteDeliveryStore } from "../store/sqlite/delivery-store.js";
import { formatStars } from "./web/present/stars.js";
import { cardOf, decodeRefs, listenOnLoopback, openFixtureApp } from "./testing/fixture-app.js";

/** The fixture's newest day (2026-07-01) has three papers with a GitHub link. */
const REPOS: Record<string, { paper: string; answer: ReturnType<typeof githubReplay> }> = {
  "voxel51/ttn": { paper: "2606.30875", answer: githubReplay("repo-200", { stars: 1234, fullName: "Voxel51/TTN" }) },
  "venn2336/mrgevalkit": { paper: "2606.31292", answer: githubReplay("repo-200", { stars: 999, fullName: "venn2336/MRGEvalKit" }) },
  "iatomicreactori/csgotrading": { paper: "2606.31461", answer: githubReplay("repo-404") },
};

test("star counts: 999 → 999, 1,234 → 1.2k, 12,345 → 12k, rounded down", () => {
  const cases: Array<[number, string]> = [[0, "0"], [999, "999"], [1000, "1k"], [1234, "1.2k"], [1299, "1.2k"], [9999, "9.9k"], [12_345, "12k"], [999_999, "999k"], [1_234_567, "1.2M"], [25_000_000, "25M"]];
  for (const [n, shown] of cases) assert.equal(formatStars(n), shown, String(n));
});

test("star counts over HTTP: counted by the job, shown beside the GitHub link on cards and the paper page; none for a gone repository", async () => {
  const github = await startReplayServer((r) => REPOS[r.url.replace(/^\/repos\//, "")]?.answer ?? githubReplay("repo-404"));
  const fx = await openFixtureApp([], { githubApiUrl: github.url });
  const community = openSqliteCommunityStore({ path: fx.config.db });
  const delivery = SqliteDeliveryStore.open({ path: fx.config.db });
  const { base, close } = await listenOnLoopback(fx.app);
  try {
    const daily0 = await (await fetch(`${base}/`)).text();
    assert.doesNotMatch(daily0, /code-stars/, "nothing counted yet");

    const clock = new FakeClock(Date.parse("2026-07-02T03:00:00Z"));
    const ctx = { store: fx.store, delivery, community, config: fx.config, owner: "test", clock: () => new Date(clock.now()), time: clock, log: () => {} };
    assert.match(await makeStarsJob({ recentDays: 1, minIntervalMs: 0 }).run(ctx, null), /checked 3 of 3 due \(2 counted, 0 unchanged, 1 gone, 0 blocked\)$/);

    const daily = await (await fetch(`${base}/`)).text();
    const ttn = decodeRefs(cardOf(daily, REPOS["voxel51/ttn"]!.paper));
    assert.match(ttn, /<span class="visually-hidden">GitHub: Voxel51\/TTN, 1,234 stars<\/span><span class="code-stars" aria-hidden="true">★ 1\.2k<\/span><\/a>/);
    assert.match(decodeRefs(cardOf(daily, REPOS["venn2336/mrgevalkit"]!.paper)), /GitHub: venn2336\/MRGEvalKit, 999 stars<\/span><span class="code-stars" aria-hidden="true">★ 999<\/span>/);
    const gone = cardOf(daily, REPOS["iatomicreactori/csgotrading"]!.paper);
    assert.match(gone, /class="code-link code-github"/);
    assert.doesNotMatch(gone, /code-stars|stars</, "a gone repository shows no count");

    const page = await (await fetch(`${base}/papers/${REPOS["voxel51/ttn"]!.paper}`)).text();
    const code = decodeRefs(page.slice(page.indexOf('id="code-heading"')));
    assert.match(code, /<span class="visually-hidden">, 1,234 stars<\/span><span class="code-stars" aria-hidden="true">★ 1\.2k<\/span>/);
    const gonePage = await (await fetch(`${base}/papers/${REPOS["iatomicreactori/csgotrading"]!.paper}`)).text();
    assert.match(gonePage, /id="code-heading"/);
    assert.doesNotMatch(gonePage, /code-stars/);
  } finally {
    await close();
    await github.close();
    await community.close();
    await delivery.close();
    await fx.close();
  }
});
