/** Community facts in the native API's shape. */
import type { CommunityFacts } from "../community/facts.js";

export const communityOf = (facts: CommunityFacts) => ({
  upvotes: facts.upvotes,
  comments: facts.comments,
  submittedBy: facts.submittedBy?.name ?? null,
  submittedAt: facts.submittedAt,
});
