/**
 * Inline SVG icons for code links (no icon font, no extra request). Each icon is decorative; the
 * link around it carries the accessible name.
 */
import { raw } from "hono/html";
import type { CodeLinkKind } from "../../../core/paper.js";

// Octicons mark-github (MIT, GitHub Inc.).
const GITHUB =
  "M8 0c4.42 0 8 3.58 8 8a8.013 8.013 0 0 1-5.45 7.59c-.4.08-.55-.17-.55-.38 0-.27.01-1.13.01-2.2 0-.75-.25-1.23-.54-1.48 1.78-.2 3.65-.88 3.65-3.95 0-.88-.31-1.59-.82-2.15.08-.2.36-1.02-.08-2.12 0 0-.67-.22-2.2.82-.64-.18-1.32-.27-2-.27-.68 0-1.36.09-2 .27-1.53-1.03-2.2-.82-2.2-.82-.44 1.1-.16 1.92-.08 2.12-.51.56-.82 1.28-.82 2.15 0 3.06 1.86 3.75 3.64 3.95-.23.2-.44.55-.51 1.07-.46.21-1.61.55-2.33-.66-.15-.24-.6-.83-1.23-.82-.67.01-.27.38.01.53.34.19.73.9.82 1.13.16.45.68 1.31 2.69.94 0 .67.01 1.3.01 1.49 0 .21-.15.45-.55.38A7.995 7.995 0 0 1 0 8c0-4.42 3.58-8 8-8Z";

function Svg({ children }: { children: unknown }) {
  return (
    <svg class="icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      {children}
    </svg>
  );
}

const stroke = { fill: "none", stroke: "currentColor", "stroke-width": "1.5", "stroke-linecap": "round" };

/** Icons never change: each is made once, as the HTML string cards reuse (a card rendered its SVG nodes anew). */
const made = new Map<string, ReturnType<typeof raw>>();
function once(key: string, make: () => unknown) {
  let html = made.get(key);
  if (!html) made.set(key, (html = raw(String(make()))));
  return html;
}

export const CodeIcon = ({ kind }: { kind: CodeLinkKind }) => once(kind, () => codeIcon(kind));

function codeIcon(kind: CodeLinkKind) {
  switch (kind) {
    case "github":
      return (
        <Svg>
          <path fill="currentColor" d={GITHUB} />
        </Svg>
      );
    case "gitlab":
      return (
        <Svg>
          <path fill="currentColor" d="M8 15 1.2 10l1.2-4.2L3.9 1l1.7 5h4.8l1.7-5 1.5 4.8 1.2 4.2Z" />
        </Svg>
      );
    case "huggingface":
      return (
        <Svg>
          <circle cx="8" cy="8" r="6.8" {...stroke} />
          <circle cx="5.6" cy="6.6" r="1.1" fill="currentColor" />
          <circle cx="10.4" cy="6.6" r="1.1" fill="currentColor" />
          <path d="M5 9.6a3.3 3.3 0 0 0 6 0" {...stroke} />
        </Svg>
      );
    case "project":
      return (
        <Svg>
          <path
            d="M6.6 9.4l2.8-2.8M7.2 4.6l1-1a2.6 2.6 0 0 1 3.7 3.7l-1 1M8.8 11.4l-1 1a2.6 2.6 0 0 1-3.7-3.7l1-1"
            {...stroke}
          />
        </Svg>
      );
  }
}

export const CODE_LABEL: Record<CodeLinkKind, string> = {
  github: "GitHub",
  gitlab: "GitLab",
  huggingface: "Hugging Face",
  project: "Project page",
};

/** A speech bubble, beside a comment count. */
export const CommentIcon = () =>
  once("comment", () => (
    <Svg>
      <path {...stroke} stroke-linejoin="round" d="M2.5 3.5h11v7h-6l-3 2.5v-2.5h-2z" />
    </Svg>
  ));
