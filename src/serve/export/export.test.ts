/**
 * Exports of real arXiv records parse back with maintained parsers: BibTeX with
 * @retorquere/bibtex-parser (which turns TeX back into Unicode), RIS and CSL-JSON with citation-js.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { Cite } from "@citation-js/core";
import "@citation-js/plugin-csl";
import "@citation-js/plugin-ris";
import { parse } from "@retorquere/bibtex-parser";
import { makePaper } from "../../core/make-paper.js";
import type { Paper } from "../../core/paper.js";
import { type FixtureApp, fetchPage, openFixtureApp } from "../testing/fixture-app.js";
import { toBibtex } from "./bibtex.js";
import { type CslItem, toCslJson } from "./csl.js";
import { toRis } from "./ris.js";

let fx: FixtureApp;
let papers: Paper[];
before(async () => {
  fx = await openFixtureApp();
  papers = await fx.store.listAnnounced("0000-01-01", "9999-12-31", { limit: 100 });
});
after(() => fx.close());

const bib = (text: string) => parse(text, { sentenceCase: false, caseProtection: false });
const authorNames = (paper: Paper) => paper.authors.filter((a) => !/^et\.? al\.?$/i.test(a.name)).map((a) => a.name);

test("every fixture paper survives BibTeX and back: names with accents, titles, arXiv fields", () => {
  const library = bib(toBibtex(papers));
  assert.deepEqual(library.errors, []);
  assert.equal(library.entries.length, papers.length);
  assert.equal(new Set(library.entries.map((e) => e.key)).size, papers.length, "keys are unique");
  papers.forEach((paper, i) => {
    const entry = library.entries[i]!;
    assert.equal(entry.type, paper.journalRef || paper.doi ? "article" : "misc", paper.id);
    assert.equal(entry.fields.eprint, paper.id);
    assert.equal(entry.fields.archiveprefix, "arXiv");
    assert.equal(entry.fields.primaryclass, paper.primaryCategory);
    const names = (entry.fields.author ?? []).map((c) => ("name" in c && c.name ? c.name : `${c.firstName ?? ""} ${c.lastName ?? ""}`.trim()));
    const expected = authorNames(paper).map((n) => n.replace(/\s+/g, " "));
    assert.deepEqual(names.filter((n) => n !== "others").map((n) => n.normalize("NFC")), expected.map((n) => n.normalize("NFC")), paper.id);
    if (!paper.title.includes("$")) assert.equal(entry.fields.title?.normalize("NFC"), paper.title.replace(/\s+/g, " ").replace(/--/g, "–").normalize("NFC"), paper.id);
  });
  const kopec = library.entries[papers.findIndex((p) => p.id === "2606.28039")]!;
  assert.deepEqual(kopec.fields.author!.map((c) => c.lastName?.normalize("NFC")), ["Kopeć", "Jabłońska", "Kozłowski", "Zięba"]);
  assert.match(kopec.input, /Kope\{\\'c\}/, "accents are written as TeX commands");
  const beta = library.entries[papers.findIndex((p) => p.id === "math-ph/0509021")]!;
  assert.equal(beta.fields.title, "Hermite and Laguerre β-ensembles: asymptotic corrections to the eigenvalue density", "math stays TeX");
});

test("TeX specials, stray braces and backslashes cannot break the file or the next entry", () => {
  const tricky = makePaper({
    id: "2401.00001",
    title: "100% of R&D #1: a_b {unbalanced} } brace, \\\"Umlaut and $x_{i}^{2}$ in “quotes”",
    abstract: "-",
    authors: [{ name: "Zoë Ångström-Łukasz" }, { name: "A. {Brace" }, { name: "Rapha\u0065\u0308l Decomposed" }],
    categories: ["cs.LG"],
  });
  const after = makePaper({ id: "2401.00002", title: "The entry after", abstract: "-", authors: [{ name: "Jane Doe" }], categories: ["cs.LG"] });
  const text = toBibtex([tricky, after]);
  const library = bib(text);
  assert.deepEqual(library.errors, []);
  assert.equal(library.entries.length, 2);
  assert.equal(library.entries[1]!.fields.title, "The entry after");
  const title = library.entries[0]!.fields.title!.normalize("NFC");
  // Paired braces are TeX grouping (they vanish), the stray one is kept as a character, math is typeset.
  assert.equal(title, "100% of R&D #1: a_b unbalanced } brace, Ümlaut and x<sub>i</sub>² in “quotes”");
  assert.deepEqual(library.entries[0]!.fields.author!.map((c) => c.lastName?.normalize("NFC")), ["Ångström-Łukasz", "{Brace", "Decomposed"]);
  assert.match(text, /Rapha\{\\"e\}l/, "a decomposed accent becomes a TeX accent too");
});

test("RIS records read back with citation-js: type, names, title, DOI, year", () => {
  const items = new Cite(toRis(papers), { forceType: "@ris/file" }).data as CslItem[];
  assert.equal(items.length, papers.length);
  papers.forEach((paper, i) => {
    const item = items[i]!;
    assert.equal(item.title, paper.title.replace(/\s+/g, " ").trim(), paper.id);
    assert.equal(item.type, paper.journalRef || paper.doi ? "article-journal" : "manuscript", paper.id);
    assert.equal(item.DOI, paper.doi ?? undefined, paper.id);
    assert.equal(item.issued["date-parts"][0][0], Number((paper.submitted ?? paper.announced).slice(0, 4)));
    assert.equal(item.author.length, authorNames(paper).length, paper.id);
  });
  const zieba = items[papers.findIndex((p) => p.id === "2606.28039")]!;
  assert.deepEqual(zieba.author.at(-1), { family: "Zięba", given: "Maciej" });
});

test("CSL-JSON is read by citation-js as it is, with CSL's types and date parts", () => {
  const json = JSON.parse(toCslJson(papers)) as CslItem[];
  const items = new Cite(json).data as CslItem[];
  assert.equal(items.length, papers.length);
  for (const [i, item] of items.entries()) {
    assert.ok(["article", "article-journal"].includes(item.type));
    assert.equal(item.title, json[i]!.title);
    assert.deepEqual(item.author, json[i]!.author);
    assert.equal(item.issued["date-parts"][0].length, 3);
  }
});

test("a CSL processor (citeproc, APA style) formats the CSL-JSON into a bibliography", () => {
  const chosen = papers.filter((p) => ["2606.28039", "0704.0506"].includes(p.id));
  const html = new Cite(JSON.parse(toCslJson(chosen))).format("bibliography", { format: "text", template: "apa", lang: "en-US" }) as string;
  assert.match(html, /Kopeć, D\., Jabłońska, K\., Kozłowski, W\., & Zięba, M\. \(2026\)\. Mind the Gap.* \(Preprint 2606\.28039\)\. arXiv\./);
  assert.match(html, /Donath, J\. ?G\.,.*\(2007\)\. Dimensional crossover of quantum critical behavior in CeCoIn\$_5\$\. Phys\. Rev\. Lett\. 100, 136401 \(2008\)\. https:\/\/doi\.org\/10\.1103\/PhysRevLett\.100\.136401/);
});

test("/export serves a day, a search and a paper in each format; bad parameters are named", async () => {
  const day = await fx.app.request("/export?list=day&date=2026-06-30&format=bib");
  assert.equal(day.status, 200);
  assert.match(day.headers.get("content-type") ?? "", /^application\/x-bibtex/);
  assert.match(day.headers.get("content-disposition") ?? "", /filename="paperfeed-2026-06-30\.bib"/);
  assert.equal(bib(await day.text()).entries.length, 12);

  const search = await fx.app.request("/export?list=search&q=diffusion&cat=cs.CV&format=ris");
  const total = fx.search.search({ q: "diffusion", filters: { categories: ["cs.CV"] } }).total;
  assert.equal(new Cite(await search.text(), { forceType: "@ris/file" }).data.length, total);

  const paper = await fx.app.request("/export?list=paper&id=hep-th/9901001v2&format=csl");
  assert.equal(((await paper.json()) as CslItem[])[0]!.id, "arXiv:hep-th/9901001");

  const bad = await fetchPage(fx.app, "/export?list=day&date=2026-06-30&format=docx");
  assert.equal(bad.status, 400);
  assert.match(bad.body, /format: /);
  assert.equal((await fetchPage(fx.app, "/export?list=paper&id=2401.99999&format=bib")).status, 404);
});

test("paper, search and daily pages link to their exports, and the links work", async () => {
  for (const [page, expected] of [
    ["/papers/0704.0506", "/export?list=paper&amp;id=0704.0506&amp;format=ris"],
    ["/search?q=diffusion&cat=cs.CV&page=2", "/export?list=search&amp;q=diffusion&amp;cat=cs.CV&amp;format=bib"],
    ["/?week=2026-W27", "/export?list=day&amp;week=2026-W27&amp;format=csl"],
  ] as const) {
    const { body } = await fetchPage(fx.app, page);
    assert.ok(body.includes(`href="${expected}"`), `${page} links to ${expected}`);
    const res = await fx.app.request(expected.replace(/&amp;/g, "&"));
    assert.equal(res.status, 200, expected);
  }
});
