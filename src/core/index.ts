export * from "./paper.js";
export * from "./errors.js";
export * from "./arxiv-id.js";
export * from "./code-links.js";
export * from "./make-paper.js";
export * from "./authors.js";
export * from "./github-repo.js";
