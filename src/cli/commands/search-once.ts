/** One query: a readable list (id, day, title, authors) or one JSON document. */
import type { Paper } from "../../core/paper.js";
import type { SearchEngine, SortOrder } from "../../search/types.js";
import type { Store } from "../../store/types.js";

const AUTHORS_SHOWN = 5;

export async function searchOnce(
  engine: SearchEngine,
  store: Store,
  q: string,
  options: { limit: number; sort: SortOrder; format: "text" | "json" },
): Promise<void> {
  const result = engine.search({ q, limit: options.limit, sort: options.sort });
  const papers = new Map((await store.getPapers(result.hits.map((hit) => hit.id))).map((p) => [p.id, p]));
  const rows = result.hits.flatMap((hit) => {
    const paper = papers.get(hit.id);
    return paper ? [{ score: hit.score, paper }] : [];
  });

  if (options.format === "json") {
    const hits = rows.map(({ score, paper }, i) => ({
      rank: i + 1,
      id: paper.id,
      score,
      announced: paper.announced,
      title: paper.title,
      authors: paper.authors.map((a) => a.name),
      categories: paper.categories,
    }));
    process.stdout.write(
      `${JSON.stringify({ query: q, sort: options.sort, total: result.total, tookMs: Math.round(result.tookMs * 100) / 100, hits }, null, 2)}\n`,
    );
    return;
  }

  const plural = result.total === 1 ? "paper" : "papers";
  process.stdout.write(
    `${result.total} ${plural} match ${JSON.stringify(q)} (${result.tookMs.toFixed(1)} ms)\n`,
  );
  rows.forEach(({ paper }, i) => process.stdout.write(formatRow(i + 1, paper)));
  if (result.total > rows.length) process.stdout.write(`… ${result.total - rows.length} more (--limit)\n`);
}

function formatRow(rank: number, paper: Paper): string {
  const names = paper.authors.map((a) => a.name);
  const authors =
    names.length > AUTHORS_SHOWN ? `${names.slice(0, AUTHORS_SHOWN).join(", ")} et al.` : names.join(", ");
  const prefix = `${String(rank).padStart(3)}. `;
  const indent = " ".repeat(prefix.length);
  return `${prefix}${paper.id}  ${paper.announced}  ${paper.title}\n${indent}${authors}\n`;
}
