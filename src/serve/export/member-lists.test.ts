/** Exports of a collection (public, or the owner's with a token) and of a member's upvotes (token). */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { parse } from "@retorquere/bibtex-parser";
import { startSession } from "../../actions/accounts/accounts.js";
import { type CommunityFixture, openCommunityFixture } from "../testing/community-fixture.js";

let fx: CommunityFixture;
before(async () => {
  fx = await openCommunityFixture();
});
after(() => fx.close());

const get = (path: string, token?: string) => fx.app.request(path, token ? { headers: { authorization: `Bearer ${token}` } } : {});
const eprints = async (res: Response) => parse(await res.text()).entries.map((e) => e.fields.eprint).sort();

test("a public collection exports for anyone; a private one only with its owner's token", async () => {
  const open = await get(`/export?list=collection&id=${fx.publicCollection}&format=bib`);
  assert.equal(open.status, 200);
  assert.match(open.headers.get("content-disposition") ?? "", /paperfeed-collection-\d+\.bib/);
  assert.deepEqual(await eprints(open), ["0704.0506", "math-ph/0509021"]);
  assert.equal((await get(`/export?list=collection&id=${fx.privateCollection}&format=bib`)).status, 404);
  assert.equal((await get(`/export?list=collection&id=${fx.privateCollection}&format=bib`, fx.bobToken)).status, 404);
  assert.deepEqual(await eprints(await get(`/export?list=collection&id=${fx.privateCollection}&format=bib`, fx.adaToken)), ["2606.30673"]);
  assert.equal((await get("/export?list=collection&id=x&format=bib")).status, 400);
});

test("list=upvotes exports the token owner's upvoted papers and needs a token", async () => {
  assert.equal((await get("/export?list=upvotes&format=ris")).status, 401);
  const res = await get("/export?list=upvotes&format=bib", fx.adaToken);
  assert.equal(res.status, 200);
  assert.deepEqual(await eprints(res), ["hep-th/9901001", fx.curated[0]].sort());
});

test("a signed-in member exports their upvotes and private collection with the session cookie; pages link to exports", async () => {
  const session = await startSession({ community: fx.community, mailer: null, baseUrl: "" }, fx.ada.id);
  const cookie = { headers: { cookie: `pf_session=${session}` } };
  assert.deepEqual(await eprints(await fx.app.request("/export?list=upvotes&format=bib", cookie)), ["hep-th/9901001", fx.curated[0]].sort());
  assert.equal((await fx.app.request(`/export?list=collection&id=${fx.privateCollection}&format=bib`, cookie)).status, 200);
  const page = await (await fx.app.request(`/collections/${fx.publicCollection}`)).text();
  assert.ok(page.includes(`href="/export?list=collection&amp;id=${fx.publicCollection}&amp;format=bib"`), "the collection page links to its export");
});
