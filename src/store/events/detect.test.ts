/** Which changes count as events, and which do not (the store contract covers storing them). */
import assert from "node:assert/strict";
import { test } from "node:test";
import type { Paper } from "../../core/paper.js";
import { paperLike } from "../../../test/store/fixture-papers.js";
import { detectEvents, isWithdrawn } from "./detect.js";

const base: Paper = paperLike(0, {
  version: 1, versions: [{ version: 1, date: "2026-01-05T10:00:00.000Z", size: "120kb" }],
  comments: "12 pages", doi: "10.1/A", journalRef: null, codeLinks: [{ kind: "github", url: "https://github.com/a/b" }],
});

test("withdrawal notices in the comments or a version of 0–1 kb", () => {
  for (const comments of ["This paper has been withdrawn by the author(s)", "Paper withdrawn due to a crucial error", "WITHDRAWN"]) {
    assert.equal(isWithdrawn({ ...base, comments }), true, comments);
  }
  assert.equal(isWithdrawn({ ...base, versions: [{ version: 1, date: base.versions[0]!.date, size: "1kb" }] }), true);
  assert.equal(isWithdrawn({ ...base, versions: [{ version: 1, date: base.versions[0]!.date, size: "11kb" }] }), false);
  assert.equal(isWithdrawn({ ...base, comments: "we withdraw the claim of v1" }), false);
  assert.equal(isWithdrawn(base), false);
});

test("changes that are no event: the same DOI in other case, known code links, metadata edits", () => {
  assert.deepEqual(detectEvents(base, { ...base, doi: "10.1/a", title: "A new title", codeLinks: [{ kind: "github", url: "https://GitHub.com/a/b" }] }), []);
  assert.deepEqual(detectEvents(base, { ...base, doi: null }), [], "a DOI dropped by a source is no event");
  assert.deepEqual(detectEvents({ ...base, comments: "withdrawn" }, { ...base, comments: "withdrawn, see v2" }), [], "withdrawn once");
});

test("skipped versions are events when the record dates them; the newest always", () => {
  const v3 = { ...base, version: 3, versions: [...base.versions, { version: 3, date: "2026-03-01T00:00:00.000Z" }] };
  assert.deepEqual(detectEvents(base, v3), [{ kind: "version", detail: "v3", date: "2026-03-01T00:00:00.000Z" }]);
  assert.deepEqual(detectEvents(base, { ...base, version: 2, versions: [] }), [{ kind: "version", detail: "v2", date: null }], "undated: when seen");
});
