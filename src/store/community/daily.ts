/** The curated daily lists and upvotes. */
import { ActivityPart, bumpActivity } from "./activity.js";
import { entryOf, listLimit, validDay } from "./rows.js";
import { placeholders } from "./sql.js";

const ENTRY = `SELECT d.day, d.paper_id, d.user_id, d.created_at, u.display_name, u.username, coalesce(a.votes, 0) AS votes
  FROM daily_entries d JOIN users u ON u.id = d.user_id LEFT JOIN paper_activity a ON a.paper_id = d.paper_id`;

export class DailyPart extends ActivityPart {
  async addDailyEntry(input: { day: string; paperId: string; userId: number; now: string }) {
    const added =
      (await this.db.run("INSERT INTO daily_entries (paper_id, day, user_id, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (paper_id) DO NOTHING", [
        input.paperId, validDay(input.day), input.userId, input.now,
      ])) > 0;
    return { added, entry: entryOf((await this.db.get(`${ENTRY} WHERE d.paper_id = ?`, [input.paperId]))!) };
  }

  async removeDailyEntry(paperId: string) {
    return (await this.db.run("DELETE FROM daily_entries WHERE paper_id = ?", [paperId])) > 0;
  }

  async listDaily(day: string) {
    return (await this.db.all(`${ENTRY} WHERE d.day = ? ORDER BY votes DESC, d.created_at, d.paper_id`, [validDay(day)])).map(entryOf);
  }

  async dailyEntriesOf(paperIds: readonly string[]) {
    const ids = [...new Set(paperIds)];
    const rows = ids.length ? await this.db.all(`${ENTRY} WHERE d.paper_id IN (${placeholders(ids.length)})`, ids) : [];
    return new Map(rows.map((r) => [String(r.paper_id), entryOf(r)]));
  }

  async dailyDays(limit?: number) {
    return (await this.db.all("SELECT DISTINCT day FROM daily_entries ORDER BY day DESC LIMIT ?", [listLimit(limit)])).map((r) => String(r.day));
  }

  async countSubmissions(userId: number, day: string) {
    return Number((await this.db.get("SELECT count(*) AS n FROM daily_entries WHERE user_id = ? AND day = ?", [userId, day]))!.n);
  }

  async userSubmissions(userId: number, limit?: number) {
    return (await this.db.all(`${ENTRY} WHERE d.user_id = ? ORDER BY d.created_at DESC LIMIT ?`, [userId, listLimit(limit)])).map(entryOf);
  }

  async setVote(userId: number, paperId: string, up: boolean, now: string) {
    return this.db.transaction(async (tx) => {
      if (up) {
        if ((await tx.run("INSERT INTO votes (user_id, paper_id, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING", [userId, paperId, now])) > 0) {
          await bumpActivity(tx, paperId, "vote", 1, now, now);
        }
      } else {
        const gone = await tx.get("DELETE FROM votes WHERE user_id = ? AND paper_id = ? RETURNING created_at", [userId, paperId]);
        if (gone) await bumpActivity(tx, paperId, "vote", -1, String(gone.created_at), now);
      }
      const row = await tx.get("SELECT votes FROM paper_activity WHERE paper_id = ?", [paperId]);
      return { voted: up, votes: Number(row?.votes ?? 0) };
    });
  }

  async votedPapers(userId: number, paperIds: readonly string[]) {
    if (paperIds.length === 0) return new Set<string>();
    const rows = await this.db.all(`SELECT paper_id FROM votes WHERE user_id = ? AND paper_id IN (${placeholders(paperIds.length)})`, [userId, ...paperIds]);
    return new Set(rows.map((r) => String(r.paper_id)));
  }

  async userVotes(userId: number, limit?: number) {
    return (await this.db.all("SELECT paper_id FROM votes WHERE user_id = ? ORDER BY created_at DESC, paper_id LIMIT ?", [userId, listLimit(limit)])).map((r) => String(r.paper_id));
  }
}

