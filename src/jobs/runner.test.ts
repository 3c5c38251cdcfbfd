/**
 * The job runner and the digest jobs on a real SQLite database: a period runs once, a lock held
 * by a live process is respected and one left by a dead process taken over, and after downtime
 * only the latest period is queued.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { hostname } from "node:os";
import { test } from "node:test";
import {
  BASE,
  DAY1,
  DAY2,
  openDeliveryFixture,
  type DeliveryFixture,
} from "../deliver/testing/delivery-fixture.js";
import { FakeClock } from "../ingest/http/testing/fake-clock.js";
import { testConfig } from "../serve/testing/fixture-app.js";
import { dailyDigestJob, weeklyDigestJob } from "./delivery-jobs.js";
import { pauseAfter, runJobOnce } from "./runner.js";
import type { Job, JobContext } from "./types.js";

function contextOf(f: DeliveryFixture, now: string, owner = `${hostname()}/${process.pid}/test`): JobContext {
  return {
    store: f.store,
    delivery: f.delivery,
    community: f.community,
    config: testConfig(f.dir, { baseUrl: BASE, smtpUrl: f.sink.url }),
    owner,
    clock: () => new Date(now),
    time: new FakeClock(Date.parse(now)),
    log: () => undefined,
  };
}

async function activeSubscriber(f: DeliveryFixture, email: string, cadence: "daily" | "weekly") {
  const now = "2024-01-01T00:00:00.000Z";
  const { subscriber } = await f.delivery.createSubscriber({ email, cadence, now });
  return (await f.delivery.updateSubscriber(subscriber.id, { status: "active", now }))!;
}

test("jobs: after downtime only the latest day and the last full week are queued, once", async () => {
  const f = await openDeliveryFixture();
  try {
    const daily = await activeSubscriber(f, "d@example.org", "daily");
    const weekly = await activeSubscriber(f, "w@example.org", "weekly");
    // Down since before DAY1: both DAY1 and DAY2 were missed; only DAY2 is due.
    const ctx = contextOf(f, "2024-01-29T09:00:00.000Z");
    const first = await runJobOnce(dailyDigestJob, ctx);
    assert.deepEqual([first.status, first.period], ["done", DAY2]);
    assert.match(first.detail, /^1 digests queued/);
    assert.equal((await runJobOnce(dailyDigestJob, ctx)).detail, "already done");
    assert.equal(await f.delivery.getOutbox(`digest.${daily.id}.${DAY1}`), null);
    assert.ok(await f.delivery.getOutbox(`digest.${daily.id}.${DAY2}`));

    // 29 January 2024 is a Monday: the last full week is 22–28 January, after the newest papers.
    assert.equal((await runJobOnce(weeklyDigestJob, ctx)).detail, "nothing due");
    const inWeek = contextOf(f, "2024-01-22T09:00:00.000Z");
    const weeklyRun = await runJobOnce(weeklyDigestJob, inWeek);
    assert.deepEqual([weeklyRun.status, weeklyRun.period], ["done", "2024-W03"]);
    const row = await f.delivery.getOutbox(`digest.${weekly.id}.2024-W03`);
    assert.equal(
      JSON.parse(row!.payload).sections[0].paperIds.length,
      10,
      "the week's 12 papers, top 10 trending",
    );
  } finally {
    await f.close();
  }
});

test("jobs: a lock held by a live process is respected; one left by a dead process is taken over", async () => {
  const f = await openDeliveryFixture();
  try {
    let runs = 0;
    const job: Job = {
      name: "test.job",
      everyMs: 1000,
      period: async () => "p1",
      run: async () => `run ${++runs}`,
    };
    const now = "2024-01-15T00:00:00.000Z";
    const later = "2024-01-15T01:00:00.000Z";
    const live = `${hostname()}/${process.ppid}/parent`;
    await f.delivery.acquireLock("job:test.job", live, now, later);
    assert.deepEqual(await runJobOnce(job, contextOf(f, now)), {
      job: "test.job",
      period: "p1",
      status: "skipped",
      detail: "running elsewhere",
    });

    const dead = spawnSync(process.execPath, [
      "-e",
      "process.stdout.write(String(process.pid))",
    ]).stdout.toString();
    await f.delivery.releaseLock("job:test.job", live);
    await f.delivery.acquireLock("job:test.job", `${hostname()}/${dead}/gone`, now, later);
    assert.equal((await runJobOnce(job, contextOf(f, now))).status, "done");
    assert.equal(runs, 1);

    const failing: Job = {
      name: "test.fail",
      everyMs: 1000,
      period: async () => "p1",
      run: async () => {
        throw new Error("boom");
      },
    };
    assert.deepEqual(await runJobOnce(failing, contextOf(f, now)), {
      job: "test.fail",
      period: "p1",
      status: "failed",
      detail: "boom",
    });
    assert.equal((await f.delivery.jobRuns("test.fail"))[0]!.status, "failed");
    assert.equal(
      (await runJobOnce({ ...failing, run: async () => "ok" }, contextOf(f, now))).status,
      "done",
      "a failed period runs again",
    );
  } finally {
    await f.close();
  }
});

test("jobs: a job that keeps failing is asked less and less often, never less than every hour", () => {
  assert.equal(pauseAfter(60_000, 0), 60_000);
  assert.equal(pauseAfter(60_000, 1), 120_000);
  assert.equal(pauseAfter(60_000, 3), 480_000);
  assert.equal(pauseAfter(60_000, 30), 3_600_000);
  assert.equal(pauseAfter(2 * 3_600_000, 2), 2 * 3_600_000, "never shorter than the job's own pace");
});
