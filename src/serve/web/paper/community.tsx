/**
 * The community parts of a paper page: the upvote and Save at the top (PaperTopActions), and the
 * section under the paper: adding it to a chosen collection with a note, and the comments (one
 * reply level). Comment text is Markdown made safe by markdown.ts; names are plain text.
 */
import { raw } from "hono/html";
import type { Collection, Comment, User } from "../../../store/community-types.js";
import { PostForm } from "../community-form.js";
import { renderCommentMarkdown } from "../markdown.js";
import { FIRST_COLLECTION, SaveButton, saveTargetOf } from "../components/save-button.js";
import { VoteButton } from "../vote-button.js";

export interface PaperCommunityView {
  paperId: string;
  href: string;
  votes: number;
  voted: boolean;
  comments: Comment[];
  viewer: User | null;
  canModerate: boolean;
  collections: Collection[];
}

const time = (iso: string) => <time datetime={iso}>{iso.slice(0, 16).replace("T", " ")} UTC</time>;

function CommentBody({ c, view }: { c: Comment; view: PaperCommunityView }) {
  if (c.deleted) return <p class="hidden-note">This comment was deleted.</p>;
  const mayRead = !c.hiddenAt || view.canModerate || view.viewer?.id === c.userId;
  if (!mayRead) return <p class="hidden-note">This comment was hidden by a curator.</p>;
  return (
    <>
      {c.hiddenAt && <p class="hidden-note">Hidden by a curator; only its author and curators see it.</p>}
      <div class="comment-body">{raw(renderCommentMarkdown(c.body))}</div>
    </>
  );
}

function CommentActions({ c, view }: { c: Comment; view: PaperCommunityView }) {
  if (!view.viewer || c.deleted) return null;
  const own = view.viewer.id === c.userId;
  return (
    <div class="comment-actions">
      {view.viewer.emailVerifiedAt && (
        <details>
          <summary>Reply</summary>
          <PostForm action="/comments" class="row-form">
            <input type="hidden" name="paper" value={view.paperId} />
            <input type="hidden" name="parent" value={String(c.parentId ?? c.id)} />
            <label class="visually-hidden" for={`reply-${c.id}`}>Your reply</label>
            <textarea id={`reply-${c.id}`} name="body" required maxlength={5000}></textarea>
            <button type="submit">Reply</button>
          </PostForm>
        </details>
      )}
      {own && (
        <details>
          <summary>Edit</summary>
          <PostForm action={`/comments/${c.id}/edit`} class="row-form">
            <label class="visually-hidden" for={`edit-${c.id}`}>Comment text</label>
            <textarea id={`edit-${c.id}`} name="body" required maxlength={5000}>{c.body}</textarea>
            <button type="submit">Save</button>
          </PostForm>
        </details>
      )}
      {own && (
        <PostForm action={`/comments/${c.id}/delete`} class="inline-form">
          <button type="submit" class="link-button">Delete</button>
        </PostForm>
      )}
      {view.canModerate && (
        <PostForm action={`/comments/${c.id}/hide`} class="inline-form">
          <input type="hidden" name="hidden" value={c.hiddenAt ? "0" : "1"} />
          <button type="submit" class="link-button">{c.hiddenAt ? "Unhide" : "Hide"}</button>
        </PostForm>
      )}
    </div>
  );
}

function CommentItem({ c, view, replies }: { c: Comment; view: PaperCommunityView; replies: Comment[] }) {
  return (
    <article class="comment" id={`comment-${c.id}`}>
      <p class="comment-head">
        {c.deleted ? "—" : <a href={`/users/${c.userId}`}>{c.authorName}</a>} · {time(c.createdAt)}
        {c.editedAt && !c.deleted && " · edited"}
      </p>
      <CommentBody c={c} view={view} />
      <CommentActions c={c} view={view} />
      {replies.length > 0 && (
        <div class="replies">
          {replies.map((r) => (
            <CommentItem c={r} view={view} replies={[]} />
          ))}
        </div>
      )}
    </article>
  );
}


function CollectForm({ view }: { view: PaperCommunityView }) {
  if (!view.viewer) return null;
  if (view.collections.length === 0) {
    // A first save needs no detour: it makes the member's first (private) collection on the way.
    return (
      <PostForm action="/collections/add" class="row-form collect-form">
        <input type="hidden" name="paper" value={view.paperId} />
        <input type="hidden" name="collection" value="new" />
        <input type="hidden" name="name" value={FIRST_COLLECTION} />
        <label>
          Note <span class="hint">optional</span>
          <input type="text" name="note" maxlength={1000} />
        </label>
        <button type="submit">Save to a new private collection, “{FIRST_COLLECTION}”</button>
      </PostForm>
    );
  }
  return (
    <PostForm action="/collections/add" class="row-form collect-form">
      <input type="hidden" name="paper" value={view.paperId} />
      <label>
        Add to collection
        <select name="collection">
          {view.collections.map((k) => (
            <option value={String(k.id)}>{k.name}</option>
          ))}
        </select>
      </label>
      <label>
        Note <span class="hint">optional</span>
        <input type="text" name="note" maxlength={1000} />
      </label>
      <button type="submit">Add</button>
    </PostForm>
  );
}

/** The upvote and one-click Save, first in the paper page's actions block. */
export function PaperTopActions({ view }: { view: PaperCommunityView }) {
  return (
    <>
      <VoteButton paperId={view.paperId} votes={view.votes} voted={view.voted} back={view.href} />
      <SaveButton paperId={view.paperId} target={view.viewer ? saveTargetOf(view.collections) : null} back={view.href} />
    </>
  );
}

export function PaperCommunity({ view }: { view: PaperCommunityView }) {
  const top = view.comments.filter((c) => c.parentId === null);
  const repliesOf = (id: number) => view.comments.filter((c) => c.parentId === id);
  return (
    <section class="community" aria-labelledby="community-heading">
      <h2 id="community-heading">Community</h2>
      <CollectForm view={view} />
      <h3 id="comments">Comments ({view.comments.filter((c) => !c.deleted).length})</h3>
      {top.length === 0 && <p class="muted">No comments yet.</p>}
      {top.map((c) => (
        <CommentItem c={c} view={view} replies={repliesOf(c.id)} />
      ))}
      {view.viewer?.emailVerifiedAt ? (
        <PostForm action="/comments" class="row-form comment-form">
          <input type="hidden" name="paper" value={view.paperId} />
          <label for="new-comment">
            Add a comment <span class="hint">Markdown: *emphasis*, `code`, [links](https://…), math in $…$</span>
          </label>
          <textarea id="new-comment" name="body" required maxlength={5000}></textarea>
          <button type="submit">Comment</button>
        </PostForm>
      ) : view.viewer ? (
        <p class="muted">Confirm your email address to comment.</p>
      ) : (
        <p>
          <a href={`/account/signin?next=${encodeURIComponent(view.href)}`}>Sign in</a> to comment.
        </p>
      )}
    </section>
  );
}
