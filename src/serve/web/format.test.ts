import assert from "node:assert/strict";
import { test } from "node:test";
import { formatDay, formatLongDay, formatShortDay } from "./format.js";

test("day labels: UTC, the same for a day and a time on it, and again from the kept label", () => {
  for (let i = 0; i < 2; i++) {
    assert.equal(formatDay("2026-07-01"), "Jul 1, 2026");
    assert.equal(formatDay("2026-07-01T23:59:59Z"), "Jul 1, 2026");
    assert.equal(formatShortDay("2026-07-01"), "Wed, Jul 1");
    assert.equal(formatLongDay("2026-07-01"), "Wednesday, July 1, 2026");
  }
  assert.equal(formatDay("1991-08-14"), "Aug 14, 1991");
  assert.throws(() => formatDay("not a day"), RangeError);
});
