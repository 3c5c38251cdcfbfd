/** Comments: one reply level, edits and deletes by their author, hiding by curators. */
import { PaperfeedError } from "../../core/errors.js";
import { bumpActivity } from "./activity.js";
import { DailyPart } from "./daily.js";
import { commentOf, validCommentBody } from "./rows.js";

const COMMENT = "SELECT c.*, u.display_name, u.username FROM comments c JOIN users u ON u.id = c.user_id";

export class CommentsPart extends DailyPart {
  async addComment(input: { paperId: string; userId: number; parentId: number | null; body: string; now: string }) {
    const body = validCommentBody(input.body);
    return this.db.transaction(async (tx) => {
      let parentId: number | null = null;
      if (input.parentId !== null) {
        const parent = await tx.get("SELECT id, parent_id, paper_id FROM comments WHERE id = ?", [input.parentId]);
        if (!parent || String(parent.paper_id) !== input.paperId) {
          throw new PaperfeedError("store", "comment_not_found", `comment ${input.parentId} is not on paper ${input.paperId}`, 404);
        }
        // One reply level: a reply to a reply joins the same thread.
        parentId = parent.parent_id === null ? Number(parent.id) : Number(parent.parent_id);
      }
      const row = (await tx.get("INSERT INTO comments (paper_id, user_id, parent_id, body, created_at) VALUES (?, ?, ?, ?, ?) RETURNING id", [
        input.paperId, input.userId, parentId, body, input.now,
      ]))!;
      await bumpActivity(tx, input.paperId, "comment", 1, input.now, input.now);
      return commentOf((await tx.get(`${COMMENT} WHERE c.id = ?`, [row.id]))!);
    });
  }

  async getComment(id: number) {
    const row = await this.db.get(`${COMMENT} WHERE c.id = ?`, [id]);
    return row ? commentOf(row) : null;
  }

  async editComment(id: number, body: string, now: string) {
    await this.db.run("UPDATE comments SET body = ?, edited_at = ? WHERE id = ? AND deleted_at IS NULL", [validCommentBody(body), now, id]);
    return this.getComment(id);
  }

  async deleteComment(id: number, now: string) {
    return this.db.transaction(async (tx) => {
      const row = await tx.get("SELECT paper_id, created_at, hidden_at FROM comments WHERE id = ? AND deleted_at IS NULL", [id]);
      if (!row) return false;
      const replies = Number((await tx.get("SELECT count(*) AS n FROM comments WHERE parent_id = ?", [id]))!.n);
      if (replies > 0) await tx.run("UPDATE comments SET body = '', deleted_at = ? WHERE id = ?", [now, id]);
      else await tx.run("DELETE FROM comments WHERE id = ?", [id]);
      // A hidden comment was taken out of the counts when it was hidden.
      if (row.hidden_at === null) await bumpActivity(tx, String(row.paper_id), "comment", -1, String(row.created_at), now);
      // A reply's removal may leave a deleted parent with nothing under it: remove that too.
      await tx.run(
        "DELETE FROM comments WHERE deleted_at IS NOT NULL AND paper_id = ? AND NOT EXISTS (SELECT 1 FROM comments r WHERE r.parent_id = comments.id)",
        [row.paper_id],
      );
      return true;
    });
  }

  /**
   * Hides a comment from everyone but curators, or shows it again. A hidden comment does not
   * count: not in a paper's comment count (the API's `numComments`, the cards) nor in trending.
   */
  async setCommentHidden(id: number, hidden: boolean, now: string) {
    await this.db.transaction(async (tx) => {
      const row = await tx.get("SELECT paper_id, created_at, hidden_at, deleted_at FROM comments WHERE id = ?", [id]);
      if (!row || (row.hidden_at !== null) === hidden) return;
      await tx.run("UPDATE comments SET hidden_at = ? WHERE id = ?", [hidden ? now : null, id]);
      // A deleted comment (kept for its replies) was already taken out of the counts.
      if (row.deleted_at === null) {
        await bumpActivity(tx, String(row.paper_id), "comment", hidden ? -1 : 1, String(row.created_at), now);
      }
    });
    return this.getComment(id);
  }

  async listComments(paperId: string) {
    return (await this.db.all(`${COMMENT} WHERE c.paper_id = ? ORDER BY c.id`, [paperId])).map(commentOf);
  }
}
