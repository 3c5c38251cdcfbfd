/**
 * Follow / Following on an author's page: a plain form to POST /interests (for-you/routes.tsx),
 * so For you and digests learn the author; signed out, a link to sign in. Only where the
 * community is mounted (a viewer exists for the request).
 */
import { currentViewer } from "../../middleware/session.js";
import { PostForm } from "../community-form.js";
import type { StarSource } from "../present/stars.js";
import { authorHref } from "../format.js";

export function AuthorFollowButton({ name, following, signedIn }: { name: string; following: boolean; signedIn: boolean }) {
  const back = authorHref(name);
  if (!signedIn) {
    return (
      <a class="button" href={`/account/signin?next=${encodeURIComponent(back)}`}>
        Sign in to follow
      </a>
    );
  }
  return (
    <PostForm action="/interests" class="inline-form follow-actions">
      <input type="hidden" name="kind" value="author" />
      <input type="hidden" name="value" value={name} />
      <input type="hidden" name="on" value={following ? "0" : "1"} />
      <input type="hidden" name="back" value={back} />
      <button type="submit" class="button" aria-pressed={following ? "true" : "false"}>
        {following ? "Following" : "Follow"}
        <span class="visually-hidden">{following ? " (select to stop following)" : ` ${name}: their new papers in For you`}</span>
      </button>
    </PostForm>
  );
}

/** The button for this request's viewer, or null where the community is not mounted. */
export async function authorFollowAction(source: StarSource, name: string) {
  const viewer = currentViewer();
  if (!viewer) return null;
  if (!viewer.user) return <AuthorFollowButton name={name} following={false} signedIn={false} />;
  const interests = await (await source.community()).interests.listInterests(viewer.user.id);
  const following = interests.some((i) => i.kind === "author" && i.value === name);
  return <AuthorFollowButton name={name} following={following} signedIn={true} />;
}
