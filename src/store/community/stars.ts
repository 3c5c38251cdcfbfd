/**
 * GitHub repositories, their star history and the papers linking to them (star-types.ts). A
 * check writes the repository's row, that day's history row and, in the same transaction, the
 * linked papers' star activity, so trending never reads a count without its history.
 */
import { PaperfeedError } from "../../core/errors.js";
import { STAR_WINDOW_DAYS, type GithubRepo, type RepoCheck, type RepoStatus, type StarHistoryRow } from "../star-types.js";
import { CollectionsPart } from "./collections.js";
import { type Row, type Sql, placeholders } from "./sql.js";

const DAY_MS = 86_400_000;
const PAUSE = "rate_limit_reset";
/** The row a paper's activity gets when stars are its first activity: no community activity yet. */
const NEVER = "1970-01-01T00:00:00.000Z";

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
const str = (v: unknown) => (v === null || v === undefined ? null : String(v));

const repoOf = (r: Row): GithubRepo => ({
  repo: String(r.repo),
  fullName: str(r.full_name),
  status: str(r.status) as RepoStatus | null,
  stars: num(r.stars),
  etag: str(r.etag),
  checkedAt: str(r.checked_at),
});

function validRepo(repo: string): string {
  const key = String(repo ?? "").toLowerCase();
  if (!/^[a-z0-9-]{1,39}\/[a-z0-9._-]{1,100}$/.test(key))
    throw new PaperfeedError("store", "invalid_repo", `"${repo}" is not a GitHub repository (owner/name)`);
  return key;
}

function validTime(at: string): string {
  if (Number.isNaN(Date.parse(at))) throw new PaperfeedError("store", "invalid_time", `"${at}" is not an ISO-8601 time`);
  return new Date(at).toISOString();
}

/**
 * Brings the star activity of `paperIds` up to date from the history: per paper, of its
 * repositories the one gaining most per day over the last STAR_WINDOW_DAYS days; `stars` is its
 * latest observation and `prev_stars` its earliest in the window, so rank/community-parts.ts's
 * `starsPerDay` reads the window's velocity. A paper becomes "active" (trending candidate) only
 * when its count grew.
 */
async function refreshPaperStars(tx: Sql, paperIds: readonly string[], at: string): Promise<void> {
  if (paperIds.length === 0) return;
  const since = new Date(Date.parse(at) - STAR_WINDOW_DAYS * DAY_MS).toISOString().slice(0, 10);
  const rows = await tx.all(
    `SELECT p.paper_id, h.repo, h.stars, h.observed_at FROM paper_repos p JOIN star_history h ON h.repo = p.repo
     WHERE p.paper_id IN (${placeholders(paperIds.length)}) AND h.day >= ? ORDER BY p.paper_id, h.repo, h.day`,
    [...paperIds, since],
  );
  type Span = { first: { stars: number; at: string }; last: { stars: number; at: string } };
  const spans = new Map<string, Map<string, Span>>();
  for (const r of rows) {
    const paper = String(r.paper_id);
    const point = { stars: Number(r.stars), at: String(r.observed_at) };
    const repos = spans.get(paper) ?? new Map<string, Span>();
    spans.set(paper, repos);
    const span = repos.get(String(r.repo));
    if (span) span.last = point;
    else repos.set(String(r.repo), { first: point, last: point });
  }
  const perDay = (s: Span) => {
    const days = (Date.parse(s.last.at) - Date.parse(s.first.at)) / DAY_MS;
    return days > 0 ? (s.last.stars - s.first.stars) / days : -Infinity;
  };
  for (const [paperId, repos] of spans) {
    const best = [...repos.values()].sort((a, b) => perDay(b) - perDay(a) || b.last.stars - a.last.stars)[0]!;
    const known = best.first.at !== best.last.at;
    await tx.run("INSERT INTO paper_activity (paper_id, heat_at, last_activity_at) VALUES (?, ?, ?) ON CONFLICT (paper_id) DO NOTHING", [paperId, at, NEVER]);
    await tx.run(
      `UPDATE paper_activity SET
         last_activity_at = CASE WHEN stars IS NOT NULL AND ? > stars AND last_activity_at < ? THEN ? ELSE last_activity_at END,
         stars = ?, stars_at = ?, prev_stars = ?, prev_stars_at = ?
       WHERE paper_id = ?`,
      [best.last.stars, at, at, best.last.stars, best.last.at, known ? best.first.stars : null, known ? best.first.at : null, paperId],
    );
  }
}

export class StarsPart extends CollectionsPart {
  async linkPaperRepos(links: ReadonlyArray<{ paperId: string; repos: readonly string[] }>) {
    const clean = links.map((l) => ({ paperId: String(l.paperId), repos: [...new Set(l.repos.map(validRepo))] }));
    if (clean.length === 0) return;
    await this.db.transaction(async (tx) => {
      for (const { paperId, repos } of clean) {
        const current = new Set((await tx.all("SELECT repo FROM paper_repos WHERE paper_id = ?", [paperId])).map((r) => String(r.repo)));
        for (const repo of repos) {
          if (current.delete(repo)) continue;
          await tx.run("INSERT INTO github_repos (repo) VALUES (?) ON CONFLICT (repo) DO NOTHING", [repo]);
          await tx.run("INSERT INTO paper_repos (paper_id, repo) VALUES (?, ?)", [paperId, repo]);
        }
        for (const stale of current) await tx.run("DELETE FROM paper_repos WHERE paper_id = ? AND repo = ?", [paperId, stale]);
      }
    });
  }

  async repoStates(repos: readonly string[]) {
    const keys = [...new Set(repos.map((r) => String(r).toLowerCase()))];
    const rows = keys.length ? await this.db.all(`SELECT * FROM github_repos WHERE repo IN (${placeholders(keys.length)})`, keys) : [];
    return new Map(rows.map((r) => [String(r.repo), repoOf(r)]));
  }

  async staleRepos(before: string, limit: number) {
    const rows = await this.db.all(
      `SELECT repo FROM github_repos WHERE (status IS NULL OR status = 'ok') AND (checked_at IS NULL OR checked_at < ?)
       ORDER BY CASE WHEN checked_at IS NULL THEN 0 ELSE 1 END, checked_at, repo LIMIT ?`,
      [validTime(before), Math.max(0, Math.min(100_000, Math.floor(limit)))],
    );
    return rows.map((r) => String(r.repo));
  }

  async recordRepoCheck(repo: string, check: RepoCheck, at: string) {
    const key = validRepo(repo);
    const when = validTime(at);
    if (check.kind === "ok" && !(Number.isInteger(check.stars) && check.stars >= 0))
      throw new PaperfeedError("store", "invalid_stars", `stars of ${key} must be a whole number ≥ 0, got ${check.stars}`);
    await this.db.transaction(async (tx) => {
      await tx.run("INSERT INTO github_repos (repo) VALUES (?) ON CONFLICT (repo) DO NOTHING", [key]);
      if (check.kind === "ok") {
        await tx.run("UPDATE github_repos SET status = 'ok', full_name = ?, stars = ?, etag = ?, checked_at = ? WHERE repo = ?", [check.fullName, check.stars, check.etag, when, key]);
      } else if (check.kind === "not_modified") {
        await tx.run("UPDATE github_repos SET status = 'ok', checked_at = ? WHERE repo = ?", [when, key]);
      } else {
        // The last count and history stay: they were true when seen. Without a new check nothing is written for the papers.
        await tx.run("UPDATE github_repos SET status = ?, etag = NULL, checked_at = ? WHERE repo = ?", [check.kind, when, key]);
        return;
      }
      const row = (await tx.get("SELECT stars FROM github_repos WHERE repo = ?", [key]))!;
      if (row.stars === null || row.stars === undefined) return; // a 304 for a count never stored (lost ETag state): nothing to record
      await tx.run(
        `INSERT INTO star_history (repo, day, stars, observed_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (repo, day) DO UPDATE SET stars = excluded.stars, observed_at = excluded.observed_at
         WHERE star_history.observed_at <= excluded.observed_at`,
        [key, when.slice(0, 10), Number(row.stars), when],
      );
      const papers = await tx.all("SELECT paper_id FROM paper_repos WHERE repo = ?", [key]);
      await refreshPaperStars(tx, papers.map((p) => String(p.paper_id)), when);
    });
  }

  async starHistory(repo: string): Promise<StarHistoryRow[]> {
    const rows = await this.db.all("SELECT day, stars, observed_at FROM star_history WHERE repo = ? ORDER BY day", [String(repo).toLowerCase()]);
    return rows.map((r) => ({ day: String(r.day), stars: Number(r.stars), observedAt: String(r.observed_at) }));
  }

  async githubPausedUntil() {
    const row = await this.db.get("SELECT value FROM github_state WHERE name = ?", [PAUSE]);
    return row ? String(row.value) : null;
  }

  async setGithubPausedUntil(until: string | null) {
    if (until === null) await this.db.run("DELETE FROM github_state WHERE name = ?", [PAUSE]);
    else await this.db.run("INSERT INTO github_state (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value", [PAUSE, validTime(until)]);
  }
}
