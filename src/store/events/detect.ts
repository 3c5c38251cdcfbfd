/**
 * Which events a stored paper's replacement brings (see ../event-types.ts). Pure, and called only
 * when the upsert rule has decided to replace a stored paper with a same-or-newer version, so a
 * first insert or an unchanged re-import never pays for it.
 */
import type { Paper } from "../../core/paper.js";
import type { DetectedEvent } from "../event-types.js";

/**
 * arXiv's withdrawal notices: "This paper has been withdrawn by the author(s)", "withdrawn due
 * to …", "Paper withdrawn". A withdrawn version replaces the source with a notice, so arXiv lists
 * it at 0–1 kb; either sign is enough.
 */
const WITHDRAWN_COMMENT = /\bwithdrawn\b/i;
const WITHDRAWN_SIZE = /^\s*[01]\s*kb\s*$/i;

export function isWithdrawn(paper: Paper): boolean {
  const latest = paper.versions.find((v) => v.version === paper.version);
  return WITHDRAWN_COMMENT.test(paper.comments ?? "") || WITHDRAWN_SIZE.test(latest?.size ?? "");
}

const dateOfVersion = (paper: Paper, version: number) => paper.versions.find((v) => v.version === version)?.date ?? null;
const same = (a: string | null, b: string | null) => (a ?? "").trim().toLowerCase() === (b ?? "").trim().toLowerCase();

export function detectEvents(stored: Paper, next: Paper): DetectedEvent[] {
  const events: DetectedEvent[] = [];
  // A change that arrives with a new version dates from that version; otherwise from when it is seen.
  const changeDate = next.version > stored.version ? dateOfVersion(next, next.version) : null;
  for (let v = stored.version + 1; v <= next.version; v++) {
    // Versions skipped over (v1 stored, v3 arrives) are events too, when the record lists them.
    const date = dateOfVersion(next, v);
    if (v === next.version || date) events.push({ kind: "version", detail: `v${v}`, date });
  }
  if (next.doi && !same(next.doi, stored.doi)) events.push({ kind: "doi", detail: next.doi.trim(), date: changeDate });
  if (next.journalRef && !same(next.journalRef, stored.journalRef)) {
    events.push({ kind: "journal_ref", detail: next.journalRef.trim(), date: changeDate });
  }
  const known = new Set(stored.codeLinks.map((l) => l.url.toLowerCase()));
  for (const link of next.codeLinks) {
    if (!known.has(link.url.toLowerCase())) events.push({ kind: "code", detail: link.url, date: changeDate });
  }
  if (isWithdrawn(next) && !isWithdrawn(stored)) events.push({ kind: "withdrawn", detail: `v${next.version}`, date: changeDate });
  return events;
}
