/**
 * Learning the corpus model reads ~120k real records (about 20 s), and every benchmark child
 * process needs it; so it is learned once and kept in bench/out/, keyed by the source files' names,
 * sizes and modification times.
 */
import fs from "node:fs";
import path from "node:path";
import { arxivDataDir, OUT_DIR } from "../paths.js";
import { learnCorpusModel, SOURCE_FILES, type CorpusModel } from "./learn.js";

interface CacheFile {
  key: string;
  model: CorpusModel;
}

function sourcesKey(dir: string): string {
  if (!fs.existsSync(dir))
    throw new Error(`bench: no arXiv data at ${dir} (set PAPERFEED_SHARED_DIR to the shared folder)`);
  return fs
    .readdirSync(dir)
    .sort()
    .map((name) => {
      const stat = fs.statSync(path.join(dir, name));
      return `${name}:${stat.size}:${Math.floor(stat.mtimeMs)}`;
    })
    .join("|");
}

/** The model of the shared arXiv records, from the cache when it is current. */
export async function loadCorpusModel(
  dir = arxivDataDir(),
  cacheFile = path.join(OUT_DIR, "corpus-model.json"),
): Promise<CorpusModel> {
  const key = sourcesKey(dir);
  if (fs.existsSync(cacheFile)) {
    const cached = JSON.parse(fs.readFileSync(cacheFile, "utf8")) as CacheFile;
    if (cached.key === key) return cached.model;
  }
  const model = await learnCorpusModel(SOURCE_FILES.map((name) => path.join(dir, name)));
  fs.mkdirSync(path.dirname(cacheFile), { recursive: true });
  fs.writeFileSync(cacheFile, JSON.stringify({ key, model } satisfies CacheFile));
  return model;
}
