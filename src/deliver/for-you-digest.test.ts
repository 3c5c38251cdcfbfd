/**
 * "For you" in a member's digest, through the real queue, outbox, sender and an SMTP server on
 * loopback: the period's papers most like what the member upvoted, recorded as seen so the For you
 * page does not show them again; subscribers without an account get no such section.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { dailyPeriod } from "../actions/digest/periods.js";
import { queueDigests } from "./queue-digests.js";
import { BASE, DAY1, activeSubscriber, openDeliveryFixture } from "./testing/delivery-fixture.js";

const HASH = "scrypt$16384$8$1$c2FsdA$aGFzaA";
/** 2401.00001 and 2401.00006 share their text (test/store/fixture-papers.ts cycles five real papers). */
const UPVOTED = "2401.00001";
const TWIN = "2401.00006";

test("a member's digest picks the period's papers like their upvotes, and the site counts them as seen", async () => {
  const f = await openDeliveryFixture();
  try {
    const now = new Date().toISOString();
    const active = (email: string) => activeSubscriber(f.delivery, email, now);
    const ada = await f.community.createUser({ email: "ada@example.org", displayName: "Ada", passwordHash: HASH, now });
    await f.delivery.linkAccount((await active("ada@example.org")).id, String(ada.id));
    await active("bob@example.org");
    await f.community.setVote(ada.id, UPVOTED, true, now);

    await queueDigests({ store: f.store, delivery: f.delivery, community: f.community, period: dailyPeriod(DAY1) });
    assert.equal((await f.drain()).sent, 2);
    const mailTo = (email: string) => f.sink.messages.find((m) => JSON.stringify(m.to).includes(email))!;
    const text = mailTo("ada@example.org").text ?? "";
    const section = /== For you ==\n([\s\S]*?)\n== /.exec(text)?.[1] ?? "";
    assert.match(section, /^Picked from what you upvote, save and follow/);
    assert.match(section, new RegExp(`${BASE}/papers/${TWIN}`), `the twin of the upvoted paper is not in For you:\n${text}`);
    assert.doesNotMatch(section, new RegExp(`/papers/${UPVOTED}\\b`), "the upvoted paper itself was recommended");
    assert.match(String(mailTo("ada@example.org").html), /For you/);
    assert.doesNotMatch(mailTo("bob@example.org").text ?? "", /== For you ==/);
    const seen = await f.community.interests.seenBetween(ada.id, "", "9999");
    assert.ok(seen.has(TWIN), "the digest's pick is not recorded as seen");
  } finally {
    await f.close();
  }
});
