/**
 * What an attacker tried and must not get: an open redirect through `next`/`back`, a locked-out
 * owner after a stranger's wrong passwords, a list of who has an account, a list filled ahead
 * of time. Over the real app; the lockout over a real socket, from two client addresses.
 */
import assert from "node:assert/strict";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, test } from "node:test";
import { createAdaptorServer } from "@hono/node-server";
import { Agent, type CommunityApp, PASSWORD, openCommunityApp, verifiedMember } from "./community-app.js";

let fx: CommunityApp;
before(async () => {
  fx = await openCommunityApp();
});
after(() => fx.close());

test("next and back lead only to this site, judged after parsing as a browser would", async () => {
  const member = await verifiedMember(fx, "redirect@example.org");
  for (const [next, expected] of [
    ["/%09/evil.example", "/"],
    ["/%0A/evil.example", "/"],
    ["/%5C%5Cevil.example", "/"],
    ["//evil.example", "/"],
    ["https://evil.example/", "/"],
    ["/trending%3Fday%3D2026-07-01%23top", "/trending?day=2026-07-01#top"],
  ]) {
    const res = await member.get(`/account/signin?next=${next}`);
    assert.deepEqual([res.status, res.location], [303, expected], next);
  }
  await member.get("/");
  const voted = await member.post("/vote", { paper: "2606.27617", up: "1", back: "/\t/evil.example" });
  assert.deepEqual([voted.status, voted.location], [303, "/"]);

  const visitor = new Agent(fx.app);
  await visitor.get("/account/signin");
  const signedIn = await visitor.post("/account/signin?next=/%0A/x", { email: "redirect@example.org", password: PASSWORD });
  assert.deepEqual([signedIn.status, signedIn.location], [303, "/"], "a newline in next was a 500");
});

test("sign-up answers the same whether or not the address has an account; the owner is mailed a note", async () => {
  await verifiedMember(fx, "taken@example.org");
  const answers = [];
  for (const email of ["taken@example.org", "free@example.org"]) {
    const agent = new Agent(fx.app);
    await agent.get("/account/signup");
    const res = await agent.post("/account/signup", { email, displayName: "Someone", password: "another long password" });
    answers.push({ status: res.status, location: res.location, cookies: res.headers.getSetCookie().filter((c) => c.startsWith("pf_session=")) });
  }
  assert.deepEqual(answers[0], answers[1]);
  assert.deepEqual(answers[0], { status: 303, location: "/account/signin?notice=verify-sent", cookies: [] });
  await fx.deliverMail();
  const subjects = (to: string) => fx.sink.messages.filter((m) => JSON.stringify(m.to).includes(`"${to}"`)).map((m) => m.subject);
  assert.deepEqual(subjects("taken@example.org"), ["Confirm your paperfeed account", "Your paperfeed account"]);
  assert.deepEqual(subjects("free@example.org"), ["Confirm your paperfeed account"]);
  // The note did not change the owner's password.
  const owner = new Agent(fx.app);
  await owner.get("/account/signin");
  assert.equal((await owner.post("/account/signin", { email: "taken@example.org", password: PASSWORD })).status, 303);
});

test("password reset answers the same for known and unknown addresses, and both get mail", async () => {
  await verifiedMember(fx, "known@example.org");
  const bodies = [];
  for (const email of ["known@example.org", "unknown@example.org"]) {
    const agent = new Agent(fx.app);
    await agent.get("/account/reset");
    const res = await agent.post("/account/reset", { email });
    bodies.push([res.status, res.body.replace(/name="_csrf" value="[^"]*"/, "")]);
  }
  assert.deepEqual(bodies[0], bodies[1]);
  await fx.deliverMail();
  const last = (to: string) => [...fx.sink.messages].reverse().find((m) => JSON.stringify(m.to).includes(`"${to}"`))?.subject;
  assert.equal(last("known@example.org"), "Reset your paperfeed password");
  assert.equal(last("unknown@example.org"), "Your paperfeed password reset");
});

test("a submission to a future day is a 400 naming the day, not moved to today", async () => {
  const member = await verifiedMember(fx, "future@example.org");
  await member.get("/daily");
  const res = await member.post("/daily/submit", { paper: "2606.27617", day: "2999-01-01" });
  assert.equal(res.status, 400);
  assert.match(res.body, /day 2999-01-01 is in the future/);
  assert.equal((await fx.community.listDaily(new Date().toISOString().slice(0, 10))).length, 0);
});

/** A form POST from a given loopback address, with the cookies and token of a page fetched from there. */
async function fromClient(port: number, address: string, path: string, fields: Record<string, string>): Promise<number> {
  const request = (method: string, target: string, headers: Record<string, string>, body?: string) =>
    new Promise<{ status: number; body: string; cookies: string[] }>((resolve, reject) => {
      const req = http.request({ host: "127.0.0.1", port, localAddress: address, method, path: target, headers }, (res) => {
        let text = "";
        res.on("data", (c: Buffer) => (text += c.toString()));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text, cookies: (res.headers["set-cookie"] ?? []).map((c) => c.split(";")[0]!) }));
      });
      req.on("error", reject);
      req.end(body);
    });
  const page = await request("GET", "/account/signin", {});
  const csrf = /name="_csrf" value="([^"]*)"/.exec(page.body)![1]!;
  const form = new URLSearchParams({ ...fields, _csrf: csrf }).toString();
  return (await request("POST", path, { cookie: page.cookies.join("; "), "content-type": "application/x-www-form-urlencoded" }, form)).status;
}

test("a stranger's wrong passwords make the stranger wait, not the owner signing in from elsewhere", async () => {
  await verifiedMember(fx, "owner@example.org");
  const server = createAdaptorServer({ fetch: fx.app.fetch }) as http.Server;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  try {
    const stranger = [];
    for (let i = 0; i < 6; i++) stranger.push(await fromClient(port, "127.0.0.2", "/account/signin", { email: "owner@example.org", password: `guess ${i}` }));
    assert.deepEqual(stranger, [401, 401, 401, 401, 401, 429]);
    assert.equal(await fromClient(port, "127.0.0.3", "/account/signin", { email: "owner@example.org", password: PASSWORD }), 303, "the owner is not locked out");
    assert.equal(await fromClient(port, "127.0.0.2", "/account/signin", { email: "owner@example.org", password: PASSWORD }), 429, "the guessing client still waits");
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});
