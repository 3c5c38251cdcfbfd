/** Code, model and project links with icons: compact (icons only) in lists, labelled on paper pages. */
import type { CodeLink } from "../../../core/paper.js";
import { CODE_LABEL, CodeIcon } from "./icons.js";

/** "owner/repo" for forges, the host and path otherwise. */
export function shortUrl(url: string): string {
  try {
    const u = new URL(url);
    const path = u.pathname.replace(/\/+$/, "");
    if (/(^|\.)(github\.com|gitlab\.com|huggingface\.co)$/.test(u.hostname))
      return path.slice(1) || u.hostname;
    return `${u.hostname.replace(/^www\./, "")}${path}`;
  } catch {
    return url;
  }
}

export function CodeIcons({ links }: { links: CodeLink[] }) {
  if (links.length === 0) return null;
  return (
    <span class="code-links">
      {links.slice(0, 4).map((link) => (
        <a class={`code-link code-${link.kind}`} href={link.url} rel="noopener nofollow" title={link.url}>
          <CodeIcon kind={link.kind} />
          <span class="visually-hidden">
            {CODE_LABEL[link.kind]}: {shortUrl(link.url)}
          </span>
        </a>
      ))}
    </span>
  );
}

export function CodeLinkList({ links }: { links: CodeLink[] }) {
  return (
    <ul class="code-link-list">
      {links.map((link) => (
        <li>
          <a class={`code-link code-${link.kind}`} href={link.url} rel="noopener nofollow">
            <CodeIcon kind={link.kind} />
            <span class="code-kind">{CODE_LABEL[link.kind]}</span>{" "}
            <span class="code-url">{shortUrl(link.url)}</span>
          </a>
        </li>
      ))}
    </ul>
  );
}
