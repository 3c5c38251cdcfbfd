/**
 * `/account/settings`: one page for everything a member sets about their account, each part its
 * own form (each works without JavaScript and carries the CSRF field), errors shown beside the
 * form they belong to.
 */
import { Notice, PostForm } from "../../community-form.js";
import { CommunityStyle } from "../../community-nav.js";
import { Layout } from "../../layout.js";
import type { SettingsSection, SettingsView } from "./present.js";

const ErrorFor = ({ view, section }: { view: SettingsView; section: SettingsSection }) =>
  view.error?.section === section ? <Notice error={view.error.message} /> : null;

function Section(props: { id: string; title: string; children?: unknown }) {
  return (
    <section aria-labelledby={`${props.id}-heading`} class="settings-part" id={props.id}>
      <h2 id={`${props.id}-heading`}>{props.title}</h2>
      {props.children as never}
    </section>
  );
}

function Profile({ view }: { view: SettingsView }) {
  return (
    <Section id="profile" title="Profile">
      <ErrorFor view={view} section="name" />
      <PostForm action="/account/settings/name" class="stack-form">
        <label>
          Display name <span class="hint">shown beside what you submit and write; 1–50 characters</span>
          <input type="text" name="displayName" required maxlength={50} autocomplete="nickname" value={view.typed.displayName ?? view.user.displayName} />
        </label>
        {/* USERNAME: the URL-safe, unique username field goes here, in this form, once accounts have one. */}
        <button type="submit">Save name</button>
      </PostForm>
    </Section>
  );
}

function Email({ view }: { view: SettingsView }) {
  return (
    <Section id="email" title="Email address">
      <p>
        Your address is <strong>{view.user.email}</strong>
        {view.user.emailVerifiedAt ? " (confirmed)." : " (not confirmed yet)."}
      </p>
      <ErrorFor view={view} section="email" />
      {view.canChangeEmail ? (
        <PostForm action="/account/settings/email" class="stack-form">
          <label>
            New email <span class="hint">we mail a link there; your address changes when you follow it</span>
            <input type="email" name="email" required maxlength={254} autocomplete="email" value={view.typed.email ?? ""} />
          </label>
          <label>
            Current password
            <input type="password" name="password" required autocomplete="current-password" />
          </label>
          <button type="submit">Send confirmation link</button>
        </PostForm>
      ) : (
        <p class="muted">
          Changing your address needs mail: the new address is confirmed by a link sent to it, and this site has no mail server set up. Your address stays as it
          is; the site's administrator can set up mail (SMTP).
        </p>
      )}
    </Section>
  );
}

function Password({ view }: { view: SettingsView }) {
  return (
    <Section id="password" title="Password">
      <ErrorFor view={view} section="password" />
      <PostForm action="/account/settings/password" class="stack-form">
        <label>
          Current password
          <input type="password" name="current" required autocomplete="current-password" />
        </label>
        <label>
          New password <span class="hint">at least 10 characters; signs you out everywhere else</span>
          <input type="password" name="password" required minlength={10} maxlength={200} autocomplete="new-password" />
        </label>
        <button type="submit">Change password</button>
      </PostForm>
    </Section>
  );
}

function Following({ view }: { view: SettingsView }) {
  return (
    <Section id="following" title="Following">
      <PostForm action="/account/settings" class="row-form">
        <label class="check">
          <input type="checkbox" name="followOnActivity" value="1" checked={view.followOnActivity} /> Also follow papers I upvote or add to a collection
        </label>
        <button type="submit">Save</button>
      </PostForm>
      <p class="hint">
        You hear of new versions, DOIs, code and withdrawals of the papers you follow on <a href="/following">Following</a>, in its feed and in your digest.
      </p>
    </Section>
  );
}

function Subscriptions({ view }: { view: SettingsView }) {
  const s = view.subscription;
  return (
    <Section id="subscriptions" title="Email digest and saved searches">
      {s ? (
        <>
          <p>
            A {s.cadence} digest to <strong>{s.email}</strong> ({s.status}). <a href={s.manageHref}>Manage the digest and its saved searches</a>
          </p>
          {s.searches.length === 0 ? (
            <p class="muted">No saved searches yet.</p>
          ) : (
            <ul aria-label="Saved searches">
              {s.searches.map((q) => (
                <li>
                  <strong>{q.name}</strong> — <a href={`/search?q=${encodeURIComponent(q.query)}`}>{q.query}</a>
                </li>
              ))}
            </ul>
          )}
        </>
      ) : view.canSubscribe ? (
        <p class="muted">
          No email digest. <a href="/subscribe">Subscribe</a> to get new papers of your saved searches by mail.
        </p>
      ) : (
        <p class="muted">This site sends no mail, so it has no email digests or saved searches by mail.</p>
      )}
    </Section>
  );
}

function Tokens({ view }: { view: SettingsView }) {
  return (
    <Section id="tokens" title="API tokens">
      {view.tokens.length === 0 ? (
        <p class="muted">No API tokens.</p>
      ) : (
        <ul aria-label="Your API tokens">
          {view.tokens.map((t) => (
            <li>
              {t.name} <code>{t.prefix}…</code>
            </li>
          ))}
        </ul>
      )}
      <p>
        <a href="/account/tokens">Make or revoke API tokens</a>
      </p>
    </Section>
  );
}

function DataAndDeletion({ view }: { view: SettingsView }) {
  return (
    <>
      <Section id="export" title="Your data">
        <p>
          One JSON file with your account, votes, comments, collections, follows, followed authors and categories, digest, saved searches and the names of your
          API tokens (never a password or token).
        </p>
        <p>
          <a href="/account/settings/export" download="paperfeed-my-data.json">
            Download my data (JSON)
          </a>
        </p>
      </Section>
      <Section id="delete" title="Delete my account">
        <p>
          This removes your account, votes (they stop counting), collections, follows, followed authors and categories, API tokens and email digest, and signs
          you out everywhere. Your comments and the papers you put on curated lists stay, shown as by “[deleted member]”; delete comments first if you want
          them gone. This cannot be undone.
        </p>
        <ErrorFor view={view} section="delete" />
        <PostForm action="/account/settings/delete" class="stack-form">
          <label>
            Current password
            <input type="password" name="password" required autocomplete="current-password" />
          </label>
          <button type="submit" class="danger">
            Delete my account
          </button>
        </PostForm>
      </Section>
    </>
  );
}

export function AccountSettingsPage({ view }: { view: SettingsView }) {
  return (
    <Layout title="Settings" section="account">
      <CommunityStyle />
      <header class="page-head">
        <h1>Settings</h1>
      </header>
      <Notice info={view.notice} />
      <Profile view={view} />
      <Email view={view} />
      <Password view={view} />
      <Following view={view} />
      <Subscriptions view={view} />
      <Tokens view={view} />
      <DataAndDeletion view={view} />
    </Layout>
  );
}
