/** `/for-you`: papers of the newest days picked for the member, each with why, and what it learns from. */
import { CommunityStyle } from "../community-nav.js";
import { Notice, PostForm } from "../community-form.js";
import { PaperItem } from "../components/paper-item.js";
import { Layout } from "../layout.js";
import type { ForYouView, ReasonView } from "./present.js";

function Reasons({ reasons }: { reasons: ReasonView[] }) {
  if (reasons.length === 0) return null;
  return (
    <p class="why">
      <span class="why-label">Why: </span>
      {reasons.map((r, i) => (
        <>
          {i > 0 && " · "}
          {r.text}
          {r.href && <a href={r.href}>{r.linkText}</a>}
        </>
      ))}
    </p>
  );
}

function Interests({ view }: { view: ForYouView }) {
  return (
    <section aria-labelledby="interests-heading">
      <h2 id="interests-heading">Authors and categories you follow</h2>
      {view.interests.length === 0 ? (
        <p class="muted">None yet. Follow authors and categories from any paper's page (“Follow authors or categories”).</p>
      ) : (
        <ul class="interests">
          {view.interests.map((i) => (
            <li>
              {i.kind === "author" ? "Author" : "Category"}: {i.value}{" "}
              <PostForm action="/interests" class="inline-form">
                <input type="hidden" name="kind" value={i.kind} />
                <input type="hidden" name="value" value={i.value} />
                <input type="hidden" name="on" value="0" />
                <input type="hidden" name="back" value="/for-you" />
                <button type="submit" class="link-button">
                  Stop following<span class="visually-hidden"> {i.value}</span>
                </button>
              </PostForm>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function ForYouPage({ view }: { view: ForYouView }) {
  return (
    <Layout title="For you" section="for-you" math={view.items.some((i) => i.paper.hasMath)}>
      <CommunityStyle />
      <header class="page-head">
        <h1>For you</h1>
        <p class="summary">
          {view.trained
            ? `New papers of the last days picked from what you did: ${view.learnedFrom || "your follows"}. A paper shown here is not shown again after a few hours.`
            : "Papers picked for you from the newest days, once paperfeed knows what you read."}
        </p>
      </header>
      <Notice info={view.notice} />
      {!view.trained && (
        <p class="empty">
          Upvote papers, save them to a collection, follow a paper, or follow authors and categories from a paper's page; For you learns from each of
          them at once. Start with <a href="/">today's papers</a> or <a href="/trending">Trending</a>.
        </p>
      )}
      {view.trained && view.items.length === 0 && (
        <p class="empty">
          Nothing new for you right now: every recent paper that fits you has been shown. New papers arrive with arXiv's next announcement.
        </p>
      )}
      <ol class="paper-list" aria-label="Papers for you">
        {view.items.map(({ paper, reasons }) => (
          <li>
            <PaperItem paper={paper} />
            <Reasons reasons={reasons} />
            <PostForm action="/for-you/not-interested" class="inline-form">
              <input type="hidden" name="paper" value={paper.id} />
              <button type="submit" class="link-button">
                Not interested<span class="visually-hidden"> in {paper.id}</span>
              </button>
            </PostForm>
          </li>
        ))}
      </ol>
      <Interests view={view} />
    </Layout>
  );
}
