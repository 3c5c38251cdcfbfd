/** `/users/:id` — a member's profile: what they submitted, upvoted, and their public collections. */
import type { Collection, User } from "../../../store/community-types.js";
import { CollectionLinks } from "../collections/pages.js";
import { formatDay, paperHref } from "../format.js";
import { Layout } from "../layout.js";
import { CommunityStyle } from "../community-nav.js";

export interface ProfileView {
  user: User;
  self: boolean;
  submissions: Array<{ id: string; title: string; day: string }>;
  upvoted: Array<{ id: string; title: string }>;
  collections: Collection[];
}

const ROLE_LABEL = { admin: "Administrator", curator: "Curator", member: "Member" } as const;

export function ProfilePage({ view }: { view: ProfileView }) {
  const u = view.user;
  return (
    <Layout title={u.displayName} section={view.self ? "account" : null}>
      <CommunityStyle />
      <header class="page-head">
        <p class="kicker">{ROLE_LABEL[u.role]} since {formatDay(u.createdAt.slice(0, 10))}</p>
        <h1>{u.displayName}</h1>
        {view.self && (
          <p class="summary">
            This is your profile. <a href="/collections">Your collections</a> · <a href="/account/tokens">API tokens</a> ·{" "}
            <a href="/export?list=upvotes&format=bib">Export your upvotes (BibTeX)</a>
          </p>
        )}
      </header>
      <h2>Submissions</h2>
      {view.submissions.length === 0 ? (
        <p class="muted">No papers submitted yet.</p>
      ) : (
        <ul class="collection-list">
          {view.submissions.map((s) => (
            <li>
              <a href={paperHref(s.id)}>{s.title}</a> <span class="muted">· <a href={`/daily?date=${s.day}`}>{formatDay(s.day)}</a></span>
            </li>
          ))}
        </ul>
      )}
      <h2>Upvoted</h2>
      {view.upvoted.length === 0 ? (
        <p class="muted">No upvotes yet.</p>
      ) : (
        <ul class="collection-list">
          {view.upvoted.map((p) => (
            <li>
              <a href={paperHref(p.id)}>{p.title}</a>
            </li>
          ))}
        </ul>
      )}
      <h2>{view.self ? "Collections" : "Public collections"}</h2>
      <CollectionLinks collections={view.collections} empty="No collections to show." />
    </Layout>
  );
}
