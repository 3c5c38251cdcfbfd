/**
 * What the follow feature adds to the paper page: the Follow / Following button beside the top
 * actions (a plain POST form; signed-out visitors get a sign-in link) and the paper's updates.
 */
import { PostForm } from "../community-form.js";
import type { EventView } from "./present.js";

export function FollowButton({ paperId, back, following, signedIn }: { paperId: string; back: string; following: boolean; signedIn: boolean }) {
  if (!signedIn) {
    return (
      <p class="actions follow-actions">
        <a class="button" href={`/account/signin?next=${encodeURIComponent(back)}`}>
          Sign in to follow
        </a>
      </p>
    );
  }
  return (
    <div class="actions follow-actions">
      <PostForm action="/follow" class="inline-form">
        <input type="hidden" name="paper" value={paperId} />
        <input type="hidden" name="on" value={following ? "0" : "1"} />
        <input type="hidden" name="back" value={back} />
        <button type="submit" class="button" aria-pressed={following ? "true" : "false"}>
          {following ? "Following" : "Follow"}
          <span class="visually-hidden">{following ? " (select to stop following)" : " new versions, DOI, code and withdrawal of this paper"}</span>
        </button>
      </PostForm>
      {following && <a href="/following">All papers you follow</a>}
    </div>
  );
}

export function EventLine({ e }: { e: EventView }) {
  return (
    <li class="paper-event">
      {e.href ? <a href={e.href}>{e.label}</a> : e.label}
      {e.suffix}
    </li>
  );
}

export function PaperEvents({ events }: { events: EventView[] }) {
  if (events.length === 0) return null;
  return (
    <section aria-labelledby="updates-heading" class="paper-updates">
      <h2 id="updates-heading">Updates</h2>
      <ul class="events">
        {events.map((e) => (
          <EventLine e={e} />
        ))}
      </ul>
    </section>
  );
}
