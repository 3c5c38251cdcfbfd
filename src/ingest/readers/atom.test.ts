import assert from "node:assert/strict";
import { test } from "node:test";
import { drain, fixture, paperById } from "../test-support.js";
import { readAtom, repairMojibake } from "./atom.js";

const atom = (name: string) => fixture(`atom/${name}`);

test("2026 layout: id and version from the entry URL, affiliations, journal reference", async () => {
  const { papers, errors } = await drain(readAtom(atom("id_astro-ph_0601001_s0_m100_3150dca9dc76.atom.xml")));
  assert.deepEqual(errors, []);
  assert.equal(papers.length, 1);
  const p = papers[0]!;
  assert.equal(p.id, "astro-ph/0601001");
  assert.equal(p.version, 1);
  assert.deepEqual(p.authors[0], { name: "Andrew Gould", affiliations: ["Ohio State"] });
  assert.equal(p.authors.length, 4);
  assert.deepEqual(p.categories, ["astro-ph"]);
  assert.equal(p.journalRef, "ActaAstron.56:1-50,2006");
  assert.equal(p.submitted, "2006-01-02T14:57:58Z");
  assert.equal(p.announced, "2006-01-02");
  assert.match(p.comments ?? "", /^62 pages including 16 figures/);
  assert.match(p.abstract, /Gould & Morgan \(2003\)/);
});

test("2026 layout: 34 authors, with the recording's double-encoded UTF-8 repaired", async () => {
  const { papers } = await drain(readAtom(atom("id_1707.08567_s0_m100_6a1afebfc6a3.atom.xml")));
  const p = paperById(papers, "1707.08567");
  assert.equal(p.authors.length, 34);
  assert.ok(p.authors.some((a) => a.name === "Dirk Wübben"));
  assert.deepEqual(p.categories, ["cs.IT"]);
  assert.equal(repairMojibake("LÃ¤mmerzahl"), "Lämmerzahl");
  assert.equal(
    repairMojibake("Schrödinger, Ãngström"),
    "Schrödinger, Ãngström",
    "text that is not mojibake stays",
  );
});

test("legacy 2019 layout: 10 entries; DOI, primary category first, cross-lists after", async () => {
  const { papers, errors } = await drain(readAtom(atom("legacy-2019-all_science_start0_max10.atom.xml")));
  assert.deepEqual(errors, []);
  assert.equal(papers.length, 10);
  const p = paperById(papers, "1503.01162");
  assert.equal(p.doi, "10.1007/s11191-014-9716-8");
  assert.deepEqual(p.categories, ["physics.ed-ph", "physics.hist-ph", "physics.soc-ph"]);
  assert.equal(p.journalRef, "Science & Education, September 2014, 23(9): 1853-1873");
  assert.equal(paperById(papers, "1501.05039").title, "Defining Data Science");
});

test("exact entry counts of the recorded responses", async () => {
  const counts: Record<string, number> = {
    "q_testing_s0_m10_bc5a6c384fe9.atom.xml": 10,
    "id_0808.05394_1707.08567_s0_m100_42e5aa0ec3af.atom.xml": 1,
    "id_1605.08386_s0_m100_199195aa31ad.atom.xml": 1,
    "id_2104.12255v1_s0_m100_6ae69987ffe1.atom.xml": 1,
    "id_quant-ph_0201082v1_s0_m100_86989fe779ef.atom.xml": 1,
    "id_0000.0000_s0_m100_8b51d9633a68.atom.xml": 0,
    "id_0808.05394_s0_m100_7b0c7d0a7cdd.atom.xml": 0,
  };
  for (const [name, count] of Object.entries(counts)) {
    const { papers, errors } = await drain(readAtom(atom(name)));
    assert.deepEqual([papers.length, errors.length], [count, 0], name);
  }
  const { papers } = await drain(readAtom(atom("id_quant-ph_0201082v1_s0_m100_86989fe779ef.atom.xml")));
  assert.deepEqual([papers[0]!.id, papers[0]!.version], ["quant-ph/0201082", 1]);
});

test("the API's 400 error feed (id_list=abc) is one clear error and no paper", async () => {
  const file = atom("id_abc_s0_m100_b79c8dcf6bc3.atom.xml");
  const { items } = await drain(readAtom(file));
  assert.deepEqual(items, [
    {
      kind: "error",
      scope: "file",
      position: { file },
      reason: `ingest: ${file}: arXiv API error: incorrect id format for abc`,
    },
  ]);
});
