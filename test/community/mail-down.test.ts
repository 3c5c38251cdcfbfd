/**
 * `serve` with a mail server that accepts connections and never greets: sign-up and password
 * reset still answer at once (the mail waits in the outbox), the outage is logged once, and when
 * a working server comes back on that port the waiting mail goes out without a restart.
 */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { startSmtpSink } from "../../src/deliver/testing/smtp-sink.js";
import { outboxJob } from "../../src/jobs/delivery-jobs.js";
import { createLogger } from "../../src/serve/log.js";
import { startServer } from "../../src/serve/server.js";
import { testConfig } from "../../src/serve/testing/fixture-app.js";

/** One browser over the real socket: cookies kept, the last page's CSRF token sent with each form. */
function browser(base: string) {
  const cookies = new Map<string, string>();
  let csrf = "";
  const send = async (path: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    headers.set("cookie", [...cookies].map(([k, v]) => `${k}=${v}`).join("; "));
    // Five seconds is far more than a queued mail needs; before, these requests waited for SMTP.
    const res = await fetch(base + path, { ...init, headers, redirect: "manual", signal: AbortSignal.timeout(5000) });
    for (const line of res.headers.getSetCookie()) {
      const [name, value] = line.split(";")[0]!.split("=") as [string, string];
      cookies.set(name, value);
    }
    const body = await res.text();
    csrf = /name="_csrf" value="([^"]*)"/.exec(body)?.[1] ?? csrf;
    return { status: res.status, location: res.headers.get("location"), body, session: res.headers.getSetCookie().some((c) => c.startsWith("pf_session=")) };
  };
  return {
    get: (path: string) => send(path),
    post: (path: string, fields: Record<string, string>) =>
      send(path, { method: "POST", body: new URLSearchParams({ ...fields, _csrf: csrf }), headers: { "content-type": "application/x-www-form-urlencoded" } }),
  };
}

test("mail server down: sign-up and reset answer at once and alike; the outage is logged once; mail goes out when the server is back", { timeout: 60_000 }, async () => {
  const silent = await startSmtpSink({ silent: true });
  const port = Number(new URL(silent.url).port);
  const dir = mkdtempSync(join(tmpdir(), "paperfeed-mail-down-"));
  const logged: string[] = [];
  const config = testConfig(dir, {
    smtpUrl: `smtp://127.0.0.1:${port}?connectTimeout=300&greetingTimeout=300&sendTimeout=2000`,
    mailFrom: "paperfeed <paperfeed@127.0.0.1>",
    jobs: true,
  });
  const server = await startServer(config, {
    log: createLogger("info", (line) => logged.push(line)),
    jobs: [outboxJob({ everyMs: 200, probeEveryMs: 500 })],
  });
  let working: Awaited<ReturnType<typeof startSmtpSink>> | null = null;
  try {
    const signUps = [];
    for (let i = 0; i < 2; i++) {
      const b = browser(server.url);
      await b.get("/account/signup");
      signUps.push(await b.post("/account/signup", { email: "ada@example.org", displayName: "Ada", password: "a long enough password" }));
    }
    // The second is an address with an account now: the answer must not say so.
    for (const s of signUps) assert.deepEqual([s.status, s.location, s.session], [303, "/account/signin?notice=verify-sent", false]);

    const resets = [];
    for (const email of ["ada@example.org", "nobody@example.org"]) {
      const b = browser(server.url);
      await b.get("/account/reset");
      const r = await b.post("/account/reset", { email });
      resets.push([r.status, r.body.replace(/name="_csrf" value="[^"]*"/, "")]);
    }
    assert.equal(resets[0]![0], 200);
    assert.deepEqual(resets[0], resets[1]);

    // Let the outbox job meet the silent server a few times.
    await new Promise((resolve) => setTimeout(resolve, 2500));
    const outage = logged.filter((l) => l.includes("the mail server cannot be reached"));
    assert.equal(outage.length, 1, logged.join("\n"));

    await silent.close();
    working = await startSmtpSink({ port });
    await working.waitFor(4, 20_000);
    const subjects = working.messages.map((m) => `${m.subject} → ${JSON.stringify(m.to && "text" in m.to ? m.to.text : "")}`).sort();
    assert.deepEqual(subjects, [
      'Confirm your paperfeed account → "ada@example.org"',
      'Reset your paperfeed password → "ada@example.org"',
      'Your paperfeed account → "ada@example.org"',
      'Your paperfeed password reset → "nobody@example.org"',
    ]);
    assert.equal(logged.filter((l) => l.includes("the mail server answers again")).length, 1, logged.join("\n"));
  } finally {
    await server.close();
    await working?.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
