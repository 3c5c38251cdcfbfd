import assert from "node:assert/strict";
import { test } from "node:test";
import { githubRepoOf, githubReposOf } from "./github-repo.js";

test("githubRepoOf: one key per repository, whatever the link's shape", () => {
  for (const url of [
    "https://github.com/Owner-1/My.Repo_x",
    "https://github.com/owner-1/my.repo_x.git",
    "http://www.github.com/OWNER-1/My.Repo_x/",
    "https://github.com/Owner-1/My.Repo_x/tree/main/src/models",
    "https://github.com/Owner-1/My.Repo_x/blob/v2/README.md#L10",
    "https://github.com/Owner-1/My.Repo_x?tab=readme-ov-file",
    "github.com/Owner-1/My.Repo_x",
  ]) {
    assert.equal(githubRepoOf(url), "owner-1/my.repo_x", url);
  }
});

test("githubRepoOf: GitHub's own pages, bare users, other hosts and bad names are no repository", () => {
  for (const url of [
    "https://github.com/owner",
    "https://github.com/features/actions",
    "https://github.com/orgs/acme/repositories",
    "https://github.com/topics/llm",
    "https://gist.github.com/a/b",
    "https://gitlab.com/a/b",
    "https://github.com/-bad/repo",
    "https://github.com/a/..",
    "https://github.com/a/.git",
    "not a url at all",
  ]) {
    assert.equal(githubRepoOf(url), null, url);
  }
});

test("githubReposOf: distinct repositories of the GitHub links, in order", () => {
  assert.deepEqual(
    githubReposOf([
      { kind: "project", url: "https://a.github.io/x" },
      { kind: "github", url: "https://github.com/B/y/tree/main" },
      { kind: "github", url: "https://github.com/a/x" },
      { kind: "github", url: "https://github.com/b/Y.git" },
    ]),
    ["b/y", "a/x"],
  );
});
