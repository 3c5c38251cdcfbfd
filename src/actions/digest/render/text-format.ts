/**
 * Small text helpers for mail. Math stays as its LaTeX source (readable in any client, and
 * copy-pastable); in HTML it is set in a monospace span so it stands apart from the prose.
 */
const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};
export const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

const MATH = /\$\$[^$]+?\$\$|(?<!\\)\$(?:\\\$|[^$])+?(?<!\\)\$|\\\([\s\S]+?\\\)/g;

/** HTML-escaped text with LaTeX spans in monospace. */
export function htmlWithMath(text: string): string {
  let out = "";
  let last = 0;
  for (const m of text.matchAll(MATH)) {
    out +=
      esc(text.slice(last, m.index)) +
      `<span style="font-family:Menlo,Consolas,monospace;font-size:0.92em">${esc(m[0])}</span>`;
    last = m.index + m[0].length;
  }
  return out + esc(text.slice(last));
}

/** At most `max` characters, cut at a word boundary, with an ellipsis when cut. */
export function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), max * 0.6)).trimEnd()}…`;
}

/** "A. Smith, B. Jones, C. Doe et al." — the first three names. */
export function authorLine(names: readonly string[]): string {
  return names.length <= 3 ? names.join(", ") : `${names.slice(0, 3).join(", ")} et al.`;
}

/** Wraps plain text at `width` columns (URLs are never broken). */
export function wrap(text: string, width = 76, indent = ""): string {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width - indent.length) {
      lines.push(indent + line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(indent + line);
  return lines.join("\n");
}
