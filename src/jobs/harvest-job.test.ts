import assert from "node:assert/strict";
import { test } from "node:test";
import { dueHarvestPass } from "./harvest-job.js";

const at = (iso: string) => Date.parse(iso);

test("harvest passes fall 30 min, 4 h and 12 h after each announcement, in US Eastern time", () => {
  // Tuesday 2026-01-06 20:00 EST = 01:00 UTC Wednesday: Wednesday's papers.
  assert.equal(dueHarvestPass(at("2026-01-07T01:29:59Z")), "2026-01-06+720m", "before the first pass: Monday evening's last");
  assert.equal(dueHarvestPass(at("2026-01-07T01:30:00Z")), "2026-01-07+30m");
  assert.equal(dueHarvestPass(at("2026-01-07T05:00:00Z")), "2026-01-07+240m");
  assert.equal(dueHarvestPass(at("2026-01-07T13:00:00Z")), "2026-01-07+720m");
  // Summer time: 20:00 EDT is 00:00 UTC.
  assert.equal(dueHarvestPass(at("2026-07-01T00:30:00Z")), "2026-07-01+30m");
  // Saturday: nothing new since Thursday evening's mailing (Friday's papers).
  assert.equal(dueHarvestPass(at("2026-01-10T12:00:00Z")), "2026-01-09+720m");
  // Sunday evening's mailing is Monday's.
  assert.equal(dueHarvestPass(at("2026-01-12T01:45:00Z")), "2026-01-12+30m");
});
