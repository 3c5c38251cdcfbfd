import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { type FixtureApp, openFixtureApp } from "../../testing/fixture-app.js";
import { DayResponse, DaysResponse } from "./routes.js";

let fx: FixtureApp;
before(async () => {
  fx = await openFixtureApp();
});
after(() => fx.close());

test("GET /api/v1/days lists days with papers, newest first", async () => {
  const body = DaysResponse.strict().parse(await (await fx.app.request("/api/v1/days?limit=3")).json());
  assert.deepEqual(body.days, [
    { day: "2026-07-01", count: 10 },
    { day: "2026-06-30", count: 12 },
    { day: "2026-06-29", count: 30 },
  ]);
});

test("GET /api/v1/days/{day} pages through one day and names its neighbours", async () => {
  const first = DayResponse.strict().parse(await (await fx.app.request("/api/v1/days/2026-06-30?limit=10")).json());
  const rest = DayResponse.strict().parse(await (await fx.app.request("/api/v1/days/2026-06-30?limit=10&offset=10")).json());
  assert.equal(first.total, 12);
  assert.deepEqual([first.previous, first.next], ["2026-06-29", "2026-07-01"]);
  assert.equal(first.papers.length + rest.papers.length, 12);
  assert.ok([...first.papers, ...rest.papers].every(({ paper }) => paper.announced === "2026-06-30"));
  const bad = await fx.app.request("/api/v1/days/2026-06-31");
  assert.equal(bad.status, 400);
  assert.equal(((await bad.json()) as { error: { id: string } }).error.id, "bad_period");
});
