/**
 * The subscription pages through the real app and a real SMTP server: subscribe box, double
 * opt-in, digest, RFC 8058 one-click unsubscribe, manage page, signed links that cannot be forged.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { dailyPeriod } from "../actions/digest/periods.js";
import { signLink } from "../actions/subscriptions/tokens.js";
import { queueDigests } from "../deliver/queue-digests.js";
import { BASE, DAY1, DAY2 } from "../deliver/testing/delivery-fixture.js";
import { Agent } from "../../test/community/community-app.js";
import { openDeliveryApp, pageWith, postForm } from "./testing/delivery-app.js";

const pathOf = (url: string) => url.slice(BASE.length);
const linkIn = (text: string, path: string) => {
  const m = new RegExp(`${BASE}${path}\\?token=[\\w.-]+`).exec(text);
  assert.ok(m, `no ${path} link in:\n${text}`);
  return pathOf(m[0]);
};

describe("subscriptions on the web", () => {
  it("without mail configured there is no subscribe box and no subscription route, but feeds links are there", async () => {
    const f = await openDeliveryApp({ mail: false });
    try {
      const home = await (await f.app.request("/")).text();
      assert.doesNotMatch(home, /Get trending papers in your email inbox/);
      assert.match(
        home,
        /<link rel="alternate" type="application\/atom\+xml" title="Papers of the day \(atom\)" href="\/feeds\/daily.atom">/,
      );
      assert.match(home, /<link rel="search" type="application\/opensearchdescription\+xml"/);
      assert.equal((await f.app.request("/subscribe")).status, 404);
      assert.equal((await f.app.request("/api/subscriptions", { method: "POST", body: "{}" })).status, 404);
    } finally {
      await f.close();
    }
  });

  it("a search page's feed links carry its query escaped: quotes and brackets in a query cannot leave the attribute", async () => {
    const f = await openDeliveryApp({ mail: false });
    try {
      const q = `x" onload="alert(1)'<b>&`;
      const page = await (await f.app.request(`/search?q=${encodeURIComponent(q)}`)).text();
      const link = /<link rel="alternate" type="application\/atom\+xml" title="([^"]*)" href="([^"]*)">/.exec(page);
      assert.ok(link, "the search page has an Atom feed link");
      assert.equal(link[1]!, "Papers matching x&quot; onload=&quot;alert(1)&#39;&lt;b&gt;&amp; (atom)");
      assert.equal(link[2]!.replaceAll("&#39;", "'"), `/feeds/search.atom?q=${encodeURIComponent(q)}`);
      assert.doesNotMatch(page, /onload="alert/);
    } finally {
      await f.close();
    }
  });

  it("subscribe box → confirmation → digest → one-click unsubscribe by POST; never mail before confirmation", async () => {
    const f = await openDeliveryApp({ mail: true });
    try {
      const home = await pageWith(f.app, "/", "Get trending papers in your email inbox");
      assert.match(home, /<form method="post" action="\/subscribe"/);
      const search = await (await f.app.request("/search?q=graph")).text();
      assert.doesNotMatch(search, /Get trending papers in your email inbox/);
      assert.match(search, /href="\/feeds\/search.rss\?q=graph"/);

      // A browser that has the page: its cookie and the form's CSRF token go with the POST.
      const browser = new Agent(f.app);
      await browser.get("/subscribe");
      const bad = await browser.post("/subscribe", { email: "not an address", cadence: "daily" });
      assert.equal(bad.status, 400);
      const ok = await browser.post("/subscribe", { email: "Reader@Example.org", cadence: "daily" });
      assert.equal(ok.status, 200);
      assert.match(ok.body, /Check your inbox/);

      await queueDigests({ store: f.store, delivery: f.delivery, period: dailyPeriod(DAY1) });
      await f.drain();
      assert.equal(f.sink.messages.length, 1, "only the confirmation may go to an unconfirmed address");
      const confirmPath = linkIn(f.sink.messages[0]!.text!, "/subscriptions/confirm");

      const confirmed = await f.app.request(confirmPath);
      assert.equal(confirmed.status, 200);
      const confirmedPage = await confirmed.text();
      assert.match(confirmedPage, /Subscription confirmed/);
      const managePath = /href="(\/subscriptions\/manage\?token=[\w.-]+)"/.exec(confirmedPage)![1]!;

      await queueDigests({ store: f.store, delivery: f.delivery, period: dailyPeriod(DAY1) });
      await f.drain();
      const digest = f.sink.messages[1]!;
      const header = digest.headerLines.find((h) => h.key === "list-unsubscribe")!.line;
      const unsubscribeUrl = /<([^>]+)>/.exec(header)![1]!;

      // A link scanner following the URL changes nothing; the page asks first.
      const asked = await f.app.request(pathOf(unsubscribeUrl));
      assert.match(await asked.text(), /Stop all digests to reader@example.org\?/);
      assert.equal((await f.delivery.getSubscriberByEmail("reader@example.org"))!.status, "active");

      const oneClick = await postForm(f.app, pathOf(unsubscribeUrl), { "List-Unsubscribe": "One-Click" });
      assert.equal(oneClick.status, 200);
      assert.equal(await oneClick.text(), "unsubscribed\n");
      assert.equal((await f.delivery.getSubscriberByEmail("reader@example.org"))!.status, "unsubscribed");

      await queueDigests({ store: f.store, delivery: f.delivery, period: dailyPeriod(DAY2) });
      await f.drain();
      assert.equal(f.sink.messages.length, 2, "mail after unsubscribing");
      assert.match(await (await f.app.request(managePath)).text(), /Status: <strong>unsubscribed/);
    } finally {
      await f.close();
    }
  });

  it("the manage page saves and removes searches; the saved search's feed needs its key", async () => {
    const f = await openDeliveryApp({ mail: true });
    try {
      const now = new Date().toISOString();
      const { subscriber } = await f.delivery.createSubscriber({
        email: "m@example.org",
        cadence: "daily",
        now,
      });
      await f.delivery.updateSubscriber(subscriber.id, { status: "active", now });
      const token = signLink(
        f.secret,
        { purpose: "manage", subscriberId: subscriber.id, expires: 0 },
        subscriber.email,
      );
      const managePath = `/subscriptions/manage?token=${token}`;

      const saved = await postForm(f.app, managePath, {
        action: "add",
        query: "quantum",
        name: "",
        exclude: "survey, review",
      });
      assert.equal(saved.status, 303);
      const page = await (await f.app.request(saved.headers.get("location")!)).text();
      assert.match(page, /Saved\./);
      assert.match(
        page,
        /<strong>quantum<\/strong>: <code>quantum<\/code><span class="muted"> excluding survey, review<\/span>/,
      );
      const feedPath = /href="(\/feeds\/saved\/\d+\.atom\?key=[\w-]+)"/.exec(page)![1]!;
      const feed = await f.app.request(feedPath);
      assert.equal(feed.status, 200);
      assert.match(feed.headers.get("content-type")!, /application\/atom\+xml/);
      assert.equal(
        (await f.app.request(feedPath.replace(/key=.*/, "key=AAAAAAAAAAAAAAAAAAAAAA"))).status,
        404,
      );

      const tooLong = await postForm(f.app, managePath, { action: "add", query: "q".repeat(600) });
      assert.equal(tooLong.status, 400);
      await postForm(f.app, managePath, { action: "cadence", cadence: "weekly" });
      assert.equal((await f.delivery.getSubscriber(subscriber.id))!.cadence, "weekly");
      const [search] = await f.delivery.listSavedSearches(subscriber.id);
      await postForm(f.app, managePath, { action: "delete", id: String(search!.id) });
      assert.deepEqual(await f.delivery.listSavedSearches(subscriber.id), []);
      const preview = await f.app.request(managePath.replace("/manage?", "/preview?"));
      assert.equal(preview.status, 200);
    } finally {
      await f.close();
    }
  });

  it("forged, re-targeted or wrong-purpose links do nothing", async () => {
    const f = await openDeliveryApp({ mail: true });
    try {
      const now = new Date().toISOString();
      const a = (await f.delivery.createSubscriber({ email: "a@example.org", cadence: "daily", now }))
        .subscriber;
      const b = (await f.delivery.createSubscriber({ email: "b@example.org", cadence: "daily", now }))
        .subscriber;
      for (const s of [a, b]) await f.delivery.updateSubscriber(s.id, { status: "active", now });
      const forA = signLink(f.secret, { purpose: "unsubscribe", subscriberId: a.id, expires: 0 }, a.email);
      const retargeted = forA.replace(/^u\w+\./, `u${b.id.toString(36)}.`);
      const wrongSecret = signLink(
        "x".repeat(43),
        { purpose: "unsubscribe", subscriberId: b.id, expires: 0 },
        b.email,
      );
      const manageForA = signLink(
        f.secret,
        { purpose: "confirm", subscriberId: a.id, expires: Date.now() + 60_000 },
        a.email,
      );
      for (const token of [retargeted, wrongSecret, "garbage"]) {
        const res = await postForm(f.app, `/subscriptions/unsubscribe?token=${token}`, {
          "List-Unsubscribe": "One-Click",
        });
        assert.equal(res.status, 400, token);
      }
      assert.equal(
        (await f.app.request(`/subscriptions/manage?token=${manageForA}`)).status,
        400,
        "a confirm link is not a manage link",
      );
      assert.equal((await f.delivery.getSubscriber(b.id))!.status, "active");
      assert.equal((await f.delivery.getSubscriber(a.id))!.status, "active");
    } finally {
      await f.close();
    }
  });

  it("POST /subscribe needs the page's CSRF token and is limited per address and per client", async () => {
    const f = await openDeliveryApp({ mail: true });
    try {
      const foreign = await postForm(f.app, "/subscribe", { email: "victim@example.org", cadence: "daily" });
      assert.equal(foreign.status, 403, "a form posted from another site has no token");
      const browser = new Agent(f.app);
      await browser.get("/subscribe");
      const sameAddress = [];
      for (let i = 0; i < 4; i++) sameAddress.push((await browser.post("/subscribe", { email: "victim@example.org", cadence: "daily" })).status);
      assert.deepEqual(sameAddress, [200, 200, 200, 429]);
      const many = [];
      for (let i = 0; i < 7; i++) many.push((await browser.post("/subscribe", { email: `list${i}@example.org`, cadence: "daily" })).status);
      assert.deepEqual(many, [200, 200, 200, 200, 200, 200, 429], "10 requests per client an hour");
      assert.equal(await f.delivery.countSubscribers(), 7);
      const api = await f.app.request("/api/subscriptions", { method: "POST", body: JSON.stringify({ email: "x@example.org" }), headers: { "content-type": "text/plain" } });
      assert.equal(api.status, 415, "the API takes only JSON, which another site's form cannot send");
    } finally {
      await f.close();
    }
  });

  it("POST /api/subscriptions queues a confirmation (202) and refuses a bad address (400)", async () => {
    const f = await openDeliveryApp({ mail: true });
    try {
      const post = (body: unknown) =>
        f.app.request("/api/subscriptions", {
          method: "POST",
          body: JSON.stringify(body),
          headers: { "content-type": "application/json" },
        });
      const ok = await post({ email: "api@example.org", cadence: "weekly" });
      assert.equal(ok.status, 202);
      assert.deepEqual(await ok.json(), { status: "confirmation_queued" });
      assert.equal((await post({ email: "nope" })).status, 400);
      assert.equal((await post({ mail: "api@example.org" })).status, 400);
      assert.equal((await f.delivery.getSubscriberByEmail("api@example.org"))!.cadence, "weekly");
      assert.equal(await f.delivery.countOutbox("pending"), 1);
    } finally {
      await f.close();
    }
  });

  it("“Save this search”: the search page links its feed and the subscribe page, which keeps the search with a new subscription", async () => {
    const f = await openDeliveryApp({ mail: true });
    try {
      const search = await (await f.app.request("/search?q=graph&cat=cs.LG")).text();
      assert.match(search, /Save this search/);
      assert.match(search, /href="\/feeds\/search.atom\?q=graph%20cat%3Acs.LG"/);
      assert.match(search, /href="\/subscribe\?q=graph%20cat%3Acs.LG">Email me new matches/);

      const browser = new Agent(f.app);
      const form = await browser.get("/subscribe?q=graph%20cat%3Acs.LG");
      assert.match(form.body, /new papers matching <strong>graph cat:cs.LG<\/strong>/);
      assert.match(form.body, /<input type="hidden" name="query" value="graph cat:cs.LG"/);
      const ok = await browser.post("/subscribe", { email: "keeper@example.org", cadence: "weekly", query: "graph cat:cs.LG" });
      assert.equal(ok.status, 200);
      assert.match(ok.body, /Check your inbox/);
      const subscriber = await f.delivery.getSubscriberByEmail("keeper@example.org");
      assert.deepEqual((await f.delivery.listSavedSearches(subscriber!.id)).map((s) => s.query), ["graph cat:cs.LG"]);

      // An address already receiving the digest gets no search from a stranger's form.
      await f.delivery.updateSubscriber(subscriber!.id, { status: "active", now: new Date().toISOString() });
      const again = await browser.post("/subscribe", { email: "keeper@example.org", cadence: "weekly", query: "spam words" });
      assert.equal(again.status, 200);
      assert.deepEqual((await f.delivery.listSavedSearches(subscriber!.id)).map((s) => s.query), ["graph cat:cs.LG"]);
    } finally {
      await f.close();
    }
  });
});
