/**
 * The ApiTokenStore contract suite (src/store/api-token-types.ts), run on both backends by
 * src/store/sqlite/api-token-store.test.ts and src/store/postgres/api-token-store.test.ts.
 */
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { describe, it } from "node:test";
import { PaperfeedError } from "../../src/core/errors.js";
import type { ApiTokenStore } from "../../src/store/api-token-types.js";

export interface ApiTokensUnderTest {
  store: ApiTokenStore;
  cleanup: () => Promise<void>;
}

const T0 = "2024-01-15T10:00:00.000Z";
const T1 = "2024-01-15T11:00:00.000Z";
const hashOf = (token: string) => createHash("sha256").update(token).digest("hex");

export function runApiTokenContract(name: string, make: () => Promise<ApiTokensUnderTest>): void {
  const withStore = async (body: (store: ApiTokenStore) => Promise<void>) => {
    const subject = await make();
    try {
      await body(subject.store);
    } finally {
      await subject.cleanup();
    }
  };

  describe(`${name}: api tokens`, () => {
    it("stores a token by its hash, finds it while active, and never again once revoked", () =>
      withStore(async (store) => {
        const made = await store.createToken({ email: " Ada@Example.org ", name: "laptop", prefix: "pf_abc", tokenHash: hashOf("pf_abc123"), now: T0 });
        assert.deepEqual(made, { id: made.id, email: "ada@example.org", accountId: null, name: "laptop", prefix: "pf_abc", createdAt: T0, lastUsedAt: null, revokedAt: null });
        assert.deepEqual(await store.findActiveToken(hashOf("pf_abc123")), made);
        assert.equal(await store.findActiveToken(hashOf("pf_abc124")), null);
        await store.touchToken(made.id, T1);
        assert.equal((await store.findActiveToken(hashOf("pf_abc123")))?.lastUsedAt, T1);
        assert.equal(await store.revokeToken(made.id, T1), true);
        assert.equal(await store.revokeToken(made.id, T1), false, "revoking twice changes nothing");
        assert.equal(await store.findActiveToken(hashOf("pf_abc123")), null);
        const listed = await store.listTokens("ADA@example.org");
        assert.deepEqual(listed.map((t) => [t.name, t.revokedAt]), [["laptop", T1]]);
      }));

    it("keeps each address's tokens apart and refuses bad input with a named error", () =>
      withStore(async (store) => {
        await store.createToken({ email: "a@example.org", name: "one", prefix: "pf_1", tokenHash: hashOf("1"), now: T0 });
        await store.createToken({ email: "a@example.org", name: "two", prefix: "pf_2", tokenHash: hashOf("2"), now: T1 });
        const owned = await store.createToken({ email: "b@example.org", accountId: "7", name: "three", prefix: "pf_3", tokenHash: hashOf("3"), now: T1 });
        assert.equal(owned.accountId, "7");
        assert.deepEqual((await store.listTokens("a@example.org")).map((t) => t.name), ["one", "two"]);
        for (const [input, id] of [
          [{ email: "not-an-address", name: "x", prefix: "pf_", tokenHash: hashOf("4"), now: T0 }, "invalid_email"],
          [{ email: "c@example.org", name: " ", prefix: "pf_", tokenHash: hashOf("5"), now: T0 }, "invalid_token_name"],
          [{ email: "c@example.org", name: "x", prefix: "pf_", tokenHash: "pf_plaintext", now: T0 }, "invalid_token_hash"],
        ] as const) {
          await assert.rejects(store.createToken(input), (e: unknown) => e instanceof PaperfeedError && e.id === id);
        }
        await assert.rejects(store.createToken({ email: "d@example.org", name: "dup", prefix: "pf_1", tokenHash: hashOf("1"), now: T0 }), PaperfeedError);
      }));
  });
}
