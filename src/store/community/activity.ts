/** Per-paper activity: counts and decayed heats, brought up to date inside each writing transaction. */
import { AccountsPart } from "./accounts.js";
import { decayFactor, heatAt } from "./heat.js";
import { activityOf, listLimit } from "./rows.js";
import { type Sql, forUpdate, placeholders } from "./sql.js";

export type ActivityKind = "vote" | "comment" | "collect";
const COUNT_COLUMN: Record<ActivityKind, string> = { vote: "votes", comment: "comments", collect: "collection_adds" };

/**
 * Counts (+1) or takes back (-1) one event of `kind` that happened at `eventAt`. Called inside the
 * transaction that wrote the event, so counts never drift from the rows they count.
 */
export async function bumpActivity(tx: Sql, paperId: string, kind: ActivityKind, delta: 1 | -1, eventAt: string, now: string): Promise<void> {
  await tx.run("INSERT INTO paper_activity (paper_id, heat_at, last_activity_at) VALUES (?, ?, ?) ON CONFLICT (paper_id) DO NOTHING", [paperId, now, now]);
  const row = (await tx.get(`SELECT * FROM paper_activity WHERE paper_id = ?${forUpdate(tx)}`, [paperId]))!;
  const a = activityOf(row);
  const decay = (v: number) => heatAt(v, a.heatAt, now);
  const heats = { vote: decay(a.voteHeat), comment: decay(a.commentHeat), collect: decay(a.collectHeat) };
  // What the event is worth today: 1 for one happening now, less for an older one put back
  // (a comment shown again) or taken back.
  heats[kind] = Math.max(0, heats[kind] + delta * decayFactor(eventAt, now));
  const count = Math.max(0, (kind === "vote" ? a.votes : kind === "comment" ? a.comments : a.collectionAdds) + delta);
  await tx.run(
    `UPDATE paper_activity SET ${COUNT_COLUMN[kind]} = ?, vote_heat = ?, comment_heat = ?, collect_heat = ?, heat_at = ?,
       last_activity_at = CASE WHEN ? > 0 THEN ? ELSE last_activity_at END WHERE paper_id = ?`,
    [count, heats.vote, heats.comment, heats.collect, now, delta, now, paperId],
  );
}

export class ActivityPart extends AccountsPart {
  async activityOf(paperIds: readonly string[]) {
    const ids = [...new Set(paperIds)];
    const rows = ids.length ? await this.db.all(`SELECT * FROM paper_activity WHERE paper_id IN (${placeholders(ids.length)})`, ids) : [];
    return new Map(rows.map((r) => [String(r.paper_id), activityOf(r)]));
  }

  async activeSince(since: string, limit?: number) {
    const rows = await this.db.all("SELECT * FROM paper_activity WHERE last_activity_at >= ? ORDER BY last_activity_at DESC, paper_id LIMIT ?", [since, listLimit(limit ?? 500)]);
    return rows.map(activityOf);
  }

  async recordStars(paperId: string, stars: number, observedAt: string) {
    await this.db.transaction(async (tx) => {
      await tx.run("INSERT INTO paper_activity (paper_id, heat_at, last_activity_at) VALUES (?, ?, ?) ON CONFLICT (paper_id) DO NOTHING", [paperId, observedAt, observedAt]);
      // The previous observation moves back only when the new one is later; a repeat at the same time just corrects it.
      await tx.run(
        `UPDATE paper_activity SET
           prev_stars = CASE WHEN stars_at IS NOT NULL AND stars_at < ? THEN stars ELSE prev_stars END,
           prev_stars_at = CASE WHEN stars_at IS NOT NULL AND stars_at < ? THEN stars_at ELSE prev_stars_at END,
           stars = ?, stars_at = ?, last_activity_at = CASE WHEN last_activity_at < ? THEN ? ELSE last_activity_at END
         WHERE paper_id = ? AND (stars_at IS NULL OR stars_at <= ?)`,
        [observedAt, observedAt, Math.max(0, Math.floor(stars)), observedAt, observedAt, observedAt, paperId, observedAt],
      );
    });
  }
}
