/** The paper page's "Follow authors or categories" box: one form of checkboxes, no script needed. */
import type { Paper } from "../../../core/paper.js";
import type { Interest } from "../../../store/interest-types.js";
import { PostForm } from "../community-form.js";

export function FollowInterestsBox({ paper, followed }: { paper: Paper; followed: Interest[] }) {
  const has = (kind: Interest["kind"], value: string) => followed.some((i) => i.kind === kind && i.value.toLowerCase() === value.toLowerCase());
  return (
    <details class="follow-interests">
      <summary>Follow authors or categories</summary>
      <PostForm action="/interests/paper">
        <input type="hidden" name="paper" value={paper.id} />
        <fieldset>
          <legend>Authors</legend>
          {paper.authors.slice(0, 30).map((a) => (
            <label>
              <input type="checkbox" name="author" value={a.name} checked={has("author", a.name)} /> {a.name}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>Categories</legend>
          {paper.categories.map((k) => (
            <label>
              <input type="checkbox" name="category" value={k} checked={has("category", k)} /> {k}
            </label>
          ))}
        </fieldset>
        <p class="hint">
          Their new papers come first on <a href="/for-you">For you</a>.
        </p>
        <button type="submit">Save</button>
      </PostForm>
    </details>
  );
}
