/**
 * Where the benchmark reads and writes. Real arXiv records come from the shared data folder next to
 * the repository (`../shared`, or `PAPERFEED_SHARED_DIR`); results and caches go to `bench/out/`
 * (ignored by git) except RESULTS.md.
 */
import path from "node:path";

export const REPO_ROOT = path.resolve(import.meta.dirname, "..");
export const OUT_DIR = path.join(REPO_ROOT, "bench", "out");
export const RESULTS_FILE = path.join(REPO_ROOT, "bench", "RESULTS.md");

/** The shared folder: `PAPERFEED_SHARED_DIR`, default `../shared` from the repository root. */
export function sharedDir(): string {
  const fromEnv = process.env.PAPERFEED_SHARED_DIR;
  return fromEnv ? path.resolve(fromEnv) : path.resolve(REPO_ROOT, "..", "shared");
}

export const arxivDataDir = () => path.join(sharedDir(), "data", "arxiv");

/** The environment for running the CLI: it refuses unknown PAPERFEED_* variables (the bench's own PAPERFEED_SHARED_DIR among them). */
export const cliEnv = (): NodeJS.ProcessEnv =>
  Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith("PAPERFEED_")));
