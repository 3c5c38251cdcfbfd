/**
 * The ThumbnailStore contract suite (src/store/thumbnail-types.ts), run on both backends by
 * src/store/sqlite/community-store.test.ts and src/store/postgres/community-store.test.ts.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { PaperfeedError } from "../../src/core/errors.js";
import type { CommunityStore } from "../../src/store/community-types.js";
import type { ThumbnailStore } from "../../src/store/thumbnail-types.js";
import type { CommunityUnderTest } from "./community-contract.js";

const T0 = "2026-07-01T01:00:00.000Z";
const T1 = "2026-07-01T02:00:00.000Z";
const LATER = "2026-07-02T01:00:00.000Z";
/** Every byte value, so a backend that treats images as text would corrupt it. */
const BYTES = Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 37) % 256));
const hourLater = (attempts: number) => new Date(Date.parse(T0) + attempts * 3_600_000).toISOString();

export function runThumbnailContract(name: string, make: () => Promise<CommunityUnderTest>): void {
  const withStore = async (body: (store: ThumbnailStore, community: CommunityStore) => Promise<void>) => {
    const subject = await make();
    try {
      await body(subject.store.thumbnails, subject.store);
    } finally {
      await subject.cleanup();
    }
  };

  describe(`ThumbnailStore contract: ${name}`, () => {
    it("keeps the image bytes exactly and tells pages which papers have one, in one call", () =>
      withStore(async (store) => {
        const info = await store.saveThumbnail({ paperId: "2607.00001", format: "webp", width: 320, height: 414, bytes: BYTES, renderedAt: T0 });
        assert.deepEqual(info, { paperId: "2607.00001", format: "webp", width: 320, height: 414, etag: info.etag, renderedAt: T0 });
        assert.match(info.etag, /^[0-9a-f]{16}$/);
        const stored = await store.getThumbnail("2607.00001");
        assert.ok(stored && Buffer.isBuffer(stored.bytes));
        assert.equal(Buffer.compare(stored.bytes, BYTES), 0, "bytes round-trip unchanged");
        await store.saveThumbnail({ paperId: "hep-th/9901001", format: "png", width: 320, height: 400, bytes: Buffer.from("png"), renderedAt: T0 });
        const known = await store.thumbnailsOf(["2607.00001", "2607.99999", "hep-th/9901001", "2607.00001"]);
        assert.deepEqual([...known.keys()].sort(), ["2607.00001", "hep-th/9901001"]);
        assert.equal(known.get("hep-th/9901001")?.format, "png");
        assert.equal((await store.thumbnailsOf([])).size, 0);
        assert.equal(await store.getThumbnail("2607.99999"), null);
      }));

    it("a new rendering replaces the old one and changes its etag", () =>
      withStore(async (store) => {
        const first = await store.saveThumbnail({ paperId: "2607.00001", format: "png", width: 320, height: 414, bytes: BYTES, renderedAt: T0 });
        const second = await store.saveThumbnail({ paperId: "2607.00001", format: "webp", width: 320, height: 415, bytes: Buffer.from("other"), renderedAt: T1 });
        assert.notEqual(first.etag, second.etag);
        assert.deepEqual((await store.getThumbnail("2607.00001"))?.bytes.toString(), "other");
        assert.equal((await store.thumbnailsOf(["2607.00001"])).get("2607.00001")?.height, 415);
      }));

    it("failures count attempts, keep one line of why, and hold the paper back until its retry time", () =>
      withStore(async (store) => {
        const first = await store.recordThumbnailFailure({ paperId: "2607.00002", reason: "not a PDF\n(starts with <html>)", now: T0, retryAt: hourLater });
        assert.deepEqual(first, { paperId: "2607.00002", reason: "not a PDF (starts with <html>)", attempts: 1, failedAt: T0, retryAt: hourLater(1) });
        const second = await store.recordThumbnailFailure({ paperId: "2607.00002", reason: "x".repeat(1000), now: T1, retryAt: hourLater });
        assert.equal(second?.attempts, 2);
        assert.equal(second?.retryAt, hourLater(2));
        assert.equal(second?.reason.length, 300);
        assert.deepEqual(await store.thumbnailFailure("2607.00002"), second);
        assert.equal(await store.getThumbnail("2607.00002"), null, "a failure is no image");
        assert.equal((await store.thumbnailsOf(["2607.00002"])).size, 0);
        await store.saveThumbnail({ paperId: "2607.00003", format: "png", width: 1, height: 1, bytes: BYTES, renderedAt: T0 });
        const ids = ["2607.00004", "2607.00002", "2607.00003", "2607.00001"];
        assert.deepEqual(await store.papersWithoutThumbnail(ids, T1), ["2607.00004", "2607.00001"], "in the order given; failed and ready ones held back");
        assert.deepEqual(await store.papersWithoutThumbnail(ids, LATER), ["2607.00004", "2607.00002", "2607.00001"], "retry time has come");
        assert.deepEqual(await store.papersWithoutThumbnail([], T1), []);
      }));

    it("a success clears the failure, and a later failure never replaces a stored image", () =>
      withStore(async (store) => {
        await store.recordThumbnailFailure({ paperId: "2607.00002", reason: "timeout", now: T0, retryAt: hourLater });
        await store.saveThumbnail({ paperId: "2607.00002", format: "webp", width: 320, height: 414, bytes: BYTES, renderedAt: T1 });
        assert.equal(await store.thumbnailFailure("2607.00002"), null);
        assert.equal(await store.recordThumbnailFailure({ paperId: "2607.00002", reason: "timeout", now: LATER, retryAt: hourLater }), null);
        assert.ok(await store.getThumbnail("2607.00002"));
      }));

    it("refuses a thumbnail with no bytes, an unknown format or a size that is not whole pixels", () =>
      withStore(async (store) => {
        const isInvalid = (e: unknown) => e instanceof PaperfeedError && e.id === "invalid_thumbnail";
        const base = { paperId: "2607.00001", format: "webp" as const, width: 320, height: 414, bytes: BYTES, renderedAt: T0 };
        await assert.rejects(store.saveThumbnail({ ...base, bytes: Buffer.alloc(0) }), isInvalid);
        await assert.rejects(store.saveThumbnail({ ...base, format: "gif" as "png" }), isInvalid);
        await assert.rejects(store.saveThumbnail({ ...base, width: 0 }), isInvalid);
        await assert.rejects(store.saveThumbnail({ ...base, height: 1.5 }), isInvalid);
        assert.equal(await store.getThumbnail("2607.00001"), null, "nothing written");
      }));
  });
}
