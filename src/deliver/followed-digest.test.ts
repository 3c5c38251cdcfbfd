/**
 * "Papers you follow" in a member's digest, through the real queue, outbox, sender and an SMTP
 * server on loopback: the events of followed papers since the previous digest, each once.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { dailyPeriod } from "../actions/digest/periods.js";
import type { Paper } from "../core/paper.js";
import { queueDigests } from "./queue-digests.js";
import { BASE, DAY1, DAY2, activeSubscriber, openDeliveryFixture } from "./testing/delivery-fixture.js";

const HASH = "scrypt$16384$8$1$c2FsdA$aGFzaA";
const FOLLOWED = "2401.00007"; // announced on DAY2, so the DAY1 digest shows it only as followed

test("a member's digest carries the followed papers' events since their last digest; other subscribers get none", async () => {
  const f = await openDeliveryFixture();
  try {
    const now = new Date().toISOString();
    const active = (email: string) => activeSubscriber(f.delivery, email, now);
    const ada = await f.community.createUser({ email: "ada@example.org", displayName: "Ada", passwordHash: HASH, now });
    const adaSub = await active("ada@example.org");
    await f.delivery.linkAccount(adaSub.id, String(ada.id));
    await active("bob@example.org");
    await f.community.follow(ada.id, FOLLOWED, now);

    const stored = (await f.store.getPaper(FOLLOWED))!;
    const version = stored.version + 1;
    const v2: Paper = { ...stored, version, versions: [...stored.versions, { version, date: "2024-01-15T18:00:00.000Z", size: "500kb" }] };
    await f.store.upsertPapers([v2]);

    assert.deepEqual(await queueDigests({ store: f.store, delivery: f.delivery, community: f.community, period: dailyPeriod(DAY1) }), { queued: 2, empty: 0, papers: 6 });
    assert.equal((await f.drain()).sent, 2);
    const mailTo = (email: string, nth = 0) => f.sink.messages.filter((m) => JSON.stringify(m.to).includes(email))[nth]!;
    const first = mailTo("ada@example.org");
    assert.match(first.text ?? "", /== Papers you follow ==\nNew versions, DOIs, journal references, code and withdrawals since your last digest\./);
    assert.match(first.text ?? "", new RegExp(`- v${version} on 2024-01-15\\n  ${BASE}/papers/${FOLLOWED}`));
    assert.match(String(first.html), new RegExp(`Papers you follow[\\s\\S]*<li>v${version} on 2024-01-15</li>`));
    assert.match(first.subject ?? "", /^6 new papers · /, "followed papers are not counted as new");
    assert.doesNotMatch(mailTo("bob@example.org").text ?? "", /Papers you follow/);
    assert.equal((await f.delivery.shownPapers(adaSub.id, [FOLLOWED])).size, 0, "a followed paper may still appear as new later");

    // The next digest has only what was recorded since the first was queued.
    await f.store.upsertPapers([{ ...v2, doi: "10.1000/followed.7" }]);
    await queueDigests({ store: f.store, delivery: f.delivery, community: f.community, period: dailyPeriod(DAY2) });
    await f.drain();
    const second = mailTo("ada@example.org", 1);
    assert.match(second.text ?? "", /- DOI added: 10\.1000\/followed\.7 · \d{4}-\d{2}-\d{2} <https:\/\/doi\.org\/10\.1000\/followed\.7>/);
    assert.doesNotMatch(second.text ?? "", new RegExp(`v${version} on 2024-01-15`), "each event once");
  } finally {
    await f.close();
  }
});
