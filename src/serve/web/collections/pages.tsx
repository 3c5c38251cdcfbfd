/** `/collections` (yours) and `/collections/:id` (one, public or yours): papers with notes. */
import type { Collection } from "../../../store/community-types.js";
import { Layout } from "../layout.js";
import { ExportLinks } from "../../export/links.js";
import { CommunityStyle } from "../community-nav.js";
import { Notice, PostForm } from "../community-form.js";
import { PaperItem } from "../components/paper-item.js";
import type { PaperSummary } from "../present/summary.js";

export function CollectionLinks({ collections, empty }: { collections: Collection[]; empty: string }) {
  if (collections.length === 0) return <p class="muted">{empty}</p>;
  return (
    <ul class="collection-list">
      {collections.map((k) => (
        <li>
          <a href={`/collections/${k.id}`}>{k.name}</a> <span class="muted">· {k.items} paper{k.items === 1 ? "" : "s"} · {k.isPublic ? "public" : "private"}</span>
        </li>
      ))}
    </ul>
  );
}

export function MyCollectionsPage({ collections, error }: { collections: Collection[]; error?: string | null }) {
  return (
    <Layout title="Your collections" section="account">
      <CommunityStyle />
      <header class="page-head">
        <h1>Your collections</h1>
        <p class="summary">Named lists of papers with your notes. Public ones show on your profile.</p>
      </header>
      <Notice error={error} />
      <CollectionLinks collections={collections} empty="No collections yet." />
      <h2>New collection</h2>
      <PostForm action="/collections" class="row-form">
        <label>
          Name
          <input type="text" name="name" required maxlength={100} />
        </label>
        <label>
          <input type="checkbox" name="public" value="1" /> Public
        </label>
        <button type="submit">Create</button>
      </PostForm>
    </Layout>
  );
}

export interface CollectionView {
  collection: Collection;
  items: Array<{ paper: PaperSummary; note: string }>;
  mine: boolean;
  notice: string | null;
}

function OwnerTools({ view }: { view: CollectionView }) {
  const k = view.collection;
  return (
    <details>
      <summary>Rename, share or delete</summary>
      <PostForm action={`/collections/${k.id}/update`} class="row-form">
        <label>
          Name
          <input type="text" name="name" required maxlength={100} value={k.name} />
        </label>
        <label>
          <input type="checkbox" name="public" value="1" checked={k.isPublic} /> Public
        </label>
        <button type="submit">Save</button>
      </PostForm>
      <PostForm action={`/collections/${k.id}/delete`} class="inline-form">
        <button type="submit" class="link-button">Delete this collection</button>
      </PostForm>
    </details>
  );
}

export function CollectionPage({ view }: { view: CollectionView }) {
  const k = view.collection;
  return (
    <Layout title={k.name} section={view.mine ? "account" : null} math={view.items.some((i) => i.paper.hasMath)}>
      <CommunityStyle />
      <header class="page-head">
        <p class="kicker">
          Collection by <a href={`/users/${k.userId}`}>{k.ownerName}</a> · {k.isPublic ? "public" : "private"}
        </p>
        <h1>{k.name}</h1>
      </header>
      <Notice info={view.notice} />
      {view.mine && <OwnerTools view={view} />}
      {view.items.length === 0 && <p class="empty">No papers in this collection yet. Add them from a paper's page.</p>}
      <ol class="paper-list" aria-label={`Papers in ${k.name}`}>
        {view.items.map(({ paper, note }) => (
          <li>
            <PaperItem paper={paper} />
            {note && <p class="note">{note}</p>}
            {view.mine && (
              <div class="comment-actions">
                <details>
                  <summary>Edit note</summary>
                  <PostForm action="/collections/add" class="row-form">
                    <input type="hidden" name="collection" value={String(k.id)} />
                    <input type="hidden" name="paper" value={paper.id} />
                    <input type="hidden" name="back" value={`/collections/${k.id}`} />
                    <label>
                      Note
                      <input type="text" name="note" maxlength={1000} value={note} />
                    </label>
                    <button type="submit">Save</button>
                  </PostForm>
                </details>
                <PostForm action={`/collections/${k.id}/remove`} class="inline-form">
                  <input type="hidden" name="paper" value={paper.id} />
                  <button type="submit" class="link-button">Remove</button>
                </PostForm>
              </div>
            )}
          </li>
        ))}
      </ol>
      {view.items.length > 0 && <ExportLinks list="collection" params={{ id: String(k.id) }} />}
    </Layout>
  );
}
