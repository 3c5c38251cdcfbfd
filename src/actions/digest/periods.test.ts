import assert from "node:assert/strict";
import { test } from "node:test";
import { dailyPeriod, lastCompleteWeek, periodOfKey, weekOf } from "./periods.js";

test("periods: ISO weeks, including the ones that cross a year", () => {
  assert.deepEqual(weekOf("2024-01-17"), {
    cadence: "weekly",
    key: "2024-W03",
    from: "2024-01-15",
    to: "2024-01-21",
    label: "week of 15 January 2024",
  });
  assert.equal(weekOf("2021-01-03").key, "2020-W53");
  assert.equal(weekOf("2024-12-30").key, "2025-W01");
  assert.equal(lastCompleteWeek(new Date("2024-01-15T08:00:00Z")).key, "2024-W02");
  assert.equal(lastCompleteWeek(new Date("2024-01-21T23:00:00Z")).key, "2024-W02");
  for (const key of ["2024-W03", "2020-W53", "2025-W01", "2024-01-15"])
    assert.equal(periodOfKey(key).key, key);
  assert.throws(() => periodOfKey("2024-W54"), /no such week/);
  assert.equal(dailyPeriod("2024-01-15").label, "Monday, 15 January 2024");
});
