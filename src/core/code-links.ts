/**
 * Finds links to code, models and project pages in an abstract or comment. Authors end sentences
 * right after a URL ("available at https://github.com/a/b."), wrap them in parentheses, and arXiv's
 * line breaks split them; so trailing punctuation and unbalanced closing brackets are trimmed.
 */
import type { CodeLink, CodeLinkKind } from "./paper.js";

const URL_RE = /\bhttps?:\/\/[^\s<>"'`{}|\\^]+|\b(?:github\.com|gitlab\.com|huggingface\.co)\/[^\s<>"'`{}|\\^]+/gi;
const TRAILING = /[.,;:!?*'"\u2019\u201d]+$/;

function trimUrl(raw: string): string {
  let url = raw;
  for (;;) {
    const before = url;
    url = url.replace(TRAILING, "");
    for (const [open, close] of [["(", ")"], ["[", "]"]] as const) {
      if (url.endsWith(close) && count(url, open) < count(url, close)) url = url.slice(0, -1);
    }
    if (url === before) break;
  }
  return url.replace(/\/+$/, "");
}

const count = (s: string, ch: string) => s.split(ch).length - 1;

function kindOf(url: URL): CodeLinkKind | null {
  const host = url.hostname.replace(/^www\./, "").toLowerCase();
  const parts = url.pathname.split("/").filter(Boolean);
  if (host === "github.com") return parts.length >= 2 ? "github" : null;
  if (host === "gitlab.com") return parts.length >= 2 ? "gitlab" : null;
  if (host === "huggingface.co" || host === "hf.co") return parts.length >= 1 ? "huggingface" : null;
  if (host.endsWith("github.io")) return "project";
  // Links back to arXiv, DOIs and licences are not code or project pages.
  if (/(^|\.)(arxiv\.org|doi\.org|creativecommons\.org|dx\.doi\.org)$/.test(host)) return null;
  return "project";
}

/** Code links in the order first seen, deduplicated (case-insensitive on host and path). */
export function extractCodeLinks(...texts: Array<string | null | undefined>): CodeLink[] {
  const seen = new Set<string>();
  const links: CodeLink[] = [];
  for (const text of texts) {
    if (!text) continue;
    // Undo arXiv's hard line wrapping inside URLs: "https://github.com/a/\nb" → one token.
    const joined = text.replace(/(https?:\/\/\S*[/\-_.])\s*\n\s*(?=\S)/g, "$1");
    for (const match of joined.matchAll(URL_RE)) {
      const trimmed = trimUrl(match[0]);
      const withScheme = /^https?:/i.test(trimmed) ? trimmed : `https://${trimmed}`;
      let url: URL;
      try {
        url = new URL(withScheme);
      } catch {
        continue;
      }
      const kind = kindOf(url);
      if (!kind) continue;
      if (kind !== "project") url.protocol = "https:";
      const normal = url.toString().replace(/\/+$/, "");
      const key = normal.toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      links.push({ kind, url: normal });
    }
  }
  return links;
}
