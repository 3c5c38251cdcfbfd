/** The InterestStore (src/store/interest-types.ts) over the community store's SQL surface. */
import { PaperfeedError } from "../../core/errors.js";
import { INTEREST_KINDS, type Interest, type InterestKind, type InterestStore } from "../interest-types.js";
import { requireInt } from "../validate.js";
import type { SqlDatabase } from "./sql.js";

/** Ids per IN (…) query: well under both backends' parameter limits. */
const CHUNK = 500;

function validInterest(kind: InterestKind, value: string): string {
  if (!INTEREST_KINDS.includes(kind)) throw new PaperfeedError("store", "invalid_interest", `interest kind must be ${INTEREST_KINDS.join(" or ")}, got ${String(kind)}`);
  const text = String(value ?? "").replace(/\s+/g, " ").trim();
  if (text.length < 1 || text.length > 200) throw new PaperfeedError("store", "invalid_interest", `an interest's ${kind} must be 1–200 characters, got ${text.length}`);
  return text;
}

const chunks = <T>(items: readonly T[]) => Array.from({ length: Math.ceil(items.length / CHUNK) }, (_, i) => items.slice(i * CHUNK, (i + 1) * CHUNK));

export class SqlInterestStore implements InterestStore {
  constructor(private readonly db: SqlDatabase) {}

  async followInterest(userId: number, kind: InterestKind, value: string, now: string) {
    const text = validInterest(kind, value);
    return (await this.db.run("INSERT INTO interests (user_id, kind, value, created_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING", [userId, kind, text, now])) > 0;
  }

  async unfollowInterest(userId: number, kind: InterestKind, value: string) {
    return (await this.db.run("DELETE FROM interests WHERE user_id = ? AND kind = ? AND value = ?", [userId, kind, validInterest(kind, value)])) > 0;
  }

  async listInterests(userId: number): Promise<Interest[]> {
    const rows = await this.db.all("SELECT kind, value, created_at FROM interests WHERE user_id = ? ORDER BY created_at DESC, kind, value", [userId]);
    return rows.map((r) => ({ kind: r.kind as InterestKind, value: String(r.value), createdAt: String(r.created_at) }));
  }

  async markNotInterested(userId: number, paperId: string, now: string) {
    return (await this.db.run("INSERT INTO not_interested (user_id, paper_id, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING", [userId, paperId, now])) > 0;
  }

  async undoNotInterested(userId: number, paperId: string) {
    return (await this.db.run("DELETE FROM not_interested WHERE user_id = ? AND paper_id = ?", [userId, paperId])) > 0;
  }

  async notInterested(userId: number, limit?: number) {
    const rows = await this.db.all("SELECT paper_id FROM not_interested WHERE user_id = ? ORDER BY created_at DESC, paper_id LIMIT ?", [
      userId,
      requireInt(limit, "limit", 200, 1, 1000),
    ]);
    return rows.map((r) => String(r.paper_id));
  }

  async markSeen(userId: number, paperIds: readonly string[], now: string) {
    const unique = [...new Set(paperIds)];
    if (unique.length === 0) return;
    await this.db.transaction(async (tx) => {
      for (const part of chunks(unique)) {
        await tx.run(
          `INSERT INTO seen_papers (user_id, paper_id, seen_at) VALUES ${part.map(() => "(?, ?, ?)").join(", ")} ON CONFLICT DO NOTHING`,
          part.flatMap((id) => [userId, id, now]),
        );
      }
    });
  }

  async seenBetween(userId: number, since: string, before: string) {
    const rows = await this.db.all("SELECT paper_id FROM seen_papers WHERE user_id = ? AND seen_at >= ? AND seen_at < ?", [userId, since, before]);
    return new Set(rows.map((r) => String(r.paper_id)));
  }

}
