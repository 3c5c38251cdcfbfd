/** `/help/search` — the query language on one short page, every example a working link. */
import { Layout, SHORTCUTS } from "./layout.js";

const ROWS: Array<{ query: string; meaning: string }> = [
  {
    query: "graph neural networks",
    meaning: "Papers with any of the words; more matching words, and rarer ones, rank first.",
  },
  {
    query: '"message passing"',
    meaning:
      "These words next to each other, in this order (required). In a sentence or pasted text a quoted phrase only weighs more; +\"…\" requires it.",
  },
  {
    query: "+diffusion -video",
    meaning: '+ the word must appear; − it must not (also −"a phrase", −au:name).',
  },
  { query: "ti:transformer", meaning: "Only in the title (required). abs: searches only the abstract." },
  { query: 'au:"Yann LeCun"', meaning: "Papers by an author; quote names that have a space." },
  {
    query: "cat:cs.LG",
    meaning: "In a category, or every category of an archive (cat:cs); −cat:cs.CV leaves one out.",
  },
  { query: "id:2401.01234", meaning: "One paper by its arXiv id (old ids too: id:hep-th/9901001)." },
  { query: "since:2024-06 until:2025", meaning: "Announced in a date range: a year, a month or a day." },
  { query: "year:2019..2021", meaning: "Announced in these years (or one: year:2019)." },
  { query: "sort:newest", meaning: "Newest first instead of best match (also sort:oldest)." },
];

export function HelpPage() {
  return (
    <Layout title="How to search" section="help">
      <header class="page-head">
        <h1>How to search</h1>
        <p class="summary">
          Type words; add the operators below to narrow things down. Case and word endings do not matter.
        </p>
      </header>
      <table class="help-table">
        <thead>
          <tr>
            <th scope="col">Query</th>
            <th scope="col">Finds</th>
          </tr>
        </thead>
        <tbody>
          {ROWS.map((row) => (
            <tr>
              <td>
                <a href={`/search?q=${encodeURIComponent(row.query)}`}>
                  <code>{row.query}</code>
                </a>
              </td>
              <td>{row.meaning}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        The filters above the results do the same as <code>cat:</code>, <code>since:</code> and{" "}
        <code>until:</code>, and “Has code” keeps papers that link to code, models or a project page. Press{" "}
        <kbd>/</kbd> anywhere to jump to the search box, and <kbd>j</kbd>/<kbd>k</kbd> to move between
        results.
      </p>
      <p>
        Questions and pasted paragraphs work too: words said twice count more, and a long text is searched by
        its most telling words. When a phrase matches nothing you get papers with its words, and a misspelt
        word gets a “Did you mean”. Paste an arXiv id, an arxiv.org address or an arXiv DOI to open that paper.
      </p>
      <h2 id="shortcuts">Keyboard shortcuts</h2>
      <table class="help-table">
        <tbody>
          {SHORTCUTS.map(([keys, what]) => (
            <tr>
              <td>
                <kbd>{keys}</kbd>
              </td>
              <td>{what}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Layout>
  );
}
