/**
 * Which GitHub repository a code link points at. Papers link to repositories in many shapes —
 * `https://github.com/Owner/Repo`, `…/Repo.git`, `…/Repo/tree/main/src`, `…/Repo/blob/…#L10`,
 * `www.github.com/…` — and GitHub's names are case-insensitive, so one repository is known by
 * one key: "owner/repo", lower-cased, without ".git". Links to GitHub's own pages (features,
 * topics, orgs, …) and to a user without a repository are no repository.
 */
import type { CodeLink } from "./paper.js";

/** First path segments that are GitHub's own pages, never a user or organisation. */
const NOT_OWNERS = new Set([
  "about", "apps", "collections", "contact", "customer-stories", "enterprise", "events", "explore",
  "features", "login", "join", "marketplace", "new", "notifications", "orgs", "organizations",
  "pricing", "pulls", "issues", "search", "security", "settings", "site", "sponsors", "topics",
  "trending", "users",
]);
// GitHub's rules: owners are letters, digits and single hyphens (≤ 39); repositories letters,
// digits, ".", "-" and "_" (≤ 100), never "." or "..".
const OWNER = /^[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){0,38}$/i;
const REPO = /^[a-z0-9._-]{1,100}$/i;

/** The repository key ("owner/repo", lower-case) of a GitHub URL; null when it names none. */
export function githubRepoOf(url: string): string | null {
  let u: URL;
  try {
    u = new URL(/^https?:\/\//i.test(url) ? url : `https://${url}`);
  } catch {
    return null;
  }
  if (!/^(www\.)?github\.com$/i.test(u.hostname)) return null;
  const [owner, rawRepo] = u.pathname.split("/").filter(Boolean);
  if (!owner || !rawRepo || NOT_OWNERS.has(owner.toLowerCase())) return null;
  const repo = rawRepo.replace(/\.git$/i, "");
  if (!OWNER.test(owner) || !REPO.test(repo) || repo === "." || repo === "..") return null;
  return `${owner}/${repo}`.toLowerCase();
}

/** The distinct repositories among a paper's GitHub links, in link order. */
export function githubReposOf(links: readonly CodeLink[]): string[] {
  const repos = new Set<string>();
  for (const link of links) {
    if (link.kind !== "github") continue;
    const repo = githubRepoOf(link.url);
    if (repo) repos.add(repo);
  }
  return [...repos];
}
