/**
 * Comment Markdown to safe HTML: `marked` renders, `sanitize-html` keeps only text formatting,
 * lists, quotes, code and http(s)/mailto links (marked nofollow ugc, opened without a referrer
 * handle). Raw HTML in a comment is dropped, scripts and styles with their content; images and
 * headings are not offered in comments. Math (`$…$`, `$$…$$`, `\(…\)`, `\[…\]`) is taken out before
 * Markdown sees it, so its backslashes and underscores survive, and comes back typeset by KaTeX
 * (math.ts, `trust: false`) or, when KaTeX rejects it, as its escaped source.
 */
import { Marked } from "marked";
import sanitizeHtml from "sanitize-html";
import { splitMath } from "./math.js";

const marked = new Marked({ gfm: true, breaks: true, async: false });

const POLICY: sanitizeHtml.IOptions = {
  allowedTags: ["p", "br", "em", "strong", "del", "code", "pre", "blockquote", "ul", "ol", "li", "a", "hr"],
  allowedAttributes: { a: ["href", "rel"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
  transformTags: { a: sanitizeHtml.simpleTransform("a", { rel: "nofollow ugc noopener noreferrer" }) },
};

/** Letters and digits only, so neither Markdown nor the sanitizer changes it. */
const placeholder = (i: number) => `PFMATH${i}Z`;
const PLACEHOLDER_RE = /PFMATH(\d+)Z/g;

export function renderCommentMarkdown(source: string): string {
  const formulas: string[] = [];
  const text = splitMath(source)
    .map((part) => {
      if (part.kind === "text") return part.text;
      formulas.push(part.html ?? sanitizeHtml(part.source, { allowedTags: [], allowedAttributes: {} }));
      return placeholder(formulas.length - 1);
    })
    .join("");
  const html = sanitizeHtml(marked.parse(text) as string, POLICY);
  return html.replace(PLACEHOLDER_RE, (whole, i: string) => formulas[Number(i)] ?? whole);
}

/** True when a comment has math, so its page needs KaTeX's stylesheet. */
export const commentHasMath = (source: string) => splitMath(source).some((part) => part.kind === "math");
