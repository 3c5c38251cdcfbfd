/**
 * Honest first pages: Daily, Curated and Trending open on the newest day that has papers and say
 * which day that is when it is not today; an empty curated day says how papers get onto it.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { createAccount } from "../../src/actions/accounts/accounts.js";
import { Agent, type CommunityApp, openCommunityApp } from "./community-app.js";

let fx: CommunityApp;
before(async () => {
  fx = await openCommunityApp();
});
after(() => fx.close());

const NOTE = /class="newest-day" role="note">Nothing [^<]* today \(/;

test("Daily opens on the newest day with papers and says it is not today; an asked-for day has no such note", async () => {
  const [newest] = await fx.store.announcedDays({ limit: 1 });
  const home = await new Agent(fx.app).get("/");
  assert.match(home.body, NOTE);
  const long = new Date(`${newest!.day}T00:00:00Z`).toLocaleDateString("en-US", { weekday: "long", month: "long", day: "numeric", year: "numeric", timeZone: "UTC" });
  assert.match(home.body, new RegExp(`newest day with papers:\\s*<strong>${long}</strong>`));
  assert.doesNotMatch((await new Agent(fx.app).get(`/?date=${newest!.day}`)).body, NOTE);
});

test("Trending says where its week ends when that is not today", async () => {
  assert.match((await new Agent(fx.app).get("/trending")).body, NOTE);
});

test("Curated: an empty day explains how to add papers; with an older list, /daily opens on it and says so", async () => {
  const empty = await new Agent(fx.app).get("/daily");
  assert.doesNotMatch(empty.body, NOTE, "no list anywhere: today's (empty) list, nothing older to point at");
  assert.match(empty.body, /Nobody has put a paper on this day&#39;s list yet\./);
  assert.match(empty.body, /href="\/account\/signup">create an account<\/a>, then paste an arXiv id or\s+URL into “Add a paper”/);

  const { user } = await createAccount({ community: fx.community, mailer: null, baseUrl: fx.config.baseUrl }, { email: "curator@example.org", displayName: "Cur", role: "curator", password: "curator password" });
  await fx.community.addDailyEntry({ day: "2026-06-30", paperId: "2606.27617", userId: user.id, now: new Date().toISOString() });
  const opened = await new Agent(fx.app).get("/daily");
  assert.match(opened.body, NOTE);
  assert.match(opened.body, /newest day with a curated list:\s*<strong>Tuesday, June 30, 2026<\/strong>/);
  assert.match(opened.body, /data-paper-id="2606\.27617"/);
  const asked = await new Agent(fx.app).get("/daily?date=2026-06-29");
  assert.doesNotMatch(asked.body, NOTE);
  assert.match(asked.body, /Nobody has put a paper on this day&#39;s list yet\./);
});
