/** The upvote control: a form that works as a plain POST and is enhanced by community.js. */
import { currentViewer } from "../middleware/session.js";
import { PostForm } from "./community-form.js";

export function VoteButton({ paperId, votes, voted, back }: { paperId: string; votes: number; voted: boolean; back: string }) {
  const viewer = currentViewer();
  if (!viewer?.user) {
    return (
      <a class="vote-static" href={`/account/signin?next=${encodeURIComponent(back)}`} title="Sign in to upvote">
        <span aria-hidden="true">▲</span>
        <span class="count">{votes}</span>
        <span class="visually-hidden">upvotes; sign in to upvote</span>
      </a>
    );
  }
  return (
    <PostForm action="/vote" class="vote-form" data-enhance="vote">
      <input type="hidden" name="paper" value={paperId} />
      <input type="hidden" name="up" value={voted ? "0" : "1"} />
      <input type="hidden" name="back" value={back} />
      <button type="submit" class="vote-button" aria-pressed={voted ? "true" : "false"}>
        <span aria-hidden="true">▲</span>
        <span class="count">{votes}</span>
        <span class="visually-hidden">{voted ? "Remove your upvote" : "Upvote"}</span>
      </button>
    </PostForm>
  );
}
