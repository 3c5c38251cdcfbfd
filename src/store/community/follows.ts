/**
 * Follows: members following papers, their follow settings, and the events of the papers they
 * follow (paper_events is written by the papers Store in the same database; see ../event-types.ts).
 */
import type * as C from "../community-types.js";
import type { PaperEvent } from "../event-types.js";
import { type EventRow, eventColumns, eventOf, eventOrder } from "../events/rows.js";
import { requireInt } from "../validate.js";
import { StarsPart } from "./stars.js";
import { listLimit } from "./rows.js";

const DEFAULT_PREFS: C.FollowPrefs = { followOnActivity: false, feedGeneration: 0 };

export class FollowsPart extends StarsPart {
  async follow(userId: number, paperId: string, now: string) {
    return (await this.db.run("INSERT INTO follows (user_id, paper_id, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING", [userId, paperId, now])) > 0;
  }

  async unfollow(userId: number, paperId: string) {
    return (await this.db.run("DELETE FROM follows WHERE user_id = ? AND paper_id = ?", [userId, paperId])) > 0;
  }

  async isFollowing(userId: number, paperId: string) {
    return Boolean(await this.db.get("SELECT 1 AS x FROM follows WHERE user_id = ? AND paper_id = ?", [userId, paperId]));
  }

  async followedPapers(userId: number, options: { limit?: number; offset?: number } = {}) {
    const rows = await this.db.all("SELECT paper_id, created_at FROM follows WHERE user_id = ? ORDER BY created_at DESC, paper_id LIMIT ? OFFSET ?", [
      userId, listLimit(options.limit), requireInt(options.offset, "offset", 0, 0, Number.MAX_SAFE_INTEGER),
    ]);
    return rows.map((r) => ({ paperId: String(r.paper_id), followedAt: String(r.created_at) }));
  }

  async countFollowed(userId: number) {
    return Number((await this.db.get("SELECT count(*) AS n FROM follows WHERE user_id = ?", [userId]))!.n);
  }

  async followers(paperId: string) {
    const rows = await this.db.all("SELECT user_id FROM follows WHERE paper_id = ? ORDER BY user_id", [paperId]);
    return rows.map((r) => Number(r.user_id));
  }

  async followPrefs(userId: number): Promise<C.FollowPrefs> {
    const row = await this.db.get("SELECT follow_on_activity, feed_generation FROM follow_prefs WHERE user_id = ?", [userId]);
    return row ? { followOnActivity: Number(row.follow_on_activity) === 1, feedGeneration: Number(row.feed_generation) } : { ...DEFAULT_PREFS };
  }

  async setFollowOnActivity(userId: number, on: boolean) {
    await this.db.run(
      "INSERT INTO follow_prefs (user_id, follow_on_activity) VALUES (?, ?) ON CONFLICT (user_id) DO UPDATE SET follow_on_activity = excluded.follow_on_activity",
      [userId, on ? 1 : 0],
    );
    return this.followPrefs(userId);
  }

  async nextFeedGeneration(userId: number) {
    const row = await this.db.get(
      "INSERT INTO follow_prefs (user_id, feed_generation) VALUES (?, 1) ON CONFLICT (user_id) DO UPDATE SET feed_generation = follow_prefs.feed_generation + 1 RETURNING feed_generation",
      [userId],
    );
    return Number(row!.feed_generation);
  }

  async followedEvents(userId: number, query: C.FollowedEventQuery = {}): Promise<PaperEvent[]> {
    // An event counts for a follower from the moment they follow (`afterFollow`), e.g. for digests.
    const rows = await this.db.all(
      `SELECT ${eventColumns("e")} FROM follows f JOIN paper_events e ON e.paper_id = f.paper_id
       WHERE f.user_id = ? AND e.recorded_at > ? AND (? = 0 OR e.recorded_at >= f.created_at)
       ${eventOrder("e.")} LIMIT ? OFFSET ?`,
      [userId, query.since ?? "", query.afterFollow ? 1 : 0, listLimit(query.limit), requireInt(query.offset, "offset", 0, 0, Number.MAX_SAFE_INTEGER)],
    );
    return rows.map((r) => eventOf(r as EventRow));
  }
}
