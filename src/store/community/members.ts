/** One member as a whole: a new address, everything stored about them, and their removal. */
import { PaperfeedError } from "../../core/errors.js";
import { normalizeEmail } from "../delivery-rows.js";
import { DELETED_MEMBER_NAME, type MemberData } from "../member-data-types.js";
import { bumpActivity } from "./activity.js";
import { FollowsPart } from "./follows.js";
import type { Row } from "./sql.js";

const str = (v: unknown) => (v === null || v === undefined ? null : String(v));

/** The tombstone's address: unique per id, in a domain no mail reaches (RFC 2606). */
const tombstoneEmail = (userId: number) => `deleted-${userId}@deleted.invalid`;

/** Tables whose rows of a member simply go (no counters depend on them). */
const MEMBER_TABLES = ["follows", "follow_prefs", "interests", "not_interested", "seen_papers", "sessions", "email_tokens"] as const;

export class MembersPart extends FollowsPart {
  async changeEmail(userId: number, email: string, verifiedAt: string) {
    const address = normalizeEmail(email);
    const taken = await this.db.get("SELECT id FROM users WHERE email = ? AND id <> ?", [address, userId]);
    if (taken) throw new PaperfeedError("store", "email_taken", `another account uses ${address}`, 409);
    try {
      await this.db.run("UPDATE users SET email = ?, email_verified_at = ? WHERE id = ?", [address, verifiedAt, userId]);
    } catch (error) {
      // Taken between the check and the update: the unique index decides.
      if (await this.db.get("SELECT id FROM users WHERE email = ? AND id <> ?", [address, userId])) {
        throw new PaperfeedError("store", "email_taken", `another account uses ${address}`, 409);
      }
      throw error;
    }
    return this.getUser(userId);
  }

  async memberData(userId: number): Promise<MemberData | null> {
    const account = await this.getUser(userId);
    if (!account) return null;
    const q = (sql: string) => this.db.all(sql, [userId]);
    const [votes, comments, collections, items, submissions, follows, prefs, interests, notInterested, tokens] = await Promise.all([
      q("SELECT paper_id, created_at FROM votes WHERE user_id = ? ORDER BY created_at, paper_id"),
      q("SELECT id, paper_id, parent_id, body, created_at, edited_at, deleted_at FROM comments WHERE user_id = ? ORDER BY id"),
      q("SELECT id, name, is_public, created_at FROM collections WHERE user_id = ? ORDER BY id"),
      q("SELECT i.collection_id, i.paper_id, i.note, i.added_at FROM collection_items i JOIN collections k ON k.id = i.collection_id WHERE k.user_id = ? ORDER BY i.added_at, i.paper_id"),
      q("SELECT day, paper_id, created_at FROM daily_entries WHERE user_id = ? ORDER BY day, paper_id"),
      q("SELECT paper_id, created_at FROM follows WHERE user_id = ? ORDER BY created_at, paper_id"),
      q("SELECT follow_on_activity FROM follow_prefs WHERE user_id = ?"),
      q("SELECT kind, value, created_at FROM interests WHERE user_id = ? ORDER BY created_at, kind, value"),
      q("SELECT paper_id, created_at FROM not_interested WHERE user_id = ? ORDER BY created_at, paper_id"),
      this.db.all("SELECT name, created_at, last_used_at, revoked_at FROM api_tokens WHERE account_id = ? ORDER BY id", [String(userId)]),
    ]);
    const paperAt = (r: Row) => ({ paperId: String(r.paper_id), createdAt: String(r.created_at) });
    return {
      account,
      votes: votes.map(paperAt),
      comments: comments.map((r) => ({
        id: Number(r.id),
        paperId: String(r.paper_id),
        parentId: r.parent_id === null || r.parent_id === undefined ? null : Number(r.parent_id),
        body: r.deleted_at ? "" : String(r.body),
        createdAt: String(r.created_at),
        editedAt: str(r.edited_at),
        deleted: Boolean(r.deleted_at),
      })),
      collections: collections.map((k) => ({
        id: Number(k.id),
        name: String(k.name),
        isPublic: Number(k.is_public) === 1,
        createdAt: String(k.created_at),
        items: items
          .filter((i) => Number(i.collection_id) === Number(k.id))
          .map((i) => ({ paperId: String(i.paper_id), note: String(i.note), addedAt: String(i.added_at) })),
      })),
      submissions: submissions.map((r) => ({ day: String(r.day), paperId: String(r.paper_id), createdAt: String(r.created_at) })),
      follows: follows.map(paperAt),
      followOnActivity: Number(prefs[0]?.follow_on_activity ?? 0) === 1,
      interests: interests.map((r) => ({ kind: String(r.kind), value: String(r.value), createdAt: String(r.created_at) })),
      notInterested: notInterested.map(paperAt),
      apiTokens: tokens.map((t) => ({ name: String(t.name), createdAt: String(t.created_at), lastUsedAt: str(t.last_used_at), revokedAt: str(t.revoked_at) })),
    };
  }

  async deleteMember(userId: number, now: string) {
    return this.db.transaction(async (tx) => {
      const member = await tx.get("SELECT id FROM users WHERE id = ? AND email <> ?", [userId, tombstoneEmail(userId)]);
      if (!member) return false;
      // Votes and collection items leave the papers' counts and heats, as undoing each would.
      for (const vote of await tx.all("SELECT paper_id, created_at FROM votes WHERE user_id = ?", [userId])) {
        await bumpActivity(tx, String(vote.paper_id), "vote", -1, String(vote.created_at), now);
      }
      await tx.run("DELETE FROM votes WHERE user_id = ?", [userId]);
      const items = await tx.all("SELECT i.paper_id, i.added_at FROM collection_items i JOIN collections k ON k.id = i.collection_id WHERE k.user_id = ?", [userId]);
      for (const item of items) await bumpActivity(tx, String(item.paper_id), "collect", -1, String(item.added_at), now);
      await tx.run("DELETE FROM collections WHERE user_id = ?", [userId]);
      for (const table of MEMBER_TABLES) await tx.run(`DELETE FROM ${table} WHERE user_id = ?`, [userId]);
      // Tokens point at the row by id, and the tombstone keeps the id: revoke them, or they would act as it.
      await tx.run("UPDATE api_tokens SET revoked_at = ? WHERE account_id = ? AND revoked_at IS NULL", [now, String(userId)]);
      // The row stays as a tombstone so comments and list entries keep their author column;
      // "deleted" is no scrypt hash, so no password ever matches it (password.ts).
      // The username is freed too: a tombstone keeps a neutral one of its own (usernames are unique).
      await tx.run("UPDATE users SET email = ?, display_name = ?, username = ?, password_hash = 'deleted', role = 'member', email_verified_at = NULL WHERE id = ?", [
        tombstoneEmail(userId),
        DELETED_MEMBER_NAME,
        `deleted-${userId}`,
        userId,
      ]);
      return true;
    });
  }
}
