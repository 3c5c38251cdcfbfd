import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { setFlagsFromString } from "node:v8";
import fc from "fast-check";
import { Engine } from "../engine.js";
import { corpusArb, queryArb } from "../testing/random-corpus.js";
import type { SearchRequest } from "../types.js";
import { loadIndex, verifyChecksums } from "./load.js";
import { canMapFiles, mapOrRead } from "./map-file.js";
import { saveEngine, saveEngineInBackground } from "./save.js";

const tempDir = () => mkdtempSync(join(tmpdir(), "paperfeed-index-"));

function reload(engine: Engine, dir: string): Engine {
  const loaded = loadIndex(dir, engine.params);
  assert.ok(loaded.ok, loaded.ok ? "" : loaded.reason);
  const copy = new Engine();
  copy.segments.reset(loaded.segments);
  return copy;
}

/** An engine of 90 random papers, added 30 at a time (each 30 flushed by a search). */
function engineOf90(seed: number) {
  const engine = new Engine();
  const [papers] = fc.sample(corpusArb(90), { numRuns: 1, seed });
  papers!.forEach((p, i) => {
    engine.add(p);
    if (i % 30 === 29) engine.search({ q: "" });
  });
  return { engine, papers: papers! };
}

test("saved then loaded answers exactly as in memory", () => {
  const dir = tempDir();
  try {
    fc.assert(
      fc.property(corpusArb(150), fc.array(fc.nat(150), { maxLength: 8 }), fc.array(queryArb, { minLength: 1, maxLength: 5 }), (papers, removals, queries) => {
        const engine = new Engine();
        papers.forEach((p, i) => {
          engine.add(p);
          if (i % 40 === 39) engine.search({ q: "" });
        });
        for (const r of removals) engine.remove(papers[r % papers.length]!.id);
        saveEngine(engine, dir, 7);
        const copy = reload(engine, dir);
        assert.equal(copy.size, engine.size);
        for (const q of queries) {
          const request: SearchRequest = { q, limit: 10 };
          const { tookMs: _a, ...expected } = engine.search(request);
          const { tookMs: _b, ...actual } = copy.search(request);
          assert.deepEqual(actual, expected, q);
        }
      }),
      { numRuns: 60 },
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("saving again rewrites only what changed and removes files no longer used", () => {
  const dir = tempDir();
  try {
    const engine = new Engine();
    const [papers] = fc.sample(corpusArb(60), { numRuns: 1, seed: 7 });
    for (const p of papers!) engine.add(p);
    const first = saveEngine(engine, dir, 1);
    const segFile = first.segments[0]!.data.file;
    engine.remove(papers![0]!.id);
    const second = saveEngine(engine, dir, 2);
    assert.equal(second.segments[0]!.data.file, segFile, "the segment file is reused");
    assert.notEqual(second.segments[0]!.deleted.file, first.segments[0]!.deleted.file);
    assert.deepEqual(readdirSync(dir).sort(), ["manifest.json", segFile, second.segments[0]!.deleted.file].sort());
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("an index loaded from a directory and saved there again rewrites only the deletion maps that changed", () => {
  const dir = tempDir();
  try {
    const { engine, papers } = engineOf90(11);
    const first = saveEngine(engine, dir, 1);
    // A file written again is a new file renamed into place: another inode.
    const inodes = () => first.segments.map((s) => statSync(join(dir, s.data.file)).ino);
    const before = inodes();
    const copy = reload(engine, dir);
    copy.remove(papers![0]!.id);
    const second = saveEngine(copy, dir, 2);
    assert.deepEqual(second.segments.map((s) => s.data), first.segments.map((s) => s.data), "every segment file is reused");
    assert.deepEqual(inodes(), before, "no segment file was written again");
    const changed = second.segments.filter((s, i) => s.deleted.file !== first.segments[i]!.deleted.file);
    assert.equal(changed.length, 1, "only the deletion map of the segment that lost a paper is new");
    assert.equal(reload(copy, dir).size, papers!.length - 1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a save in the background holds the state it started from, while the engine changes meanwhile", async () => {
  const dir = tempDir();
  try {
    const { engine, papers } = engineOf90(13);
    engine.remove(papers![5]!.id);
    const before = new Engine();
    before.segments.reset(engine.segments.entries.map((e) => ({ seg: e.seg, deleted: e.deleted.slice() })));
    const saving = saveEngineInBackground(engine, dir, 4);
    // Changes while it writes: a deletion in a saved segment, and a new segment.
    engine.remove(papers![40]!.id);
    engine.add({ ...papers![0]!, id: "2601.30000" });
    engine.search({ q: "" });
    const manifest = await saving;
    assert.equal(manifest.seq, 4);
    assert.equal(manifest.docCount, papers!.length - 1);
    const copy = reload(engine, dir);
    assert.equal(copy.size, before.size);
    for (const q of ["", ...papers!.slice(0, 10).map((p) => p.title.split(" ")[0]!)]) {
      const ids = (e: Engine) => e.search({ q, limit: 200 }).hits.map((h) => h.id);
      assert.deepEqual(ids(copy), ids(before), q);
    }
    // The next save (here at once) takes what changed meanwhile, and removes what is no longer named.
    const next = saveEngine(engine, dir, 5);
    assert.equal(reload(engine, dir).size, engine.size);
    assert.deepEqual(readdirSync(dir).sort(), ["manifest.json", ...next.segments.flatMap((s) => [s.data.file, s.deleted.file])].sort());
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a damaged, truncated or foreign index is refused with a reason", () => {
  const dir = tempDir();
  try {
    const engine = new Engine();
    const [papers] = fc.sample(corpusArb(30), { numRuns: 1, seed: 3 });
    for (const p of papers!) engine.add(p);
    const manifest = saveEngine(engine, dir, 1);
    const segPath = join(dir, manifest.segments[0]!.data.file);
    const original = readFileSync(segPath);

    writeFileSync(segPath, original.subarray(0, original.length - 10));
    let result = loadIndex(dir, engine.params);
    assert.ok(!result.ok && /bytes/.test(result.reason), "truncated");

    const flipped = Buffer.from(original);
    flipped[100] = flipped[100]! ^ 0xff;
    writeFileSync(segPath, flipped);
    result = loadIndex(dir, engine.params);
    assert.ok(!result.ok && /checksum/.test(result.reason), "bit flip");

    writeFileSync(segPath, original);
    assert.ok(loadIndex(dir, engine.params).ok);
    assert.ok(!loadIndex(dir, new Engine({ bm25f: { k1: 2 } }).params).ok, "other parameters");
    writeFileSync(join(dir, "manifest.json"), "{not json");
    assert.ok(!loadIndex(dir, engine.params).ok, "broken manifest");
    assert.ok(!loadIndex(join(dir, "missing"), engine.params).ok, "no index");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("segment files are mapped when the addon is built (always under CI), and answer as read ones", () => {
  if (process.env.CI) assert.ok(canMapFiles(), "native/mmap.c is built by npm install");
  const dir = tempDir();
  try {
    const engine = new Engine();
    const [papers] = fc.sample(corpusArb(120), { numRuns: 1, seed: 11 });
    for (const p of papers!) engine.add(p);
    saveEngine(engine, dir, 3);
    const mapped = loadIndex(dir, engine.params, { map: true });
    const read = loadIndex(dir, engine.params, { map: false });
    assert.ok(mapped.ok && read.ok);
    const [a, b] = [mapped, read].map((loaded) => {
      const copy = new Engine();
      copy.segments.reset(loaded.ok ? loaded.segments : []);
      return copy;
    });
    for (const q of ["quantum", "graph neural", '"spin lattice"', "-flow field", ""]) assert.deepEqual(a!.search({ q }).hits, b!.search({ q }).hits, q);
    // A write into a mapped segment stays in this process: the file keeps its bytes.
    const file = join(dir, mapped.manifest.segments[0]!.data.file);
    const before = readFileSync(file);
    const arrays = mapped.segments[0]!.seg.a;
    arrays.days[0] = arrays.days[0]! + 1;
    assert.deepEqual(readFileSync(file), before);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("mapping a missing file names it", () => {
  if (!canMapFiles()) return;
  assert.throws(() => mapOrRead(join(tmpdir(), "paperfeed-no-such-segment.bin")), /cannot open .*paperfeed-no-such-segment\.bin: No such file/);
});

test("the background checksum pass checks the loaded bytes in place, or re-reads the files", async () => {
  const dir = tempDir();
  try {
    const engine = new Engine();
    const [papers] = fc.sample(corpusArb(30), { numRuns: 1, seed: 5 });
    for (const p of papers!) engine.add(p);
    const manifest = saveEngine(engine, dir, 1);
    const loaded = loadIndex(dir, engine.params, { checksums: false });
    assert.ok(loaded.ok, loaded.ok ? "" : loaded.reason);
    const file = manifest.segments[0]!.data.file;
    const bytes = loaded.files.get(file)!;
    const inPlace = new Map([[file, bytes]]);
    assert.equal(await verifyChecksums(dir, manifest, inPlace), null);
    // A change to the loaded bytes only (mapped copy-on-write, or read): found in place, not in the file.
    bytes[100] = bytes[100]! ^ 0xff;
    assert.match((await verifyChecksums(dir, manifest, inPlace)) ?? "", new RegExp(`${file} fails its checksum`));
    assert.equal(await verifyChecksums(dir, manifest), null);
    bytes[100] = bytes[100]! ^ 0xff;
    // And a change to the file only: found by re-reading it.
    const flipped = readFileSync(join(dir, file));
    flipped[100] = flipped[100]! ^ 0xff;
    writeFileSync(join(dir, file), flipped);
    assert.match((await verifyChecksums(dir, manifest)) ?? "", /fails its checksum/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a loaded segment's arrays are a fast V8 object of the same shape as a built segment's", () => {
  // Gathered by name from the manifest, they had become a dictionary-mode object: every array
  // read in the query loops went through V8's generic property lookup (4.7% of query time).
  setFlagsFromString("--allow-natives-syntax");
  const fast = new Function("o", "return %HasFastProperties(o)") as (o: object) => boolean;
  const sameMap = new Function("a", "b", "return %HaveSameMap(a, b)") as (a: object, b: object) => boolean;
  const dir = tempDir();
  try {
    const { engine } = engineOf90(7);
    engine.segments.flush();
    const built = engine.segments.entries[0]!.seg.a;
    saveEngine(engine, dir, 0);
    const loaded = loadIndex(dir, engine.params);
    assert.ok(loaded.ok, loaded.ok ? "" : loaded.reason);
    for (const { seg } of loaded.segments) {
      assert.equal(fast(seg.a), true, `segment ${seg.name}: its arrays have dictionary properties`);
      assert.equal(sameMap(seg.a, built), true, `segment ${seg.name}: its arrays differ in shape from a built segment's`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
