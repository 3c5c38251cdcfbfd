/**
 * Paper text as HTML: LaTeX math typeset by KaTeX, text LaTeX (`\emph`, `\%`, accents, …) as
 * styled text (latex-text.ts), matched words in <mark>, everything else escaped by JSX. Input arrives as segments (the search engine's highlight/snippet output) so
 * marks and math can be merged: math is found in the joined text, and marks apply only to the
 * plain parts, because a <mark> inside a formula would break it.
 */
import { raw } from "hono/html";
import { escapeToBuffer } from "hono/utils/html";
import { ELLIPSIS, type Segment } from "../../../search/index.js";
import { chars } from "./html-string.js";
import { splitMath } from "../math.js";
import { type TextRun, textRuns } from "../../../core/latex/text.js";

export type { Segment };

interface Range {
  start: number;
  end: number;
}

function matchRanges(segments: readonly Segment[]): Range[] {
  const ranges: Range[] = [];
  let offset = 0;
  for (const seg of segments) {
    if (seg.match) ranges.push({ start: offset, end: offset + seg.text.length });
    offset += seg.text.length;
  }
  return ranges;
}

/** Plain text from `start`, with the parts that fall in `ranges` marked. */
function Marked({ text, start, ranges }: { text: string; start: number; ranges: Range[] }) {
  const end = start + text.length;
  const out: unknown[] = [];
  let cursor = start;
  for (const r of ranges) {
    const from = Math.max(r.start, cursor);
    const to = Math.min(r.end, end);
    if (to <= from) continue;
    if (from > cursor) out.push(text.slice(cursor - start, from - start));
    out.push(<mark>{text.slice(from - start, to - start)}</mark>);
    cursor = to;
  }
  if (cursor < end) out.push(text.slice(cursor - start));
  return <>{out}</>;
}

const overlaps = (ranges: Range[], start: number, end: number) => ranges.some((r) => r.start < end && r.end > start);

const STYLE_TAG = { i: "i", b: "b", tt: "code", u: "u", sc: "span" } as const;

/** One run of text LaTeX: marked (a verbatim run word by word, a replaced one whole), styled, maybe a link. */
function Run({ run, base, ranges, links }: { run: TextRun; base: number; ranges: Range[]; links: boolean }) {
  const start = base + run.start;
  let out: unknown = run.verbatim ? (
    <Marked text={run.text} start={start} ranges={ranges} />
  ) : overlaps(ranges, start, base + run.end) ? (
    <mark>{run.text}</mark>
  ) : (
    run.text
  );
  for (const style of run.styles) {
    const Tag = STYLE_TAG[style];
    out = <Tag class={style === "sc" ? "small-caps" : undefined}>{out as never}</Tag>;
  }
  if (run.href && links) out = <a href={run.href} rel="nofollow ugc noopener">{out as never}</a>;
  return <>{out as never}</>;
}

/**
 * Text where splitMath and textRuns would find nothing to do: no backslash, brace, tilde or dollar,
 * no "--", "``" or "''". Most titles and abstracts are such text.
 */
const MARKUP = /[\\{}~$]|--|``|''/;

/**
 * Plain text with its matches in <mark>, escaped, as one string. A result page's titles and
 * excerpts are mostly plain: made as JSX, each piece and mark was a node to build and walk, a
 * tenth of a search page's server time at 1M papers.
 */
function markedHtml(segments: readonly Segment[]): string {
  const out: [string] = [""];
  for (const seg of segments) {
    if (!seg.text) continue;
    // The "…" where an excerpt is cut (a segment of its own), as a reference: written as itself it
    // was the one character above U+00FF in most search cards, each of which then had to be
    // rewritten whole into a one-byte string (src/serve/latin1.ts).
    if (seg.text === ELLIPSIS) {
      out[0] += chars.hellip;
      continue;
    }
    if (seg.match) out[0] += "<mark>";
    escapeToBuffer(seg.text, out);
    if (seg.match) out[0] += "</mark>";
  }
  return out[0];
}

/** `links` false where the text already sits inside a link (a card's title). */
export function RichText({ text, segments, links = true }: { text?: string; segments?: readonly Segment[]; links?: boolean }) {
  const segs = segments ?? [{ text: text ?? "", match: false }];
  const full = segs.map((s) => s.text).join("");
  if (!MARKUP.test(full)) return raw(markedHtml(segs));
  return <TextWithMarkup full={full} segs={segs} links={links} />;
}

/** The general case: math typeset, text LaTeX styled, marks kept on the words they cover. Exported for tests. */
export function TextWithMarkup({ full, segs, links }: { full: string; segs: readonly Segment[]; links: boolean }) {
  const ranges = matchRanges(segs);
  let offset = 0;
  return (
    <>
      {splitMath(full).map((part) => {
        const start = offset;
        if (part.kind === "text") {
          offset += part.text.length;
          return textRuns(part.text).map((run) => <Run run={run} base={start} ranges={ranges} links={links} />);
        }
        offset += part.source.length;
        if (part.html === null) return part.source;
        return <span class={part.display ? "math math-display" : "math"}>{raw(part.html)}</span>;
      })}
    </>
  );
}
