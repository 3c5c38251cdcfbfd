/**
 * Runs the thumbnails job twice in a process where the renderer cannot load (started with
 * hide-canvas.mjs), against a PDF server on loopback; prints what happened as JSON. For tests only.
 */
import { openDeliveryFixture } from "../../deliver/testing/delivery-fixture.js";
import { FakeClock } from "../../ingest/http/testing/fake-clock.js";
import { startReplayServer } from "../../ingest/http/testing/replay-server.js";
import { minimalPdf } from "../../ingest/thumbnails/testing/minimal-pdf.js";
import { testConfig } from "../../serve/testing/fixture-app.js";
import { makeThumbnailsJob } from "../thumbnails-job.js";

const f = await openDeliveryFixture();
const server = await startReplayServer(() => ({ status: 200, body: minimalPdf("Unrendered") }));
try {
  const clock = new FakeClock();
  const logged: string[] = [];
  const ctx = {
    store: f.store,
    delivery: f.delivery,
    community: f.community,
    config: testConfig(f.dir, { thumbnails: true, arxivPdfUrl: `${server.url}/pdf` }),
    owner: "test",
    clock: () => new Date(clock.now()),
    time: clock,
    log: (line: string) => logged.push(line),
  };
  const job = makeThumbnailsJob();
  const details = [await job.run(ctx, null), await job.run(ctx, null)];
  const stored = (await f.community.thumbnails.thumbnailsOf(["2401.00007"])).size;
  const failure = await f.community.thumbnails.thumbnailFailure("2401.00007");
  process.stdout.write(JSON.stringify({ details, logged, requests: server.requests.length, stored, failure }));
} finally {
  await server.close();
  await f.close();
}
