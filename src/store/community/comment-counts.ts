/**
 * Migration 12: hidden comments stopped counting (comments.ts), so the counts stored before are
 * recounted once from the comments themselves: live, shown comments only. The comment heat is
 * left as it is; it fades within days either way.
 */
import { migrationPair } from "../migration.js";

const NAME = "paper activity: comment counts without hidden comments";

const PAIR = migrationPair(12, NAME, () => `
  UPDATE paper_activity SET comments = (
    SELECT count(*) FROM comments c
    WHERE c.paper_id = paper_activity.paper_id AND c.deleted_at IS NULL AND c.hidden_at IS NULL
  );
`);
export const SQLITE_COMMENT_COUNT_MIGRATION = PAIR.sqlite;
export const PG_COMMENT_COUNT_MIGRATION = PAIR.postgres;
