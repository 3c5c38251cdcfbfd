/**
 * Code, model and project links with icons: compact (icons only) in lists, labelled on paper
 * pages. A GitHub repository with a known count shows "★ 1.2k" beside its link; the exact count
 * and the repository's name are in the link's accessible label.
 */
import type { CodeLink } from "../../../core/paper.js";
import { type RepoStars, type StarCount, formatStars, starsOf } from "../present/stars.js";
import { CODE_LABEL, CodeIcon } from "./icons.js";
import { chars } from "./html-string.js";

/** ", 1,234 stars" for screen readers and the tooltip. */
const starsLabel = (count: StarCount | undefined) => (count ? `, ${count.stars.toLocaleString("en-US")} ${count.stars === 1 ? "star" : "stars"}` : "");

/** The visible count; hidden from screen readers, which read the label instead. */
const StarBadge = ({ count }: { count: StarCount | undefined }) =>
  count ? (
    <span class="code-stars" aria-hidden="true">
      {chars.star} {formatStars(count.stars)}
    </span>
  ) : null;

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

export function CodeIcons({ links, stars }: { links: CodeLink[]; stars?: RepoStars | undefined }) {
  if (links.length === 0) return null;
  return (
    <span class="code-links">
      {links.slice(0, 4).map((link) => {
        const count = starsOf(link, stars);
        return (
          <a class={`code-link code-${link.kind}`} href={link.url} rel="noopener nofollow" title={`${link.url}${starsLabel(count)}`}>
            <CodeIcon kind={link.kind} />
            <span class="visually-hidden">
              {CODE_LABEL[link.kind]}: {count?.name ?? shortUrl(link.url)}
              {starsLabel(count)}
            </span>
            <StarBadge count={count} />
          </a>
        );
      })}
    </span>
  );
}

export function CodeLinkList({ links, stars }: { links: CodeLink[]; stars?: RepoStars | undefined }) {
  return (
    <ul class="code-link-list">
      {links.map((link) => {
        const count = starsOf(link, stars);
        return (
          <li>
            <a class={`code-link code-${link.kind}`} href={link.url} rel="noopener nofollow">
              <CodeIcon kind={link.kind} />
              <span class="code-kind">{CODE_LABEL[link.kind]}</span>{" "}
              <span class="code-url">{shortUrl(link.url)}</span>
              {count && <span class="visually-hidden">{starsLabel(count)}</span>}
              <StarBadge count={count} />
            </a>
          </li>
        );
      })}
    </ul>
  );
}
