/**
 * Finds LaTeX math in titles and abstracts and renders it on the server with KaTeX, so pages show
 * typeset formulas without client JavaScript. arXiv text is untrusted: KaTeX runs with
 * `trust: false` (no \href, \htmlClass, …) and bounded macro expansion, and any formula KaTeX
 * rejects is shown as its source text (escaped by the caller), never as an error.
 */
import katex from "katex";
import { GREEK, latexTextToPlain } from "../../core/latex/text.js";
import { TtlCache } from "../../core/ttl-cache.js";

export type TextPart =
  { kind: "text"; text: string } | { kind: "math"; source: string; display: boolean; html: string | null };

// $$…$$ and \[…\] display; $…$ and \(…\) inline. A `$` preceded by a backslash is a literal dollar.
const MATH_RE = /\$\$([^$]+?)\$\$|(?<!\\)\$((?:\\\$|[^$])+?)(?<!\\)\$|\\\[([\s\S]+?)\\\]|\\\(([\s\S]+?)\\\)/g;

/** Cheap test so pages without math do not load the KaTeX stylesheet. */
export const hasMath = (text: string): boolean => splitMath(text).some((part) => part.kind === "math");

/** Splits text into plain and math parts; math parts carry KaTeX HTML, or null when it failed. */
export function splitMath(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const m of text.matchAll(MATH_RE)) {
    const source = m[1] ?? m[2] ?? m[3] ?? m[4] ?? "";
    // "$5 and $10" is prose, not math: an inline span must not start or end with a space.
    if (m[2] !== undefined && (/^\s/.test(source) || /\s$/.test(source))) continue;
    if (m.index > last) parts.push({ kind: "text", text: text.slice(last, m.index) });
    const display = m[1] !== undefined || m[3] !== undefined;
    parts.push({ kind: "math", source: m[0], display, html: renderTex(source, display) });
    last = m.index + m[0].length;
  }
  if (last < text.length) parts.push({ kind: "text", text: text.slice(last) });
  return parts;
}

/** Rendered formulas by source; arXiv reuses the same few thousand symbols endlessly. */
const cache = new TtlCache<string, string | null>(5000);

/**
 * KaTeX marks commands it will not run (\href, \htmlClass, … without trust) in `errorColor`
 * instead of throwing; this unusual colour lets us spot that and fall back to the source.
 */
const REFUSED_COLOR = "#fe0102";

/** KaTeX HTML+MathML for one formula, or null when KaTeX cannot or will not render it. */
export function renderTex(tex: string, display: boolean): string | null {
  const key = `${display ? "D" : "I"}${tex}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  let html: string | null;
  try {
    html = katex.renderToString(tex, {
      displayMode: display,
      throwOnError: true,
      trust: false,
      strict: "ignore",
      maxExpand: 200,
      maxSize: 10,
      output: "htmlAndMathml",
      errorColor: REFUSED_COLOR,
    });
    if (html.includes(REFUSED_COLOR)) html = null;
  } catch {
    html = null;
  }
  cache.set(key, html, Infinity);
  return html;
}

/**
 * Text for places that cannot hold markup (<title>, meta tags): "$\beta$-ensembles" →
 * "β-ensembles", "\emph{fast}" → "fast".
 */
export function plainText(text: string): string {
  return splitMath(text)
    .map((part) => {
      if (part.kind === "text") return latexTextToPlain(part.text);
      return part.source
        .replace(/^\$\$|\$\$$|^\$|\$$|^\\[([]|\\[)\]]$/g, "")
        .replace(/\\([A-Za-z]+)/g, (_, name: string) => GREEK[name] ?? "")
        .replace(/\\([%&_#$,;! {}])/g, (_, char: string) => (/[,;! ]/.test(char) ? " " : /[{}]/.test(char) ? "" : char))
        .replace(/[{}^_]/g, "")
        .replace(/\s+/g, " ")
        .trim();
    })
    .join("");
}
