/** Readable names for the licence URLs arXiv records. */

const CC = /creativecommons\.org\/(licenses|publicdomain)\/([a-z-]+)\/(\d\.\d)/i;

export function licenseName(url: string): string {
  const cc = CC.exec(url);
  if (cc) {
    const [, kind, code, version] = cc;
    if (kind === "publicdomain") return code === "zero" ? `CC0 ${version}` : `Public domain (${code})`;
    return `CC ${code!.toUpperCase()} ${version}`;
  }
  if (/arxiv\.org\/licenses\/nonexclusive-distrib/i.test(url))
    return "arXiv non-exclusive distribution licence";
  if (/arxiv\.org\/licenses\/assumed/i.test(url)) return "arXiv licence (assumed, 1991–2003)";
  return url;
}
