/** `/papers/:id` — one paper: title, authors, abstract with math, links, facts, versions, citation. */
import { RelatedPapers } from "./related.js";
import { paperHref } from "../format.js";
import { Layout } from "../layout.js";
import { plainText } from "../math.js";
import { AllAuthors } from "../components/authors.js";
import { CodeLinkList } from "../components/code-links.js";
import { CategoryChip } from "../components/paper-item.js";
import { RichText } from "../components/rich-text.js";
import { Thumbnail } from "../components/thumbnail.js";
import type { PaperView } from "./present.js";
import { formatStars, starsOf } from "../present/stars.js";
import { chars } from "../components/html-string.js";
import { ExportLinks } from "../../export/links.js";

function Facts({ view }: { view: PaperView }) {
  return (
    <dl class="facts">
      <dt>arXiv id</dt>
      <dd>
        <a href={view.arxivUrl}>
          {view.id}v{view.version}
        </a>
      </dd>
      <dt>Categories</dt>
      <dd class="chips">
        {view.categories.map((c) => (
          <CategoryChip category={c} />
        ))}
      </dd>
      {view.facts.map((fact) => (
        <>
          <dt>{fact.label}</dt>
          <dd>{fact.href ? <a href={fact.href}>{fact.text}</a> : fact.text}</dd>
        </>
      ))}
      {view.versions.length > 0 && (
        <>
          <dt>Versions</dt>
          <dd>
            <ul class="versions">
              {view.versions.map((v) => (
                <li>
                  <a href={v.href}>{v.label}</a> {v.date}
                  {v.size && <span class="muted"> · {v.size}</span>}
                </li>
              ))}
            </ul>
          </dd>
        </>
      )}
    </dl>
  );
}

/** The first code link, with its GitHub stars when known; the full list is further down. */
function CodeAction({ view }: { view: PaperView }) {
  const link = view.codeLinks[0];
  if (!link) return null;
  const stars = starsOf(link, view.stars);
  return (
    <a class="button" href={link.url}>
      Code{stars && <span class="muted"> {chars.star} {formatStars(stars.stars)}</span>}
      {stars && <span class="visually-hidden"> GitHub stars</span>}
    </a>
  );
}

function Cite({ view }: { view: PaperView }) {
  return (
    <section class="cite" aria-labelledby="cite-heading">
      <h2 id="cite-heading">Cite</h2>
      <div class="copyable">
        <p id="citation-text" class="citation">
          {view.citation}
        </p>
        <button type="button" class="copy" data-copy="citation-text" hidden>
          Copy citation
        </button>
      </div>
      <details class="bibtex">
        <summary>BibTeX</summary>
        <div class="copyable">
          <pre id="bibtex-text" tabindex={0}>
            {view.bibtex}
          </pre>
          <button type="button" class="copy" data-copy="bibtex-text" hidden>
            Copy BibTeX
          </button>
        </div>
      </details>
      <ExportLinks list="paper" params={{ id: view.id }} label="Export:" />
    </section>
  );
}

export function PaperPage({ view }: { view: PaperView }) {
  return (
    <Layout
      title={plainText(view.title)}
      math={view.hasMath}
      canonical={view.canonical ?? paperHref(view.id)}
      description={view.description}
    >
      <article class="paper-page">
        <p class="kicker">
          <CategoryChip category={view.categories[0] ?? ""} /> arXiv:{view.id}v{view.version} ·{" "}
          {view.announcedLabel}
        </p>
        <h1 class="paper-page-title">
          <RichText text={view.title} />
        </h1>
        <AllAuthors names={view.authors} />
        {/* The community adds upvote, Save and Follow at the start of this block (engage-routes.tsx, follow/routes.tsx). */}
        <div class="actions">
          <a class="button" href="#cite-heading">
            Cite
          </a>
          <a class="button primary" href={view.pdfUrl}>
            PDF
          </a>
          <a class="button" href={view.arxivUrl}>
            arXiv page
          </a>
          <CodeAction view={view} />
        </div>
        <section aria-labelledby="abstract-heading">
          {view.thumbnail ? (
            <a class="paper-page-thumb" href={view.pdfUrl} title="Open the PDF">
              <Thumbnail thumbnail={view.thumbnail} title={view.title} category={view.categories[0] ?? ""} class="paper-page-thumb-image" />
            </a>
          ) : (
            // The placeholder is hidden from screen readers, so it is no link (a link needs a name).
            view.thumbnail === null && (
              <div class="paper-page-thumb">
                <Thumbnail thumbnail={null} title={view.title} category={view.categories[0] ?? ""} class="paper-page-thumb-image" />
              </div>
            )
          )}
          <h2 id="abstract-heading">Abstract</h2>
          <div class="abstract">
            {view.abstractParagraphs.map((para) => (
              <p>
                <RichText text={para} />
              </p>
            ))}
          </div>
        </section>
        <RelatedPapers papers={view.related} />
        {view.codeLinks.length > 0 && (
          <section aria-labelledby="code-heading">
            <h2 id="code-heading">Code and links</h2>
            <CodeLinkList links={view.codeLinks} stars={view.stars} />
          </section>
        )}
        <section aria-labelledby="details-heading">
          <h2 id="details-heading">Details</h2>
          <Facts view={view} />
        </section>
        <Cite view={view} />
      </article>
    </Layout>
  );
}
