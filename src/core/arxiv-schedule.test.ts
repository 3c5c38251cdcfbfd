import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { announcementDayOf, announcementOfDay, latestAnnouncement, nextAnnouncement } from "./arxiv-schedule.js";

test("announcements are at 20:00 US Eastern the evening before their date, across daylight saving", () => {
  // Winter (EST, UTC-5): Monday 2026-01-05 is announced Sunday 2026-01-04 20:00 EST = 01:00 UTC.
  assert.equal(announcementOfDay("2026-01-05")!.at.toISOString(), "2026-01-05T01:00:00.000Z");
  // Summer (EDT, UTC-4): Wednesday 2026-07-01 is announced Tuesday 20:00 EDT = 00:00 UTC.
  assert.equal(announcementOfDay("2026-07-01")!.at.toISOString(), "2026-07-01T00:00:00.000Z");
  // The Sunday DST starts (2026-03-08) still announces at 20:00 local, now EDT.
  assert.equal(announcementOfDay("2026-03-09")!.at.toISOString(), "2026-03-09T00:00:00.000Z");
  // The Sunday DST ends (2026-11-01): 20:00 EST.
  assert.equal(announcementOfDay("2026-11-02")!.at.toISOString(), "2026-11-02T01:00:00.000Z");
  assert.equal(announcementOfDay("2026-01-03"), null, "no announcement is dated Saturday");
  assert.equal(announcementOfDay("2026-01-04"), null, "nor Sunday");
});

test("latest and next announcement around the moment of one", () => {
  const at = new Date("2026-01-07T01:00:00Z"); // Tuesday 20:00 EST → Wednesday's papers
  assert.equal(latestAnnouncement(at).day, "2026-01-07");
  assert.equal(latestAnnouncement(new Date(at.getTime() - 1)).day, "2026-01-06");
  assert.equal(nextAnnouncement(new Date(at.getTime() - 1)).day, "2026-01-07");
  assert.equal(nextAnnouncement(at).day, "2026-01-08");
  // Friday evening to Sunday evening: the latest is Friday's, the next is Monday's.
  const saturday = new Date("2026-01-10T15:00:00Z");
  assert.equal(latestAnnouncement(saturday).day, "2026-01-09");
  assert.equal(nextAnnouncement(saturday).day, "2026-01-12");
  assert.equal(nextAnnouncement(saturday).at.toISOString(), "2026-01-12T01:00:00.000Z");
});

test("a submission is listed under the day after the first weekday 14:00 ET cutoff after it", () => {
  // 2025-03-14 is a Friday in EDT (UTC-4): the cutoff is 18:00 UTC.
  assert.equal(announcementDayOf("2025-03-14T17:59:00Z"), "2025-03-17", "Friday before the cutoff: Sunday's mailing, Monday");
  assert.equal(announcementDayOf("2025-03-14T18:01:00Z"), "2025-03-18", "Friday after the cutoff: Monday's mailing, Tuesday");
  assert.equal(announcementDayOf("2025-03-15T12:00:00Z"), "2025-03-18", "Saturday: Monday's mailing");
  assert.equal(announcementDayOf("2025-03-18T14:00:00Z"), "2025-03-19", "Tuesday morning: Tuesday evening, Wednesday");
  // Winter (EST, UTC-5): 14:00 EST is 19:00 UTC.
  assert.equal(announcementDayOf("2026-01-06T18:30:00Z"), "2026-01-07");
  assert.equal(announcementDayOf("2026-01-06T19:30:00Z"), "2026-01-08");
  assert.throws(() => announcementDayOf("yesterday"), /not a timestamp/);
});

const instants = fc.date({ min: new Date("1995-01-01T00:00:00Z"), max: new Date("2040-12-31T00:00:00Z"), noInvalidDate: true });

test("property: a submission's announcement is a weekday, after it, within four days", () => {
  fc.assert(
    fc.property(instants, (t) => {
      const day = announcementDayOf(t.toISOString());
      const a = announcementOfDay(day);
      assert.ok(a, `${t.toISOString()} → ${day}, not a weekday`);
      assert.ok(a.at > t, `${t.toISOString()} announced before it was made`);
      assert.ok(a.at.getTime() - t.getTime() < 4 * 86_400_000 + 7 * 3_600_000);
    }),
    { numRuns: 2000 },
  );
});

test("property: latest ≤ now < next, with no announcement between them", () => {
  fc.assert(
    fc.property(instants, (now) => {
      const latest = latestAnnouncement(now);
      const next = nextAnnouncement(now);
      assert.ok(latest.at <= now && now < next.at);
      assert.equal(nextAnnouncement(latest.at).day, next.day);
      assert.equal(new Date(latest.at).getUTCMinutes(), 0);
    }),
    { numRuns: 2000 },
  );
});
