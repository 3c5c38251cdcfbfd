/**
 * Text-mode LaTeX in titles and abstracts (outside `$…$`, which math.ts typesets) as readable
 * text: `\emph{…}` italic, `\textbf{…}` bold, `\texttt{…}` code, `\url`/`\href` links, `\%`
 * and friends as their characters, accents (`\"o` → ö), `--`/`---` as dashes, `~` as a
 * non-breaking space; citations dropped, references shown as "[ref]". A command we do not know
 * (often an author's own macro, `\method`) shows as its name, never with its backslash.
 *
 * The result is a list of runs, each remembering where it came from in the source, so search
 * highlights (given as source offsets) still land on the right words. A run whose text is the
 * source unchanged is `verbatim`; marks may cover part of it. Unbalanced braces (a snippet cut
 * mid-group) are tolerated: an unclosed group ends with the text, a stray `}` is dropped.
 */
import { ACCENTS, LETTERS } from "./tables.js";

export type TextStyle = "i" | "b" | "tt" | "sc" | "u";

export interface TextRun {
  /** Source offsets [start, end) of what this run came from. */
  start: number;
  end: number;
  text: string;
  /** True when `text` is exactly the source slice. */
  verbatim: boolean;
  styles: readonly TextStyle[];
  /** An http(s) link target, from \url or \href. */
  href: string | null;
}

interface Frame {
  styles: TextStyle[];
  href: string | null;
  /** Text that closes the group, e.g. ")" after a footnote. */
  closing: string;
}

/** Commands taking one argument that is shown in a style ("" = shown plain). */
const STYLED_ARG: Record<string, TextStyle | ""> = {
  textit: "i", emph: "i", textsl: "i", textbf: "b", textsc: "sc", texttt: "tt", underline: "u",
  boldsymbol: "b", bm: "b", textrm: "", textsf: "", textup: "", textnormal: "", text: "", mbox: "", hbox: "",
  textmd: "", mathrm: "", mathbf: "b", mathit: "i", mathtt: "tt", ensuremath: "",
};
/** Old-style switches that style the rest of their group ("" = no visible style). */
const SWITCHES: Record<string, TextStyle | ""> = {
  it: "i", em: "i", sl: "i", itshape: "i", bf: "b", bfseries: "b", tt: "tt", ttfamily: "tt", sc: "sc", scshape: "sc",
  rm: "", sf: "", normalfont: "", upshape: "", tiny: "", scriptsize: "", footnotesize: "", small: "",
  normalsize: "", large: "", Large: "", LARGE: "", huge: "", Huge: "", centering: "", noindent: "", par: "",
  newline: "", linebreak: "", romannumeral: "", relax: "", xspace: "", protect: "", nolinebreak: "",
};
/** Commands whose arguments are dropped with them. */
const DROPPED = new Set(["cite", "citep", "citet", "citealp", "citealt", "citeauthor", "citeyear", "nocite", "label", "vspace", "hspace", "color"]);
const REFERENCES = new Set(["ref", "eqref", "autoref", "cref", "Cref", "pageref"]);
/** Greek letters and common symbols, outside math (a slipped `\alpha`) and in plain text of math. */
// prettier-ignore
export const GREEK: Record<string, string> = {
  alpha: "α", beta: "β", gamma: "γ", delta: "δ", epsilon: "ε", varepsilon: "ε", zeta: "ζ", eta: "η", theta: "θ",
  iota: "ι", kappa: "κ", lambda: "λ", mu: "μ", nu: "ν", xi: "ξ", pi: "π", rho: "ρ", sigma: "σ", tau: "τ",
  upsilon: "υ", phi: "φ", varphi: "φ", chi: "χ", psi: "ψ", omega: "ω", Gamma: "Γ", Delta: "Δ", Theta: "Θ",
  Lambda: "Λ", Xi: "Ξ", Pi: "Π", Sigma: "Σ", Phi: "Φ", Psi: "Ψ", Omega: "Ω", hbar: "ħ", infty: "∞",
  to: "→", rightarrow: "→", times: "×", pm: "±", le: "≤", leq: "≤", ge: "≥", geq: "≥", sim: "∼", approx: "≈",
};
// prettier-ignore
const SYMBOLS: Record<string, string> = {
  LaTeX: "LaTeX", TeX: "TeX", ldots: "…", dots: "…", textellipsis: "…", S: "§", P: "¶", textasciitilde: "~",
  textasciicircum: "^", textbackslash: "∖", textless: "<", textgreater: ">", textbar: "|", textendash: "–",
  textemdash: "—", textquoteright: "’", textquoteleft: "‘", textquotedblleft: "“", textquotedblright: "”",
  textregistered: "®", texttrademark: "™", copyright: "©", textcopyright: "©", dag: "†", ddag: "‡",
  textdagger: "†", textbullet: "•", textdegree: "°", degree: "°", textmu: "µ", ell: "ℓ", item: "• ",
  aa: "å", AA: "Å", j: "ȷ", Msun: "M☉", Mo: "M☉", Lsun: "L☉", kms: "km s⁻¹", eg: "e.g.", ie: "i.e.",
  etal: "et al.", quad: " ", qquad: "  ", cdot: "·", deg: "°", prime: "′", pounds: "£", euro: "€",
  ...GREEK,
};
/** Accent commands spelled as letters (`\v{c}`); the one-character ones (`\"o`) come from ACCENTS too. */
const MARK_OF: Record<string, string> = Object.fromEntries(Object.entries(ACCENTS).map(([mark, command]) => [command, mark]));
/** `\ss` → ß, `\o` → ø, … (the export table read backwards). */
const LETTER_OF: Record<string, string> = Object.fromEntries(
  Object.entries(LETTERS)
    .filter(([, tex]) => /^\{\\[A-Za-z]+\}$/.test(tex))
    .map(([char, tex]) => [tex.slice(2, -1), char]),
);
const ESCAPED = new Set([..."%&_#${}"]);

/** The index after the group that opens at `open` (a "{"), or -1 when it never closes. */
function groupEnd(s: string, open: number): number {
  let depth = 0;
  for (let k = open; k < s.length; k++) {
    if (s[k] === "\\") k++;
    else if (s[k] === "{") depth++;
    else if (s[k] === "}" && --depth === 0) return k + 1;
  }
  return -1;
}

/** Skips `[…]` options and spaces before an argument. */
function skipOptions(s: string, k: number): number {
  for (;;) {
    while (s[k] === " ") k++;
    if (s[k] !== "[") return k;
    const close = s.indexOf("]", k);
    if (close < 0) return k;
    k = close + 1;
  }
}

const safeHref = (url: string) => (/^https?:\/\/[^\s"<>]+$/i.test(url) ? url : null);

/** Converts one piece of text (no math in it) into styled runs. */
export function textRuns(s: string): TextRun[] {
  const runs: TextRun[] = [];
  const stack: Frame[] = [{ styles: [], href: null, closing: "" }];
  const top = () => stack[stack.length - 1]!;
  let plainFrom = 0;
  let i = 0;

  const push = (start: number, end: number, text: string, verbatim: boolean) => {
    if (text) runs.push({ start, end, text, verbatim, styles: [...top().styles], href: top().href });
  };
  /** Ends the plain text before `start` and puts `text` for the source [start, end). */
  const emit = (start: number, end: number, text: string, href: string | null = null) => {
    push(plainFrom, start, s.slice(plainFrom, start), true);
    if (href && text) runs.push({ start, end, text, verbatim: false, styles: [...top().styles], href });
    else push(start, end, text, false);
    plainFrom = end;
    i = end;
  };
  const open = (frame: Partial<Frame>) => stack.push({ styles: [...top().styles], href: top().href, closing: "", ...frame });
  const withStyle = (style: TextStyle | "") => (style && !top().styles.includes(style) ? [...top().styles, style] : [...top().styles]);

  /**
   * An accent `mark` on the letter at k (`o`, `{o}`, `{\i}`); without a letter, the accent is
   * dropped. After a lettered accent (`\v c`) spaces may come first, as TeX allows.
   */
  const accent = (start: number, k: number, mark: string, spaces = false): void => {
    while (spaces && s[k] === " ") k++;
    const braced = s[k] === "{";
    const inner = braced ? k + 1 : k;
    let base = s[inner] ?? "";
    let after = inner + 1;
    if (base === "\\" && /[ij]/.test(s[inner + 1] ?? "") && !/[A-Za-z]/.test(s[inner + 2] ?? "")) {
      base = s[inner + 1] === "i" ? "i" : "j";
      after = inner + 2;
    }
    if (!/[A-Za-z]/.test(base)) return emit(start, start + 2, "");
    if (braced) {
      if (s[after] !== "}") return emit(start, start + 2, "");
      after++;
    }
    emit(start, after, `${base}${mark}`.normalize("NFC"));
  };

  const command = (start: number): void => {
    const name = /^[A-Za-z]+/.exec(s.slice(start + 1))![0];
    let k = start + 1 + name.length;
    const argAt = skipOptions(s, k);
    const hasArg = s[argAt] === "{";
    if (Object.hasOwn(STYLED_ARG, name) && hasArg) {
      emit(start, argAt + 1, "");
      return void open({ styles: withStyle(STYLED_ARG[name]!) });
    }
    if (Object.hasOwn(SWITCHES, name)) {
      if (s[k] === " ") k++;
      emit(start, k, "");
      top().styles = withStyle(SWITCHES[name]!);
      return;
    }
    if (DROPPED.has(name) || REFERENCES.has(name)) {
      const end = hasArg ? groupEnd(s, argAt) : k;
      const to = end < 0 ? s.length : end;
      if (REFERENCES.has(name)) return emit(start, to, "[ref]");
      // "as shown in \cite{x}." reads "as shown in." — the space before a dropped citation goes too.
      const kept = s.slice(plainFrom, start).replace(/\s+$/, "");
      push(plainFrom, plainFrom + kept.length, kept, true);
      plainFrom = start;
      return emit(start, to, "");
    }
    if ((name === "url" || name === "href") && hasArg) {
      const end = groupEnd(s, argAt);
      if (end < 0) return emit(start, s.length, s.slice(argAt + 1));
      const url = s.slice(argAt + 1, end - 1);
      if (name === "url") return emit(start, end, url, safeHref(url));
      const textAt = skipOptions(s, end);
      if (s[textAt] !== "{") return emit(start, end, url, safeHref(url));
      emit(start, textAt + 1, "");
      return void open({ href: safeHref(url) });
    }
    if ((name === "footnote" || name === "thanks") && hasArg) {
      emit(start, argAt + 1, " (");
      return void open({ closing: ")" });
    }
    if ((name === "textcolor" || name === "colorbox") && hasArg) {
      const end = groupEnd(s, argAt);
      if (end > 0 && s[end] === "{") {
        emit(start, end + 1, "");
        return void open({});
      }
    }
    if ((name === "begin" || name === "end") && hasArg) {
      const end = groupEnd(s, argAt);
      return emit(start, end < 0 ? s.length : end, " ");
    }
    if (Object.hasOwn(MARK_OF, name) && name.length === 1 && (hasArg || s[k] === " ")) return accent(start, k, MARK_OF[name]!, true);
    // A letter's command ends its word's first part: TeX drops the space after "\ss" in "Stra\ss e".
    const letterEnd = s[k] === " " ? k + 1 : s[k] === "{" && s[k + 1] === "}" ? k + 2 : k;
    if (Object.hasOwn(LETTER_OF, name)) return emit(start, letterEnd, LETTER_OF[name]!);
    if (name === "i") return emit(start, letterEnd, "ı");
    if (Object.hasOwn(SYMBOLS, name)) return emit(start, k + (s[k] === "{" && s[k + 1] === "}" ? 2 : 0), SYMBOLS[name]!);
    // An author's own macro (\method, \ours): its name is the best guess at what it stands for.
    emit(start, k + (s[k] === "{" && s[k + 1] === "}" ? 2 : 0), name);
  };

  while (i < s.length) {
    const c = s[i]!;
    const next = s[i + 1] ?? "";
    if (c === "\\") {
      if (/[A-Za-z]/.test(next)) command(i);
      else if (ESCAPED.has(next)) emit(i, i + 2, next);
      else if (Object.hasOwn(MARK_OF, next) && !/[A-Za-z]/.test(next)) accent(i, i + 2, MARK_OF[next]!);
      else if (next === ",") emit(i, i + 2, "\u2009");
      else if (next === " " || next === "\\" || next === ";" || next === ":" || next === "\n") emit(i, i + 2, " ");
      else emit(i, i + 1 + next.length, next === "-" || next === "/" || next === "@" ? "" : next);
    } else if (c === "{") {
      emit(i, i + 1, "");
      open({});
    } else if (c === "}") {
      emit(i, i, ""); // the group's text keeps the group's style
      const closing = stack.length > 1 ? stack.pop()!.closing : "";
      emit(i, i + 1, closing);
    } else if (c === "~" && s[i - 1] !== "/") {
      // "~" between words is a tie; after "/" (a home page URL) it is a real tilde.
      emit(i, i + 1, "\u00A0");
    } else if (c === "-" && next === "-") {
      emit(i, s[i + 2] === "-" ? i + 3 : i + 2, s[i + 2] === "-" ? "—" : "–");
    } else if (c === "`" && next === "`") emit(i, i + 2, "“");
    else if (c === "'" && next === "'") emit(i, i + 2, "”");
    else i++;
  }
  push(plainFrom, s.length, s.slice(plainFrom), true);
  return runs;
}

/** The text alone, for places without markup (<title>, meta tags, feeds). Math is not looked for: see latexToText. */
export const latexTextToPlain = (s: string): string =>
  textRuns(s)
    .map((r) => r.text)
    .join("");

/** Inline and display math as arXiv abstracts write it: `$…$`, `$$…$$`, `\(…\)`, `\[…\]`. */
const MATH = /\$\$[^$]+?\$\$|(?<!\\)\$(?:\\\$|[^$])+?(?<!\\)\$|\\\([\s\S]+?\\\)|\\\[[\s\S]+?\\\]/g;

/**
 * A title or abstract as plain text for mail and feeds: text LaTeX outside math rendered
 * (`\emph{x}` → x, `91\%` → 91%, accents, dashes), math kept as written, since a reader without
 * a renderer reads `$x^2$` better than a guess at it.
 */
export function latexToText(s: string): string {
  let out = "";
  let last = 0;
  for (const m of s.matchAll(MATH)) {
    out += latexTextToPlain(s.slice(last, m.index)) + m[0];
    last = m.index + m[0].length;
  }
  return out + latexTextToPlain(s.slice(last));
}
