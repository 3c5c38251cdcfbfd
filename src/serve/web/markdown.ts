/**
 * Comment Markdown to safe HTML: `marked` renders, `sanitize-html` keeps only text formatting,
 * lists, quotes, code and http(s)/mailto links (marked nofollow ugc, opened without a referrer
 * handle). Raw HTML in a comment is dropped, scripts and styles with their content; images and
 * headings are not offered in comments.
 */
import { Marked } from "marked";
import sanitizeHtml from "sanitize-html";

const marked = new Marked({ gfm: true, breaks: true, async: false });

const POLICY: sanitizeHtml.IOptions = {
  allowedTags: ["p", "br", "em", "strong", "del", "code", "pre", "blockquote", "ul", "ol", "li", "a", "hr"],
  allowedAttributes: { a: ["href", "rel"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
  transformTags: { a: sanitizeHtml.simpleTransform("a", { rel: "nofollow ugc noopener noreferrer" }) },
};

export function renderCommentMarkdown(source: string): string {
  return sanitizeHtml(marked.parse(source) as string, POLICY);
}
