import assert from "node:assert/strict";
import { test } from "node:test";
import { Deadline } from "./deadline.js";

function waitMs(ms: number) {
  const until = performance.now() + ms;
  while (performance.now() < until);
}

test("passed() reads the clock once every 64 checks, passedNow() at every check", () => {
  // A budget long enough that a stalled machine (a loaded CI runner) still checks in time.
  const deadline = Deadline.after(200);
  assert.equal(deadline.passed(), false, "the first check reads the clock: not yet");
  waitMs(250);
  // Checks 1–63 do not look at the clock (steps of doc-at-a-time loops are short)…
  assert.equal(deadline.passed(), false);
  // …while loops whose steps take milliseconds (bulk windows) need the clock every time.
  assert.equal(deadline.passedNow(), true);
  assert.equal(deadline.passed(), true, "once expired, always expired");
  assert.equal(new Deadline().passedNow(), false, "no budget never expires");
  assert.equal(Deadline.after(0).passedNow(), false, "a budget of 0 means none");
});
