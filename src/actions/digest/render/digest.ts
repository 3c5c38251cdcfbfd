/**
 * A digest as mail: an HTML part (inline styles, no scripts or images, a dark-mode block for
 * clients that honour prefers-color-scheme) and a plain-text part with the same content.
 */
import { absUrl } from "../../../core/arxiv-id.js";
import type { Paper } from "../../../core/paper.js";
import type { DigestContent, DigestSection } from "../content.js";
import { paperUrl, type SubscriberLinks } from "../../subscriptions/links.js";
import { periodOfKey } from "../periods.js";
import { describeEvent } from "../../follow/event-text.js";
import { latexToText } from "../../../core/latex/text.js";
import { authorLine, clip, esc, htmlWithMath, wrap } from "./text-format.js";
import { mailFrame, type RenderedMail } from "./frame.js";

export interface DigestRenderInput {
  content: DigestContent;
  /** Papers by id; ids missing here (deleted since) are left out. */
  papers: Map<string, Paper>;
  links: SubscriberLinks;
  /** Public base URL of the site. */
  base: string;
  /**
   * Rendered papers to reuse: a paper looks the same in every subscriber's digest, so a sender
   * rendering thousands of digests renders each paper once. Keyed by id and version.
   */
  fragments?: Map<string, PaperFragments>;
}

export interface PaperFragments {
  html: string;
  text: string;
}

/** Most papers kept in a fragment cache before it starts over (bounds memory). */
const FRAGMENT_CACHE_SIZE = 20_000;

const ABSTRACT_CHARS = 320;

const TITLES = { trending: "Trending", followed: "Papers you follow", recommended: "For you" };
const titleOf = (s: DigestSection) => (s.kind === "alert" ? `Your alert: ${s.name}` : TITLES[s.kind]);
const noteOf = (s: DigestSection) =>
  s.kind === "trending"
    ? "Ranked by code links, cross-listing, venue and recency."
    : s.kind === "alert"
      ? `Query: ${s.query}${s.exclude.length ? ` · excluding ${s.exclude.join(", ")}` : ""}`
      : s.kind === "followed"
        ? "New versions, DOIs, journal references, code and withdrawals since your last digest."
        : "Picked from what you upvote, save and follow; tell For you what you are not interested in on the site.";

function paperHtml(p: Paper, base: string): string {
  const code = p.codeLinks[0];
  const links = [
    `<a href="${esc(absUrl(p.id))}" style="color:#1a56b8">arXiv</a>`,
    `<a href="${esc(`https://arxiv.org/pdf/${p.id}`)}" style="color:#1a56b8">PDF</a>`,
    code ? `<a href="${esc(code.url)}" style="color:#1a56b8">Code</a>` : "",
  ].filter(Boolean);
  return `<div class="pf-paper" style="margin:0 0 20px 0">
<a href="${esc(paperUrl(base, p.id))}" class="pf-title" style="font-size:17px;font-weight:600;color:#111111;text-decoration:none;line-height:1.35">${htmlWithMath(latexToText(p.title))}</a>
<div class="pf-meta" style="font-size:13px;color:#555555;margin:4px 0">${esc(authorLine(p.authors.map((a) => a.name)))} · ${esc(p.primaryCategory)} · ${esc(p.id)}</div>
<div style="font-size:14px;line-height:1.5">${htmlWithMath(clip(latexToText(p.abstract), ABSTRACT_CHARS))}</div>
<div style="font-size:13px;margin-top:4px">${links.join(" · ")}</div>
</div>`;
}

function paperText(p: Paper, base: string): string {
  return [
    wrap(`* ${latexToText(p.title)}`),
    wrap(`${authorLine(p.authors.map((a) => a.name))} · ${p.primaryCategory} · ${p.id}`, 76, "  "),
    wrap(clip(latexToText(p.abstract), ABSTRACT_CHARS), 76, "  "),
    `  ${paperUrl(base, p.id)}`,
    ...(p.codeLinks[0] ? [`  code: ${p.codeLinks[0].url}`] : []),
  ].join("\n");
}

function fragmentsOf(p: Paper, base: string, cache: Map<string, PaperFragments> | undefined): PaperFragments {
  const key = `${p.id}v${p.version}`;
  let fragments = cache?.get(key);
  if (!fragments) {
    fragments = { html: paperHtml(p, base), text: paperText(p, base) };
    if (cache && cache.size >= FRAGMENT_CACHE_SIZE) cache.clear();
    cache?.set(key, fragments);
  }
  return fragments;
}

/** A paper section's body: the papers, or for followed papers each title with its events. */
function sectionBody(s: DigestSection, list: Paper[], input: DigestRenderInput, format: "html" | "text"): string {
  if (s.kind !== "followed") return list.map((p) => fragmentsOf(p, input.base, input.fragments)[format]).join(format === "html" ? "\n" : "\n\n");
  return list
    .map((p) => {
      const events = s.events.filter((e) => e.paperId === p.id).map(describeEvent);
      const url = paperUrl(input.base, p.id);
      if (format === "text") return [wrap(`* ${latexToText(p.title)}`), ...events.map((e) => `  - ${e.text}${e.href ? ` <${e.href}>` : ""}`), `  ${url}`].join("\n");
      const items = events
        .map((e) => `<li>${e.href ? `<a href="${esc(e.href)}" style="color:#1a56b8">${esc(e.label)}</a>` : esc(e.label)}${esc(e.suffix)}</li>`)
        .join("");
      return `<div class="pf-paper" style="margin:0 0 16px 0">
<a href="${esc(url)}" class="pf-title" style="font-size:16px;font-weight:600;color:#111111;text-decoration:none;line-height:1.35">${htmlWithMath(latexToText(p.title))}</a>
<ul style="font-size:14px;line-height:1.5;margin:4px 0 0 0;padding-left:20px">${items}</ul>
</div>`;
    })
    .join(format === "html" ? "\n" : "\n\n");
}

export function renderDigest(input: DigestRenderInput): RenderedMail {
  const { content, papers, links } = input;
  const period = periodOfKey(content.period);
  const sections = content.sections
    .map((s) => ({
      s,
      list: s.paperIds.map((id) => papers.get(id)).filter((p): p is Paper => p !== undefined),
    }))
    .filter(({ list }) => list.length > 0);
  const count = sections.reduce((n, { s, list }) => n + (s.kind === "followed" ? 0 : list.length), 0);
  const when = period.cadence === "daily" ? period.label : `your weekly digest, ${period.label}`;
  const subject = count > 0 ? `${count} new paper${count === 1 ? "" : "s"} · ${when}` : `Updates to papers you follow · ${when}`;

  const htmlBody = sections
    .map(({ s, list }) => {
      const feed =
        s.kind === "alert"
          ? ` · <a href="${esc(links.savedSearchFeed(s.searchId))}" style="color:#1a56b8">feed</a>`
          : "";
      return `<h2 style="font-size:15px;text-transform:uppercase;letter-spacing:0.04em;color:#555555;margin:28px 0 4px 0" class="pf-meta">${esc(titleOf(s))}</h2>
<div style="font-size:12px;color:#666666;margin:0 0 14px 0" class="pf-meta">${esc(noteOf(s))}${feed}</div>
${sectionBody(s, list, input, "html")}`;
    })
    .join("\n");
  const textBody = sections
    .map(
      ({ s, list }) =>
        `== ${titleOf(s)} ==\n${noteOf(s)}\n${s.kind === "alert" ? `feed: ${links.savedSearchFeed(s.searchId)}\n` : ""}\n${sectionBody(s, list, input, "text")}`,
    )
    .join("\n\n");

  return mailFrame({
    subject,
    heading: `paperfeed · ${period.label}`,
    htmlBody,
    textBody,
    links,
    why: `You get this ${period.cadence} digest because you subscribed on paperfeed. Each paper is shown to you once.`,
  });
}
