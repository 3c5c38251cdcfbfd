/** `/account/tokens` — a member's API tokens: make one (shown once), see them, revoke them. */
import type { ApiToken } from "../../../store/api-token-types.js";
import { CommunityStyle } from "../community-nav.js";
import { Notice, PostForm } from "../community-form.js";
import { Layout } from "../layout.js";

export interface TokensView {
  tokens: ApiToken[];
  /** A token made by this request: its only appearance. */
  created?: { token: string; name: string } | null;
  error?: string | null;
}

const when = (iso: string | null) => (iso ? iso.slice(0, 16).replace("T", " ") + " UTC" : "never");

export function TokensPage({ view }: { view: TokensView }) {
  const live = view.tokens.filter((t) => !t.revokedAt);
  return (
    <Layout title="API tokens" section="account">
      <CommunityStyle />
      <header class="page-head">
        <h1>API tokens</h1>
        <p class="summary">
          Scripts send a token as <code>Authorization: Bearer pf_…</code> to the <a href="/openapi.json">JSON API</a>. Treat it
          like a password.
        </p>
      </header>
      <Notice error={view.error ?? null} />
      {view.created && (
        <div class="notice info" role="status">
          <p>
            Your new token “{view.created.name}” — copy it now, it is not shown again:
          </p>
          <pre id="new-token" tabindex={0}>{view.created.token}</pre>
        </div>
      )}
      <h2>Make a token</h2>
      <PostForm action="/account/tokens" class="row-form">
        <label>
          What it is for
          <input type="text" name="name" required maxlength={100} placeholder="reading-list script" />
        </label>
        <button type="submit">Make token</button>
      </PostForm>
      <h2>Your tokens</h2>
      {live.length === 0 ? (
        <p class="muted">No tokens yet.</p>
      ) : (
        <ul class="collection-list">
          {live.map((t) => (
            <li>
              <strong>{t.name}</strong> <code>{t.prefix}…</code>{" "}
              <span class="muted">
                · made {when(t.createdAt)} · last used {when(t.lastUsedAt)}
              </span>
              <PostForm action={`/account/tokens/${t.id}/revoke`} class="inline-form">
                <button type="submit" class="link-button">
                  Revoke
                </button>
              </PostForm>
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}
