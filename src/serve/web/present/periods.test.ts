import assert from "node:assert/strict";
import { test } from "node:test";
import { isPaperfeedError } from "../../../core/errors.js";
import { dayPeriod, monthPeriod, periodContaining, periodOfRange, rangeTarget, weekOf, weekPeriod } from "./periods.js";

test("ISO weeks: week 1 holds 4 January, and a week belongs to its Thursday's year", () => {
  assert.deepEqual(weekPeriod("2026-W01"), {
    kind: "week",
    key: "2026-W01",
    from: "2025-12-29",
    to: "2026-01-04",
  });
  assert.equal(weekOf("2026-06-29"), "2026-W27");
  assert.equal(weekOf("2021-01-03"), "2020-W53");
  assert.equal(weekOf("2024-12-30"), "2025-W01");
  for (const day of ["2026-01-01", "2026-07-01", "2020-12-31", "2027-01-03"]) {
    const week = weekPeriod(weekOf(day));
    assert.ok(week.from <= day && day <= week.to, `${day} in ${week.key}`);
  }
});

test("months run from the first to the last day, leap years included", () => {
  assert.deepEqual(monthPeriod("2024-02"), {
    kind: "month",
    key: "2024-02",
    from: "2024-02-01",
    to: "2024-02-29",
  });
  assert.equal(monthPeriod("2026-12").to, "2026-12-31");
  assert.equal(periodContaining("month", "2026-06-30").key, "2026-06");
});

test("days, weeks and months that do not exist are rejected with the expected form", () => {
  const bad: Array<[() => unknown, RegExp]> = [
    [() => dayPeriod("2026-02-30"), /date "2026-02-30" is not valid \(expected YYYY-MM-DD\)/],
    [() => dayPeriod("yesterday"), /expected YYYY-MM-DD/],
    [() => weekPeriod("2021-W53"), /week "2021-W53" is not valid/],
    [() => weekPeriod("2026-14"), /expected YYYY-Www/],
    [() => monthPeriod("2026-00"), /expected YYYY-MM/],
  ];
  for (const [make, message] of bad) {
    assert.throws(make, (e: unknown) => isPaperfeedError(e) && e.status === 400 && message.test(e.message));
  }
});

test("a range that is a day, an ISO week or a month is that period of the daily page", () => {
  assert.equal(periodOfRange("2026-04-01", "2026-04-01")?.key, "2026-04-01");
  assert.equal(periodOfRange("2026-03-30", "2026-04-05")?.key, "2026-W14");
  assert.equal(periodOfRange("2026-04-01", "2026-04-30")?.key, "2026-04");
  assert.equal(periodOfRange("2026-04-02", "2026-04-05"), null);
  assert.equal(periodOfRange("2026-02-30", "2026-02-30"), null, "not a day");
});

test("the list filter's range goes to the daily page when it is a period, else to the newest-first search", () => {
  assert.equal(rangeTarget({}), null);
  assert.equal(rangeTarget({ from: "2026-03-30", to: "2026-04-05", cat: "cs.LG" }), "/?week=2026-W14&cat=cs.LG");
  assert.equal(rangeTarget({ from: "2026-04-02", to: "2026-04-05" }), "/search?sort=newest&from=2026-04-02&to=2026-04-05");
  assert.equal(rangeTarget({ from: "2026-04-02", cat: "hep-th" }), "/search?sort=newest&cat=hep-th&from=2026-04-02");
});

test("on New a category alone is the newest-first search too", () => {
  assert.equal(rangeTarget({ cat: "cs.LG" }), null);
  assert.equal(rangeTarget({ cat: "cs.LG" }, true), "/search?sort=newest&cat=cs.LG");
});
