/** `/following`: the papers a member follows, their updates, the secret feed (its setting is on /account/settings). */
import { CommunityStyle } from "../community-nav.js";
import { Notice, PostForm } from "../community-form.js";
import { Layout } from "../layout.js";
import { PaperItem } from "../components/paper-item.js";
import { EventLine } from "./parts.js";
import type { FollowingView } from "./present.js";

function FeedBox({ view }: { view: FollowingView }) {
  return (
    <section aria-labelledby="feed-heading">
      <h2 id="feed-heading">Your updates feed</h2>
      <p>
        An Atom feed of these updates for your feed reader. Its address is private: anyone who has it can read which papers you follow.
      </p>
      <p>
        <a href={view.feedUrl}>Atom feed</a>
      </p>
      <label for="feed-url">Feed address</label>
      <input id="feed-url" type="text" readonly value={view.feedUrl} class="feed-url" />
      <PostForm action="/following/feed/renew" class="row-form">
        <button type="submit">New address</button>
        <span class="hint">The old address stops working.</span>
      </PostForm>
    </section>
  );
}

function Pager({ view }: { view: FollowingView }) {
  if (view.pages <= 1) return null;
  return (
    <nav class="pager" aria-label="Pages">
      {view.page > 1 && <a href={`/following?page=${view.page - 1}`} rel="prev">‹ Previous</a>}
      <span>
        Page {view.page} of {view.pages}
      </span>
      {view.page < view.pages && <a href={`/following?page=${view.page + 1}`} rel="next">Next ›</a>}
    </nav>
  );
}

export function FollowingPage({ view }: { view: FollowingView }) {
  return (
    <Layout title="Following" section="account" math={view.papers.some((p) => p.paper.hasMath)}>
      <CommunityStyle />
      <header class="page-head">
        <h1>Following</h1>
        <p class="summary">
          New versions, DOIs, journal references, code and withdrawals of the {view.total} paper{view.total === 1 ? "" : "s"} you follow.{" "}
          {view.prefs.followOnActivity ? "Papers you upvote or collect are followed too" : "Follow a paper from its page"} (<a href="/account/settings">settings</a>).
        </p>
      </header>
      <Notice info={view.notice} />
      <section aria-labelledby="updates-heading">
        <h2 id="updates-heading">Latest updates</h2>
        {view.updates.length === 0 ? (
          <p class="muted">No updates yet. They appear here when a paper you follow changes.</p>
        ) : (
          <ul class="events">
            {view.updates.map(({ event, title, paperHref }) => (
              <li class="paper-event">
                <a href={paperHref}>{title}</a> — {event.href ? <a href={event.href}>{event.label}</a> : event.label}
                {event.suffix}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="followed-heading">
        <h2 id="followed-heading">Papers you follow</h2>
        {view.papers.length === 0 && <p class="empty">You follow no papers yet. Use the Follow button on a paper's page.</p>}
        <ol class="paper-list" aria-label="Papers you follow">
          {view.papers.map(({ paper, events }) => (
            <li>
              <PaperItem paper={paper} level={3} />
              {events.length > 0 && (
                <ul class="events" aria-label={`Latest updates of ${paper.id}`}>
                  {events.map((e) => (
                    <EventLine e={e} />
                  ))}
                </ul>
              )}
              <PostForm action="/follow" class="inline-form">
                <input type="hidden" name="paper" value={paper.id} />
                <input type="hidden" name="on" value="0" />
                <input type="hidden" name="back" value="/following" />
                <button type="submit" class="link-button">
                  Stop following<span class="visually-hidden"> {paper.id}</span>
                </button>
              </PostForm>
            </li>
          ))}
        </ol>
        <Pager view={view} />
      </section>
      <FeedBox view={view} />
    </Layout>
  );
}
