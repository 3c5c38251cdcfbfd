/**
 * How a paper event reads, the same on the paper page, the Following page, the feed and in mail:
 * "v3 on 2026-03-02", "DOI added: 10.1/x · 2026-03-02", "Code: github.com/a/b · …", "Withdrawn (v4) on …".
 */
import type { PaperEvent } from "../../store/event-types.js";

export interface EventText {
  /** "YYYY-MM-DD" of the event. */
  day: string;
  /** "v3", "DOI added: 10.1/x", "Code: github.com/a/b", "Withdrawn (v4)". */
  label: string;
  /** A link for the label (the DOI, the code), when there is one. */
  href: string | null;
  /** What follows the label: " on 2026-03-02" or " · 2026-03-02". */
  suffix: string;
  /** label + suffix. */
  text: string;
}

const withoutScheme = (url: string) => url.replace(/^https?:\/\//i, "");

function labelOf(e: Pick<PaperEvent, "kind" | "detail">): { label: string; href: string | null; on: boolean } {
  switch (e.kind) {
    case "version":
      return { label: e.detail, href: null, on: true };
    case "doi":
      return { label: `DOI added: ${e.detail}`, href: `https://doi.org/${e.detail}`, on: false };
    case "journal_ref":
      return { label: `Journal reference added: ${e.detail}`, href: null, on: false };
    case "code":
      return { label: `Code: ${withoutScheme(e.detail)}`, href: e.detail, on: false };
    case "withdrawn":
      return { label: `Withdrawn (${e.detail})`, href: null, on: true };
  }
}

export function describeEvent(e: Pick<PaperEvent, "kind" | "detail" | "date">): EventText {
  const day = e.date.slice(0, 10);
  const { label, href, on } = labelOf(e);
  const suffix = on ? ` on ${day}` : ` · ${day}`;
  return { day, label, href, suffix, text: `${label}${suffix}` };
}
