import assert from "node:assert/strict";
import { test } from "node:test";
import { forwardedClient } from "./client-address.js";

test("without trusted proxies the socket is the client, whatever X-Forwarded-For claims", () => {
  assert.equal(forwardedClient("10.0.0.5", "203.0.113.9", 0), "10.0.0.5");
});

test("behind one trusted proxy the client is the last entry; what the client itself sent is never believed", () => {
  assert.equal(forwardedClient("10.0.0.2", "203.0.113.9", 1), "203.0.113.9");
  assert.equal(forwardedClient("10.0.0.2", "1.2.3.4, 203.0.113.9", 1), "203.0.113.9");
  assert.equal(forwardedClient("10.0.0.2", "1.2.3.4, 203.0.113.9, 10.0.0.7", 2), "203.0.113.9");
  assert.equal(forwardedClient("10.0.0.2", "2001:db8::1", 1), "2001:db8::1");
});

test("a missing or malformed header leaves the socket's address", () => {
  assert.equal(forwardedClient("10.0.0.2", undefined, 1), "10.0.0.2");
  assert.equal(forwardedClient("10.0.0.2", "not an address", 1), "10.0.0.2");
  assert.equal(forwardedClient("10.0.0.2", "203.0.113.9", 3), "203.0.113.9", "fewer hops than trusted: the farthest");
});
