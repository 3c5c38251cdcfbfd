import assert from "node:assert/strict";
import { test } from "node:test";
import { extractCodeLinks } from "./code-links.js";

test("drops the sentence's full stop after a URL (seed page, TokenFormer)", () => {
  const abstract = "Code and models are available at https://github.com/Haiyang-W/TokenFormer.";
  assert.deepEqual(extractCodeLinks(abstract), [{ kind: "github", url: "https://github.com/Haiyang-W/TokenFormer" }]);
});

test("classifies GitHub, GitLab, Hugging Face and project pages; skips arXiv and DOIs", () => {
  const text =
    "See (https://gitlab.com/group/proj), weights at huggingface.co/org/model; project page https://foo.github.io/bar/ " +
    "and https://arxiv.org/abs/2401.00001, https://doi.org/10.1/x.";
  assert.deepEqual(extractCodeLinks(text), [
    { kind: "gitlab", url: "https://gitlab.com/group/proj" },
    { kind: "huggingface", url: "https://huggingface.co/org/model" },
    { kind: "project", url: "https://foo.github.io/bar" },
  ]);
});

test("keeps balanced parentheses inside a URL and deduplicates", () => {
  const links = extractCodeLinks("https://example.org/a_(b) and https://EXAMPLE.org/a_(b).", "https://github.com/x/y");
  assert.deepEqual(links.map((l) => l.url), ["https://example.org/a_(b)", "https://github.com/x/y"]);
});

test("a bare github.com without a repository is not a code link", () => {
  assert.deepEqual(extractCodeLinks("hosted on https://github.com."), []);
});
