import assert from "node:assert/strict";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { verifyPassword } from "../actions/accounts/password.js";
import { openCommunityStore } from "../store/open-community.js";
import { runCli, tempWorkspace } from "./testing/run-cli.js";

const workspace = tempWorkspace();
after(workspace.remove);
const cli = (args: string[]) => runCli(args, { cwd: workspace.dir });

describe("paperfeed admin", () => {
  const db = ["--db", "community.db", "--base-url", "https://papers.example.org"];

  it("create makes a verified admin and prints a one-time link to choose the password", async () => {
    const { code, stdout, stderr } = await cli(["admin", "create", "--email", "Root@Example.org", ...db]);
    assert.equal(code, 0, stderr);
    assert.match(stdout, /^created admin root@example\.org \(member 1\)$/m);
    assert.match(stdout, /^ {2}https:\/\/papers\.example\.org\/account\/reset\?token=[\w-]{43}$/m);
    const again = await cli(["admin", "create", "--email", "root@example.org", ...db]);
    assert.equal(again.code, 1);
    assert.match(again.stderr, /an account for root@example\.org exists already/);
  });

  it("create --password-stdin sets the password without it ever being an argument", async () => {
    const { code, stderr } = await runCli(["admin", "create", "--email", "cur@example.org", "--role", "curator", "--password-stdin", ...db], { cwd: workspace.dir, input: "a long enough password\n" });
    assert.equal(code, 0, stderr);
    const community = await openCommunityStore({ path: join(workspace.dir, "community.db") });
    try {
      const found = (await community.credentials("cur@example.org"))!;
      assert.equal(found.role, "curator");
      assert.ok(found.emailVerifiedAt);
      assert.equal(await verifyPassword("a long enough password", found.passwordHash), true);
    } finally {
      await community.close();
    }
  });

  it("role and settings change what they name, and refuse what does not exist", async () => {
    assert.match((await cli(["admin", "role", "--email", "cur@example.org", "--role", "member", ...db])).stdout, /is now member/);
    assert.equal((await cli(["admin", "role", "--email", "cur@example.org", "--role", "king", ...db])).code, 2);
    assert.equal((await cli(["admin", "role", "--email", "nobody@example.org", "--role", "admin", ...db])).code, 2);
    const set = await cli(["admin", "settings", "--submissions", "curators", "--daily-cap", "5", ...db]);
    assert.equal(set.stdout, "submissions: curators\ndaily cap: 5\n");
    const bad = await cli(["admin", "settings", "--daily-cap", "500", ...db]);
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /dailyCap must be an integer 0–100/);
  });
});
