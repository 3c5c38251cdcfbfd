/** Checks at the boundary and the mapping from rows (snake_case) to the contract's objects. */
import { PaperfeedError } from "../../core/errors.js";
import type * as C from "../community-types.js";
import { ROLES } from "../community-types.js";
import type { Row } from "./sql.js";

const bad = (id: string, message: string) => new PaperfeedError("store", id, message);

/** Display names: 1–50 characters after trimming, no control characters. */
export function validDisplayName(raw: string): string {
  const name = String(raw ?? "").trim().replace(/\s+/g, " ");
  // eslint-disable-next-line no-control-regex
  if (name.length < 1 || name.length > 50 || /[\u0000-\u001f\u007f]/.test(name)) throw bad("invalid_display_name", "display name must be 1–50 characters");
  return name;
}

export function validRole(role: string): C.Role {
  if (!ROLES.includes(role as C.Role)) throw bad("invalid_role", `role must be ${ROLES.join(", ")}, got ${role}`);
  return role as C.Role;
}

/** Comment text: 1–5000 characters after trimming. */
export function validCommentBody(raw: string): string {
  const body = String(raw ?? "").trim();
  if (body.length < 1 || body.length > 5000) throw bad("invalid_comment", "a comment must be 1–5000 characters");
  return body;
}

export function validCollectionName(raw: string): string {
  const name = String(raw ?? "").trim();
  if (name.length < 1 || name.length > 100) throw bad("invalid_collection", "a collection name must be 1–100 characters");
  return name;
}

export function validNote(raw: string): string {
  const note = String(raw ?? "").trim();
  if (note.length > 1000) throw bad("invalid_note", "a note must be at most 1000 characters");
  return note;
}

export const validDay = (day: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(Date.parse(day))) throw bad("invalid_day", `"${day}" is not a day (YYYY-MM-DD)`);
  return day;
};

/** Default 50, 1–1000. */
export const listLimit = (limit: number | undefined) => Math.min(1000, Math.max(1, Math.floor(limit ?? 50)));

const str = (v: unknown) => (v === null || v === undefined ? null : String(v));
const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

export const userOf = (r: Row): C.User => ({
  id: Number(r.id),
  email: String(r.email),
  displayName: String(r.display_name),
  username: String(r.username),
  role: r.role as C.Role,
  emailVerifiedAt: str(r.email_verified_at),
  createdAt: String(r.created_at),
});

export const entryOf = (r: Row): C.DailyEntry => ({
  day: String(r.day),
  paperId: String(r.paper_id),
  userId: Number(r.user_id),
  submitterName: String(r.display_name),
  submitterUsername: String(r.username),
  submittedAt: String(r.created_at),
  votes: Number(r.votes ?? 0),
});

export const commentOf = (r: Row): C.Comment => ({
  id: Number(r.id),
  paperId: String(r.paper_id),
  userId: Number(r.user_id),
  authorName: String(r.display_name),
  authorUsername: String(r.username),
  parentId: num(r.parent_id),
  body: r.deleted_at ? "" : String(r.body),
  createdAt: String(r.created_at),
  editedAt: str(r.edited_at),
  hiddenAt: str(r.hidden_at),
  deleted: r.deleted_at !== null && r.deleted_at !== undefined,
});

export const collectionOf = (r: Row): C.Collection => ({
  id: Number(r.id),
  userId: Number(r.user_id),
  ownerName: String(r.display_name),
  name: String(r.name),
  isPublic: Number(r.is_public) === 1,
  createdAt: String(r.created_at),
  items: Number(r.items ?? 0),
});

export const activityOf = (r: Row): C.PaperActivity => ({
  paperId: String(r.paper_id),
  votes: Number(r.votes),
  comments: Number(r.comments),
  collectionAdds: Number(r.collection_adds),
  voteHeat: Number(r.vote_heat),
  commentHeat: Number(r.comment_heat),
  collectHeat: Number(r.collect_heat),
  heatAt: String(r.heat_at),
  stars: num(r.stars),
  starsAt: str(r.stars_at),
  prevStars: num(r.prev_stars),
  prevStarsAt: str(r.prev_stars_at),
});
