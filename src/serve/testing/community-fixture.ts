/**
 * A fixture app with community data made through the real stores: two members, a public and a
 * private collection, a curated day with votes, and comments (one hidden, one deleted). Tests only.
 */
import { createAccount } from "../../actions/accounts/accounts.js";
import type { Config } from "../../config/types.js";
import { createApiToken } from "../../actions/api-tokens.js";
import type { ApiTokenStore } from "../../store/api-token-types.js";
import type { CommunityStore, User } from "../../store/community-types.js";
import { openApiTokenStore } from "../../store/open-api-tokens.js";
import { openCommunityStore } from "../../store/open-community.js";
import { type FixtureApp, openFixtureApp } from "./fixture-app.js";

export interface CommunityFixture extends FixtureApp {
  community: CommunityStore;
  tokens: ApiTokenStore;
  ada: User;
  bob: User;
  /** API tokens of Ada and Bob. */
  adaToken: string;
  bobToken: string;
  publicCollection: number;
  privateCollection: number;
  /** Papers of 2026-06-30 that Ada submitted; Ada and Bob upvoted the first, nobody the second. */
  curated: [string, string];
  now: string;
}

/** `overrides`: settings over the test defaults (e.g. `thumbnails: true`). */
export async function openCommunityFixture(overrides: Partial<Config> = {}): Promise<CommunityFixture> {
  const fx = await openFixtureApp([], overrides);
  const community = await openCommunityStore({ path: fx.config.db });
  const tokens = await openApiTokenStore({ path: fx.config.db });
  const ctx = { community, mailer: null, baseUrl: "http://127.0.0.1" };
  const { user: ada } = await createAccount(ctx, { email: "ada@example.org", displayName: "Ada", role: "member" });
  const { user: bob } = await createAccount(ctx, { email: "bob@example.org", displayName: "Bob", role: "member" });
  const now = new Date().toISOString();
  const day = await fx.store.listAnnounced("2026-06-30", "2026-06-30", { limit: 2 });
  const curated: [string, string] = [day[1]!.id, day[0]!.id];
  for (const id of curated) await community.addDailyEntry({ day: "2026-06-30", paperId: id, userId: ada.id, now });
  await community.setVote(bob.id, curated[0], true, now);
  await community.setVote(ada.id, "hep-th/9901001", true, now);
  await community.setVote(ada.id, curated[0], true, now);
  const open = await community.createCollection({ userId: ada.id, name: "Reading group", isPublic: true, now });
  const closed = await community.createCollection({ userId: ada.id, name: "Private notes", isPublic: false, now });
  await community.addToCollection(open.id, "0704.0506", "week 1", now);
  await community.addToCollection(open.id, "math-ph/0509021", "", now);
  await community.addToCollection(closed.id, "2606.30673", "", now);
  const first = await community.addComment({ paperId: "0704.0506", userId: bob.id, parentId: null, body: "Is **this** right?", now });
  await community.addComment({ paperId: "0704.0506", userId: ada.id, parentId: first.id, body: "Yes", now });
  const hidden = await community.addComment({ paperId: "0704.0506", userId: bob.id, parentId: null, body: "spam", now });
  await community.setCommentHidden(hidden.id, true, now);
  const adaToken = (await createApiToken({ tokens, community }, { email: ada.email, name: "test" })).token;
  const bobToken = (await createApiToken({ tokens, community }, { email: bob.email, name: "test" })).token;
  return {
    ...fx,
    community,
    tokens,
    ada,
    bob,
    adaToken,
    bobToken,
    publicCollection: open.id,
    privateCollection: closed.id,
    curated,
    now,
    close: async () => {
      await Promise.all([community.close(), tokens.close()]);
      await fx.close();
    },
  };
}
