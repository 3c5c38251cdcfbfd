/**
 * The CommunityStore, written once over the `SqlDatabase` surface; each backend supplies only
 * its adapter (sqlite/community-sql.ts, postgres/community-sql.ts). The parts build on each
 * other in one chain so every file stays about one concern.
 */
import type { CommunityStore } from "../community-types.js";
import { StarsPart } from "./stars.js";

export class SqlCommunityStore extends StarsPart implements CommunityStore {}
