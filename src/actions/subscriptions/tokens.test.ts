import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { readLink, signLink, verifyLink } from "./tokens.js";

const SECRET = "s".repeat(43);
const NOW = Date.parse("2024-01-15T10:00:00Z");

test("tokens: a signed link verifies for its address, purpose and time only", () => {
  const token = signLink(SECRET, { purpose: "unsubscribe", subscriberId: 42, expires: 0 }, "Ada@example.org");
  assert.deepEqual(readLink(token), { purpose: "unsubscribe", subscriberId: 42, expires: 0 });
  assert.equal(verifyLink(SECRET, token, "unsubscribe", "ada@example.org", NOW), true);
  assert.equal(verifyLink(SECRET, token, "unsubscribe", "eve@example.org", NOW), false, "another address");
  assert.equal(verifyLink(SECRET, token, "manage", "ada@example.org", NOW), false, "another purpose");
  assert.equal(
    verifyLink("t".repeat(43), token, "unsubscribe", "ada@example.org", NOW),
    false,
    "another secret",
  );
  const confirm = signLink(
    SECRET,
    { purpose: "confirm", subscriberId: 42, expires: NOW + 1000 },
    "ada@example.org",
  );
  assert.equal(verifyLink(SECRET, confirm, "confirm", "ada@example.org", NOW), true);
  assert.equal(verifyLink(SECRET, confirm, "confirm", "ada@example.org", NOW + 1001), false, "expired");
});

test("tokens: changing any character of a token breaks it (forgery)", () => {
  const token = signLink(SECRET, { purpose: "manage", subscriberId: 7, expires: 0 }, "ada@example.org");
  fc.assert(
    fc.property(
      fc.nat({ max: token.length - 1 }),
      fc.constantFrom(..."0123456789abcdefmuc.-_XYZ"),
      (at, ch) => {
        fc.pre(token[at] !== ch);
        const forged = token.slice(0, at) + ch + token.slice(at + 1);
        assert.equal(verifyLink(SECRET, forged, "manage", "ada@example.org", NOW), false, forged);
      },
    ),
  );
  // Re-pointing the token at another subscriber id keeps the MAC but fails it.
  const other = token.replace(/^m7\./, "m8.");
  assert.equal(verifyLink(SECRET, other, "manage", "ada@example.org", NOW), false);
});

test("tokens: malformed input is rejected without throwing", () => {
  for (const bad of ["", "x", "m1.0.", "m1.0." + "a".repeat(42), null as unknown as string]) {
    assert.equal(readLink(bad), null);
    assert.equal(verifyLink(SECRET, bad, "manage", "a@example.org", NOW), false);
  }
});
