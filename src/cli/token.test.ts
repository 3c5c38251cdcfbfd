import assert from "node:assert/strict";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { hashToken } from "../actions/api-tokens.js";
import { openApiTokenStore } from "../store/open-api-tokens.js";
import { runCli, tempWorkspace } from "./testing/run-cli.js";

const workspace = tempWorkspace();
after(workspace.remove);
const cli = (args: string[]) => runCli([...args, "--db", "tokens.db"], { cwd: workspace.dir });

describe("paperfeed token", () => {
  it("create prints a token once for an existing account; only its hash is stored", async () => {
    assert.equal((await cli(["admin", "create", "--email", "ada@example.org", "--role", "member"])).code, 0);
    const { code, stdout, stderr } = await cli(["token", "create", "--email", "Ada@Example.org", "--name", "script"]);
    assert.equal(code, 0, stderr);
    const token = stdout.trim();
    assert.match(token, /^pf_[A-Za-z0-9_-]{43}$/);
    assert.match(stderr, /token 1 "script" for ada@example\.org; store it now/);
    const tokens = await openApiTokenStore({ path: join(workspace.dir, "tokens.db") });
    try {
      assert.equal((await tokens.findActiveToken(hashToken(token)))?.email, "ada@example.org");
    } finally {
      await tokens.close();
    }
  });

  it("list shows name and first characters, revoke ends a token, and unknown accounts or ids are refused", async () => {
    const listed = await cli(["token", "list", "--email", "ada@example.org"]);
    assert.match(listed.stdout, /^1\tpf_\S{4}…\tscript\tcreated \S+\tlast used never$/m);
    assert.doesNotMatch(listed.stdout, /pf_[A-Za-z0-9_-]{43}/, "never the token itself");
    assert.equal((await cli(["token", "revoke", "1"])).stdout, "token 1 revoked\n");
    assert.match((await cli(["token", "list", "--email", "ada@example.org"])).stdout, /\trevoked \S+$/m);
    assert.equal((await cli(["token", "revoke", "1"])).code, 2, "already revoked");
    assert.equal((await cli(["token", "revoke", "one"])).code, 2);
    const nobody = await cli(["token", "create", "--email", "nobody@example.org"]);
    assert.equal(nobody.code, 1);
    assert.match(nobody.stderr, /no account uses nobody@example\.org/);
  });
});
