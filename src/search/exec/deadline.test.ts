import assert from "node:assert/strict";
import { test } from "node:test";
import { Deadline } from "./deadline.js";

/** Spins until this thread has used `ms` more of CPU time (so a preempted test still spends it). */
function spendCpu(ms: number) {
  const cpu = () => {
    const used = process.threadCpuUsage();
    return (used.user + used.system) / 1000;
  };
  const until = cpu() + ms;
  while (cpu() < until);
}

/** Waits without using the CPU, as a query does when another process has the core. */
function sleepMs(ms: number) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

test("passed() reads the clock once every 64 checks, passedNow() at every check", () => {
  // A budget long enough that a stalled machine (a loaded CI runner) still checks in time.
  const deadline = Deadline.after(200);
  assert.equal(deadline.passed(), false, "the first check reads the clock: not yet");
  spendCpu(250);
  // Checks 1–63 do not look at the clock (steps of doc-at-a-time loops are short)…
  assert.equal(deadline.passed(), false);
  // …while loops whose steps take milliseconds (bulk windows) need the clock every time.
  assert.equal(deadline.passedNow(), true);
  assert.equal(deadline.passed(), true, "once expired, always expired");
  assert.equal(new Deadline().passedNow(), false, "no budget never expires");
  assert.equal(Deadline.after(0).passedNow(), false, "a budget of 0 means none");
});

test("time spent waiting for a core does not count against the budget; the work itself does", () => {
  const deadline = Deadline.after(100);
  sleepMs(250);
  assert.equal(deadline.passedNow(), false, "250 ms off the CPU, as on a loaded host: the query goes on");
  spendCpu(120);
  assert.equal(deadline.passedNow(), true, "120 ms of its own work: past its 100 ms");
});

test("budgets under 50 ms are kept on the wall clock (CPU time moves only at the scheduler's tick)", () => {
  const deadline = Deadline.after(20);
  sleepMs(40);
  assert.equal(deadline.passedNow(), true);
});
