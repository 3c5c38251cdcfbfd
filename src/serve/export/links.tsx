/** "Export: BibTeX · RIS · CSL-JSON" links for a page's list (paper, search results, daily list). */
import { type ExportFormat, exportHref } from "./routes.js";

const LABELS: Array<[ExportFormat, string]> = [
  ["bib", "BibTeX"],
  ["ris", "RIS"],
  ["csl", "CSL-JSON"],
];

export function ExportLinks(props: { list: "paper" | "search" | "day" | "collection"; params: Record<string, string | undefined>; label?: string }) {
  return (
    <p class="export-links">
      <span class="muted">{props.label ?? "Export this list:"}</span>{" "}
      {LABELS.map(([format, label], i) => (
        <>
          {i > 0 && " · "}
          <a href={exportHref(props.list, format, props.params)} rel="nofollow">
            {label}
          </a>
        </>
      ))}
    </p>
  );
}
