/**
 * The community's part of the frame every page shares: the Curated and Trending tabs and the
 * account links in the top bar, plus the community stylesheet and script. They appear only where
 * the community is mounted (a viewer exists for the request), so nothing that cannot work shows.
 */
import { currentViewer } from "../middleware/session.js";
import { communityAssetUrls } from "./community-assets.js";
import { CsrfField } from "./community-form.js";

export interface SectionLink<S> {
  section: S;
  href: string;
  label: string;
}

/** The top-bar sections with the community tabs after Daily when the community is mounted. */
export function sectionsFor<S extends string>(base: ReadonlyArray<SectionLink<S>>): Array<SectionLink<S>> {
  if (!currentViewer()) return [...base];
  const extra = [
    { section: "curated", href: "/daily", label: "Curated" },
    { section: "trending", href: "/trending", label: "Trending" },
    ...(currentViewer()?.user ? [{ section: "for-you", href: "/for-you", label: "For you" }] : []),
  ] as Array<SectionLink<S>>;
  const at = base.findIndex((s) => s.section === "daily") + 1;
  return [...base.slice(0, at), ...extra, ...base.slice(at)];
}

export function AccountNav() {
  const viewer = currentViewer();
  if (!viewer) return null;
  // Members get the stylesheet and the upvote enhancement everywhere; visitors only on community pages (CommunityStyle).
  return (
    <>
      {viewer.user && <link rel="stylesheet" href={communityAssetUrls.style} />}
      {viewer.user && <script src={communityAssetUrls.script} defer></script>}
      <nav class="account-nav" aria-label="Account">
        {viewer.user ? (
          // One name in the bar and the rest behind it, so the bar stays on one line; a
          // <details> opens without script.
          <details class="account-menu">
            <summary class="account-name">{viewer.user.displayName}</summary>
            <div class="menu">
              <a href={`/users/${viewer.user.id}`}>Profile</a>
              <a href="/following">Following</a>
              <a href="/account/settings">Settings</a>
              <form method="post" action="/account/signout" class="inline-form">
                <CsrfField />
                <button type="submit" class="link-button">
                  Sign out
                </button>
              </form>
            </div>
          </details>
        ) : (
          <a href="/account/signin">Sign in</a>
        )}
      </nav>
    </>
  );
}

/** The community stylesheet, placed at the top of the community's own pages. */
export const CommunityStyle = () => (currentViewer()?.user ? null : <link rel="stylesheet" href={communityAssetUrls.style} />);
