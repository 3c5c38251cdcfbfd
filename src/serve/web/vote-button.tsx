/** The upvote control: a form that works as a plain POST and is enhanced by community.js. */
import { currentViewer } from "../middleware/session.js";
import { raw } from "hono/html";
import { PostForm } from "./community-form.js";
import { chars, escaped } from "./components/html-string.js";

export function VoteButton({ paperId, votes, voted, back }: { paperId: string; votes: number; voted: boolean; back: string }) {
  const viewer = currentViewer();
  if (!viewer?.user) {
    // One string, not five nodes: every card a visitor sees carries it (components/paper-item.tsx).
    const signIn = escaped(`/account/signin?next=${encodeURIComponent(back)}`);
    return raw(
      `<a class="vote-static" href="${signIn}" title="Sign in to upvote"><span aria-hidden="true">${chars.upTriangle}</span><span class="count">${votes}</span><span class="visually-hidden">upvotes; sign in to upvote</span></a>`,
    );
  }
  return (
    <PostForm action="/vote" class="vote-form" data-enhance="vote">
      <input type="hidden" name="paper" value={paperId} />
      <input type="hidden" name="up" value={voted ? "0" : "1"} />
      <input type="hidden" name="back" value={back} />
      <button type="submit" class="vote-button" aria-pressed={voted ? "true" : "false"}>
        <span aria-hidden="true">{chars.upTriangle}</span>
        <span class="count">{votes}</span>
        <span class="visually-hidden">{voted ? "Remove your upvote" : "Upvote"}</span>
      </button>
    </PostForm>
  );
}
