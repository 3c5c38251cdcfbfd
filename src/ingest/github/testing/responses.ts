/**
 * GitHub responses for the replay server, from the documented shapes in test/fixtures/github
 * (SOURCE.md there), with the count, name, ETag or headers a test needs. For tests only.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Replay } from "../../http/testing/replay-server.js";

const DIR = new URL("../../../../test/fixtures/github/", import.meta.url);

export type GithubFixture =
  | "repo-200" | "repo-304" | "repo-301" | "repo-404" | "repo-451"
  | "primary-limit-403" | "secondary-limit-403" | "secondary-limit-429";

interface Recorded {
  status: number;
  headers: Record<string, string>;
  body: Record<string, unknown> | null;
}

export function githubReplay(
  name: GithubFixture,
  change: { stars?: number; fullName?: string; etag?: string; headers?: Record<string, string | null> } = {},
): Replay {
  const r = JSON.parse(readFileSync(fileURLToPath(new URL(`${name}.json`, DIR)), "utf8")) as Recorded;
  const headers = { ...r.headers };
  if (change.etag !== undefined) headers.etag = change.etag;
  for (const [k, v] of Object.entries(change.headers ?? {})) {
    if (v === null) delete headers[k];
    else headers[k] = v;
  }
  const body = r.body && { ...r.body };
  if (body && change.stars !== undefined) Object.assign(body, { stargazers_count: change.stars, watchers_count: change.stars, watchers: change.stars });
  if (body && change.fullName !== undefined) Object.assign(body, { full_name: change.fullName, name: change.fullName.split("/")[1] });
  return { status: r.status, headers, body: body ? JSON.stringify(body) : "" };
}
