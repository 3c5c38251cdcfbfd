/**
 * Requests that used to be 500s (or to fill memory) are refused up front with a 400 or 413 that
 * names what was wrong, and leave nothing in the error log.
 */
import assert from "node:assert/strict";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, test } from "node:test";
import { createAdaptorServer } from "@hono/node-server";
import { type FixtureApp, openFixtureApp } from "../testing/fixture-app.js";

let f: FixtureApp;
before(async () => {
  f = await openFixtureApp();
});
after(() => f.close());

const cases: Array<[path: string, status: number, names: RegExp]> = [
  ["/?date=9999-12-31", 400, /date .*9999-12-31.*a year from 1900 to 2999/],
  ["/?month=9999-12", 400, /month .*9999-12.*a year from 1900 to 2999/],
  ["/?week=9999-W52", 400, /week .*9999-W52/],
  ["/api/daily_papers?month=9999-12", 400, /month .*9999-12/],
  ["/api/daily_papers?week=9999-W52", 400, /week .*9999-W52/],
  ["/%ff", 400, /path \/%ff has a malformed percent escape/],
  ["/search?q=%E0%A4", 400, /parameter q has a malformed percent escape/],
  ["/api/v1/search?q=%ff", 400, /parameter q has a malformed percent escape/],
];

for (const [path, status, names] of cases) {
  test(`GET ${path} is a ${status} naming what is wrong, and nothing is logged`, async () => {
    const before = f.logged.length;
    const res = await f.app.request(path);
    const body = await res.text();
    assert.equal(res.status, status, body.slice(0, 300));
    assert.match(body.replace(/&quot;|&#34;/g, '"'), names);
    assert.deepEqual(f.logged.slice(before), []);
  });
}

test("a multipart body without its boundary is a 400 that says so", async () => {
  const res = await f.app.request("/account/signin", {
    method: "POST",
    body: "email=a%40b.org",
    headers: { "content-type": "multipart/form-data" },
  });
  assert.equal(res.status, 400);
  assert.match(await res.text(), /multipart\/form-data without a boundary/);
});

/** Sends a POST by hand: the headers, then `bodyBytes` in 64 KiB chunks unless the answer comes first. */
function post(port: number, headers: Record<string, string>, bodyBytes: number): Promise<{ status: number; body: string; sent: number }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, method: "POST", path: "/account/signin", headers });
    let sent = 0;
    let answered = false;
    req.on("response", (res) => {
      answered = true;
      let body = "";
      res.on("data", (chunk: Buffer) => (body += chunk.toString()));
      res.on("end", () => {
        req.destroy();
        resolve({ status: res.statusCode ?? 0, body, sent });
      });
    });
    req.on("error", (error) => (answered ? undefined : reject(error)));
    const chunk = Buffer.alloc(64 * 1024, "a");
    const pump = () => {
      while (!answered && sent < bodyBytes) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once("drain", pump);
      }
      if (!answered) req.end();
    };
    pump();
  });
}

test("a 400 MB anonymous POST is refused with 413 before anything parses it, declared or streamed", async () => {
  const server = createAdaptorServer({ fetch: f.app.fetch, autoCleanupIncoming: true }) as http.Server;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  try {
    const declared = await post(port, { "content-type": "application/x-www-form-urlencoded", "content-length": String(400 * 1024 * 1024) }, 400 * 1024 * 1024);
    assert.equal(declared.status, 413);
    assert.match(declared.body, /larger than 1048576 bytes/);
    assert.ok(declared.sent < 50 * 1024 * 1024, `the answer came after ${declared.sent} bytes`);
    const streamed = await post(port, { "content-type": "application/x-www-form-urlencoded", "transfer-encoding": "chunked" }, 400 * 1024 * 1024);
    assert.equal(streamed.status, 413);
    assert.ok(streamed.sent < 50 * 1024 * 1024, `the answer came after ${streamed.sent} bytes`);
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});
