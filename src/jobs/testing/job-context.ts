/** A JobContext over the delivery fixture's real SQLite stores, on a fake clock, collecting log lines. For tests only. */
import type { DeliveryFixture } from "../../deliver/testing/delivery-fixture.js";
import type { FakeClock } from "../../ingest/http/testing/fake-clock.js";
import { testConfig } from "../../serve/testing/fixture-app.js";
import type { JobContext } from "../types.js";

export function fixtureJobContext(f: DeliveryFixture, clock: FakeClock, config: Partial<JobContext["config"]>): { ctx: JobContext; logged: string[] } {
  const logged: string[] = [];
  const ctx: JobContext = {
    store: f.store,
    delivery: f.delivery,
    community: f.community,
    config: testConfig(f.dir, config),
    owner: "test",
    clock: () => new Date(clock.now()),
    time: clock,
    log: (line) => logged.push(line),
  };
  return { ctx, logged };
}
