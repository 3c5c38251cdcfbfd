/**
 * Pages of the email subscription: the subscribe form, "check your inbox", confirmation, the
 * manage page (cadence, saved searches, unsubscribe) and the unsubscribe page. Forms post back to
 * the same signed URL, so every page works without JavaScript.
 */
import { CsrfField } from "../community-form.js";
import type { Child } from "hono/jsx";
import type { Cadence, SavedSearch, Subscriber } from "../../../store/delivery-types.js";
import { Layout } from "../layout.js";

const formStyle = "display:grid;gap:0.6rem;max-width:32rem;margin:1rem 0";
const inline = "display:inline";

export function CadenceChoice({ selected }: { selected: Cadence }) {
  return (
    <fieldset style="border:none;padding:0;margin:0">
      <legend>How often?</legend>
      <label>
        <input type="radio" name="cadence" value="daily" checked={selected === "daily"} /> Daily, on arXiv
        announcement days
      </label>{" "}
      <label>
        <input type="radio" name="cadence" value="weekly" checked={selected === "weekly"} /> Weekly, on
        Mondays
      </label>
    </fieldset>
  );
}

export function SubscribeForm({ email = "", cadence = "daily", query = "" }: { email?: string; cadence?: Cadence; query?: string }) {
  return (
    <form method="post" action="/subscribe" style={formStyle}>
      <CsrfField />
      {query && <input type="hidden" name="query" value={query} />}
      <label for="subscribe-email">Email address</label>
      <input
        id="subscribe-email"
        name="email"
        type="email"
        required
        autocomplete="email"
        value={email}
        placeholder="you@example.org"
      />
      <CadenceChoice selected={cadence} />
      <button type="submit" class="button">
        Subscribe
      </button>
    </form>
  );
}

export function SubscribePage({
  problem,
  email,
  cadence,
  query,
}: {
  problem?: string;
  email?: string;
  cadence?: Cadence;
  /** A search to keep: its new matches join the digest as a saved search. */
  query?: string;
}) {
  return (
    <Layout title="Get trending papers in your inbox">
      <header class="page-head">
        <h1>Get trending papers in your email inbox</h1>
      </header>
      <p>
        A digest of the period’s trending papers, plus the papers matching your saved searches. Each paper is
        sent to you once. We send a confirmation link first; nothing else arrives until you click it.
      </p>
      {query && (
        <p class="notice info saved-query">
          Your digest will include new papers matching <strong>{query}</strong>.
        </p>
      )}
      {problem && (
        <p class="problem" role="alert">
          {problem}
        </p>
      )}
      <SubscribeForm email={email} cadence={cadence} query={query} />
    </Layout>
  );
}

export function MessagePage({
  title,
  children,
  status,
}: {
  title: string;
  children?: Child;
  status?: string;
}) {
  return (
    <Layout title={title}>
      <header class="page-head">
        {status && <p class="kicker">{status}</p>}
        <h1>{title}</h1>
      </header>
      {children}
    </Layout>
  );
}

export interface ManageView {
  subscriber: Subscriber;
  searches: Array<SavedSearch & { feedUrl: string }>;
  /** The page's own signed URL (forms post to it). */
  action: string;
  previewUrl: string;
  notice?: string;
  problem?: string;
}

export function ManagePage({ view }: { view: ManageView }) {
  const { subscriber: s } = view;
  const active = s.status === "active";
  return (
    <Layout title="Your subscription">
      <header class="page-head">
        <h1>Your subscription</h1>
        <p class="muted">{s.email}</p>
      </header>
      {view.notice && <p role="status">{view.notice}</p>}
      {view.problem && (
        <p class="problem" role="alert">
          {view.problem}
        </p>
      )}
      <p>
        Status:{" "}
        <strong>
          {active
            ? `receiving a ${s.cadence} digest`
            : s.status === "pending"
              ? "waiting for confirmation"
              : "unsubscribed"}
        </strong>
        {active && (
          <>
            {" "}
            · <a href={view.previewUrl}>preview the next digest</a>
          </>
        )}
      </p>
      <form method="post" action={view.action} style={formStyle}>
        <input type="hidden" name="action" value="cadence" />
        <CadenceChoice selected={s.cadence} />
        <button type="submit" class="button">
          Save
        </button>
      </form>

      <h2>Saved searches</h2>
      {view.searches.length === 0 ? (
        <p class="muted">
          None yet. Papers matching a saved search get their own section in your digest, and a feed.
        </p>
      ) : (
        <ul>
          {view.searches.map((search) => (
            <li>
              <strong>{search.name}</strong>: <code>{search.query}</code>
              {search.exclude.length > 0 && (
                <span class="muted"> excluding {search.exclude.join(", ")}</span>
              )}{" "}
              · <a href={`/search?q=${encodeURIComponent(search.query)}`}>results</a> ·{" "}
              <a href={search.feedUrl}>feed</a>{" "}
              <form method="post" action={view.action} style={inline}>
                <input type="hidden" name="action" value="delete" />
                <input type="hidden" name="id" value={String(search.id)} />
                <button type="submit">Remove</button>
              </form>
            </li>
          ))}
        </ul>
      )}
      <form method="post" action={view.action} style={formStyle}>
        <input type="hidden" name="action" value="add" />
        <label for="search-query">Query (the same language as the search box)</label>
        <input
          id="search-query"
          name="query"
          required
          maxlength={500}
          placeholder='"graph neural networks" cat:cs.LG'
        />
        <label for="search-name">Name (optional)</label>
        <input id="search-name" name="name" maxlength={100} />
        <label for="search-exclude">Exclude papers containing (comma-separated words or phrases)</label>
        <input id="search-exclude" name="exclude" placeholder="survey, review" />
        <button type="submit" class="button">
          Save search
        </button>
      </form>

      <h2>Leave</h2>
      <form method="post" action={view.action}>
        <input
          type="hidden"
          name="action"
          value={active || s.status === "pending" ? "unsubscribe" : "resubscribe"}
        />
        <button type="submit">
          {active || s.status === "pending" ? "Unsubscribe from all mail" : "Subscribe again"}
        </button>
      </form>
    </Layout>
  );
}

export function UnsubscribePage({ email, action, done }: { email: string; action: string; done: boolean }) {
  return (
    <MessagePage title={done ? "You are unsubscribed" : "Unsubscribe?"}>
      {done ? (
        <p>No more digests will be sent to {email}.</p>
      ) : (
        <form method="post" action={action}>
          <p>Stop all digests to {email}?</p>
          <button type="submit" class="button">
            Unsubscribe
          </button>
        </form>
      )}
    </MessagePage>
  );
}
