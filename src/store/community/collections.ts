/** Collections: named lists of papers with notes, public or private. */
import { PaperfeedError } from "../../core/errors.js";
import { bumpActivity } from "./activity.js";
import { CommentsPart } from "./comments.js";
import { collectionOf, validCollectionName, validNote } from "./rows.js";

const COLLECTION = `SELECT k.*, u.display_name, (SELECT count(*) FROM collection_items i WHERE i.collection_id = k.id) AS items
  FROM collections k JOIN users u ON u.id = k.user_id`;

const nameTaken = (name: string) => new PaperfeedError("store", "collection_exists", `you have a collection named "${name}" already`, 409);

export class CollectionsPart extends CommentsPart {
  async createCollection(input: { userId: number; name: string; isPublic: boolean; now: string }) {
    const name = validCollectionName(input.name);
    const row = await this.db.get("INSERT INTO collections (user_id, name, is_public, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (user_id, name) DO NOTHING RETURNING id", [
      input.userId, name, input.isPublic ? 1 : 0, input.now,
    ]);
    if (!row) throw nameTaken(name);
    return (await this.getCollection(Number(row.id)))!;
  }

  async getCollection(id: number) {
    const row = await this.db.get(`${COLLECTION} WHERE k.id = ?`, [id]);
    return row ? collectionOf(row) : null;
  }

  async updateCollection(id: number, patch: { name?: string; isPublic?: boolean }) {
    const name = patch.name === undefined ? null : validCollectionName(patch.name);
    const current = await this.getCollection(id);
    if (!current) return null;
    if (name !== null && name !== current.name && (await this.db.get("SELECT 1 AS x FROM collections WHERE user_id = ? AND name = ?", [current.userId, name]))) throw nameTaken(name);
    const isPublic = patch.isPublic === undefined ? null : patch.isPublic ? 1 : 0;
    await this.db.run("UPDATE collections SET name = coalesce(?, name), is_public = coalesce(?, is_public) WHERE id = ?", [name, isPublic, id]);
    return this.getCollection(id);
  }

  async deleteCollection(id: number, now: string) {
    return this.db.transaction(async (tx) => {
      const items = await tx.all("SELECT paper_id, added_at FROM collection_items WHERE collection_id = ?", [id]);
      for (const item of items) await bumpActivity(tx, String(item.paper_id), "collect", -1, String(item.added_at), now);
      return (await tx.run("DELETE FROM collections WHERE id = ?", [id])) > 0;
    });
  }

  async listCollections(userId: number, publicOnly: boolean) {
    const rows = await this.db.all(`${COLLECTION} WHERE k.user_id = ? AND (? = 0 OR k.is_public = 1) ORDER BY k.created_at DESC, k.id DESC`, [userId, publicOnly ? 1 : 0]);
    return rows.map(collectionOf);
  }

  async addToCollection(collectionId: number, paperId: string, note: string, now: string) {
    const text = validNote(note);
    return this.db.transaction(async (tx) => {
      const added = (await tx.run("INSERT INTO collection_items (collection_id, paper_id, note, added_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING", [collectionId, paperId, text, now])) > 0;
      if (added) await bumpActivity(tx, paperId, "collect", 1, now, now);
      else await tx.run("UPDATE collection_items SET note = ? WHERE collection_id = ? AND paper_id = ?", [text, collectionId, paperId]);
      return added;
    });
  }

  async removeFromCollection(collectionId: number, paperId: string, now: string) {
    return this.db.transaction(async (tx) => {
      const gone = await tx.get("DELETE FROM collection_items WHERE collection_id = ? AND paper_id = ? RETURNING added_at", [collectionId, paperId]);
      if (gone) await bumpActivity(tx, paperId, "collect", -1, String(gone.added_at), now);
      return Boolean(gone);
    });
  }

  async collectionItems(collectionId: number) {
    const rows = await this.db.all("SELECT paper_id, note, added_at FROM collection_items WHERE collection_id = ? ORDER BY added_at DESC, paper_id", [collectionId]);
    return rows.map((r) => ({ paperId: String(r.paper_id), note: String(r.note), addedAt: String(r.added_at) }));
  }
}
