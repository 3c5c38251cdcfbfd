/**
 * "Save" in one click: a plain form adding the paper to the member's first collection, or, for a
 * member without one, making the private "Reading list" on the way (collections/routes.tsx).
 */
import { raw } from "hono/html";
import { PostForm } from "../community-form.js";
import { escaped } from "./html-string.js";

/** The name of the collection a member's first save makes; renamed on its page. */
export const FIRST_COLLECTION = "Reading list";

/** Where a one-click save goes: an existing collection, or null to make FIRST_COLLECTION. */
export interface SaveTarget {
  collectionId: number | null;
  name: string;
}

/** The member's oldest collection (the store lists newest first), so the first "Reading list" stays the default. */
export function saveTargetOf(collections: ReadonlyArray<{ id: number; name: string }>): SaveTarget {
  const oldest = collections.at(-1);
  return oldest ? { collectionId: oldest.id, name: oldest.name } : { collectionId: null, name: FIRST_COLLECTION };
}

export function SaveButton({ paperId, target, back }: { paperId: string; target: SaveTarget | null; back: string }) {
  if (!target) {
    // One string: every card a visitor sees carries it (paper-item.tsx).
    return raw(`<a class="save-link" href="${escaped(`/account/signin?next=${encodeURIComponent(back)}`)}">Save<span class="visually-hidden">: sign in to save to a collection</span></a>`);
  }
  return (
    <PostForm action="/collections/add" class="save-form">
      <input type="hidden" name="paper" value={paperId} />
      <input type="hidden" name="collection" value={target.collectionId === null ? "new" : String(target.collectionId)} />
      {target.collectionId === null && <input type="hidden" name="name" value={target.name} />}
      <input type="hidden" name="back" value={back} />
      <button type="submit" class="save-button" title={`Save to “${target.name}”`}>
        Save<span class="visually-hidden"> to “{target.name}”</span>
      </button>
    </PostForm>
  );
}
