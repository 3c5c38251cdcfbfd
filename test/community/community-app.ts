/**
 * A real app with the community mounted over a real SQLite file, account mail queued in the
 * outbox and sent (`deliverMail`, as the outbox job would) to a real SMTP server on 127.0.0.1,
 * and a small cookie-keeping client that fills in CSRF tokens the way
 * a browser submitting the page's form would. For the community tests only.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Hono } from "hono";
import type { Config } from "../../src/config/types.js";
import { createAccountMailer } from "../../src/deliver/account-mailer.js";
import { newOwner } from "../../src/deliver/owner.js";
import { drainOutbox } from "../../src/deliver/sender.js";
import { SmtpClient, parseSmtpUrl } from "../../src/deliver/smtp.js";
import { type SmtpSink, startSmtpSink } from "../../src/deliver/testing/smtp-sink.js";
import { createSearchEngine } from "../../src/search/index.js";
import { type AppDeps, createApp } from "../../src/serve/app.js";
import { createLogger } from "../../src/serve/log.js";
import { importFixtures, testConfig } from "../../src/serve/testing/fixture-app.js";
import type { CommunityStore } from "../../src/store/community-types.js";
import type { DeliveryStore } from "../../src/store/delivery-types.js";
import { openCommunityStore } from "../../src/store/open-community.js";
import { openDeliveryStore } from "../../src/store/open-delivery.js";
import { openStore } from "../../src/store/open.js";
import type { Store } from "../../src/store/types.js";

export interface CommunityApp {
  app: Hono;
  store: Store;
  community: CommunityStore;
  sink: SmtpSink;
  delivery: DeliveryStore;
  /** Sends what the outbox holds to the sink; returns how many went out. */
  deliverMail(): Promise<number>;
  config: Config;
  /** Every line the app logged, at debug level. */
  logged: string[];
  close(): Promise<void>;
}

export async function openCommunityApp(overrides: Partial<Config> = {}, deps: Pick<AppDeps, "fetchPaper" | "accountMailer" | "pageVersion"> = {}): Promise<CommunityApp> {
  const dir = mkdtempSync(join(tmpdir(), "paperfeed-community-"));
  const config = testConfig(dir, { baseUrl: "http://127.0.0.1:8080", ...overrides });
  const store = await openStore({ path: config.db });
  await importFixtures(store);
  const search = createSearchEngine();
  for await (const batch of store.scanPapers(200)) for (const paper of batch) search.add(paper);
  const community = await openCommunityStore({ path: config.db });
  const sink = await startSmtpSink({ query: "rateLimit=1000" });
  const delivery = await openDeliveryStore({ path: config.db });
  const accountMailer = createAccountMailer(async () => delivery);
  const smtp = new SmtpClient(parseSmtpUrl(sink.url));
  const sender = { delivery, store, smtp, owner: newOwner(), base: config.baseUrl, from: "paperfeed <paperfeed@127.0.0.1>", secret: await delivery.secret("links") };
  const deliverMail = async () => (await drainOutbox(sender)).sent;
  const logged: string[] = [];
  const log = createLogger("debug", (line) => logged.push(line));
  // Many members sign up from one address here; the sign-up limit itself is not what these tests are about.
  const app = createApp({ store, search, config, log, communityStore: community, delivery, accountMailer, communityLimits: { signUp: { windowMs: 3_600_000, max: 1000 } }, ...deps });
  return {
    app, store, community, sink, delivery, deliverMail, config, logged,
    close: async () => {
      await accountMailer.close();
      await smtp.close();
      await sink.close();
      await delivery.close();
      await community.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface Reply {
  status: number;
  body: string;
  headers: Headers;
  location: string | null;
}

/** One browser: keeps cookies, and sends the CSRF token of the last page it fetched. */
export class Agent {
  readonly cookies = new Map<string, string>();
  csrf = "";

  constructor(private readonly app: Hono) {}

  private async send(path: string, init: RequestInit): Promise<Reply> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set("cookie", [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; "));
    const res = await this.app.request(path, { ...init, headers, redirect: "manual" });
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(";");
      const [name, value] = pair!.split("=") as [string, string];
      if (attrs.some((a) => /max-age=0/i.test(a.trim()))) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const body = await res.text();
    const token = /name="_csrf" value="([^"]*)"/.exec(body)?.[1];
    if (token) this.csrf = token;
    return { status: res.status, body, headers: res.headers, location: res.headers.get("location") };
  }

  get(path: string, headers: Record<string, string> = {}) {
    return this.send(path, { method: "GET", headers });
  }

  /** Posts a form; the CSRF field is added unless `fields` names one (or `csrf: false`). */
  post(path: string, fields: Record<string, string>, options: { csrf?: boolean; headers?: Record<string, string> } = {}) {
    const form = new URLSearchParams(fields);
    if (options.csrf !== false && !("_csrf" in fields)) form.set("_csrf", this.csrf);
    return this.send(path, { method: "POST", body: form.toString(), headers: { "content-type": "application/x-www-form-urlencoded", ...options.headers } });
  }
}

/** The link in the latest mail to `to` whose path starts with `path`, after sending what the outbox holds. */
export async function linkInMail(fx: CommunityApp, to: string, path: string): Promise<string> {
  await fx.deliverMail();
  const mail = [...fx.sink.messages].reverse().find((m) => JSON.stringify(m.to).includes(to));
  const link = mail?.text?.match(new RegExp(`https?://\\S+${path}\\?token=\\S+`))?.[0];
  if (!link) throw new Error(`no ${path} link in mail to ${to}`);
  return link.slice(link.indexOf(path));
}

export const PASSWORD = "correct horse battery";

/** Signs up, follows the emailed link; returns the signed-in agent. */
export async function verifiedMember(fx: CommunityApp, email: string, displayName = email.split("@")[0]!): Promise<Agent> {
  const agent = new Agent(fx.app);
  await agent.get("/account/signup");
  const made = await agent.post("/account/signup", { email, displayName, password: PASSWORD });
  if (made.status !== 303) throw new Error(`sign-up failed: ${made.status} ${made.body.slice(0, 300)}`);
  const verified = await agent.get(await linkInMail(fx, email, "/account/verify"));
  if (verified.status !== 303) throw new Error(`verification failed: ${verified.status}`);
  await agent.get("/");
  return agent;
}
