/** The OpenSearch description: lets browsers offer paperfeed as a search engine. */
const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");

export function openSearchXml(base: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<OpenSearchDescription xmlns="http://a9.com/-/spec/opensearch/1.1/">
  <ShortName>paperfeed</ShortName>
  <Description>Search arXiv papers by words, phrases, authors and categories</Description>
  <InputEncoding>UTF-8</InputEncoding>
  <Image height="16" width="16" type="image/svg+xml">${esc(base)}/static/favicon.svg</Image>
  <Url type="text/html" method="get" template="${esc(base)}/search?q={searchTerms}"/>
  <Url type="application/atom+xml" method="get" template="${esc(base)}/feeds/search.atom?q={searchTerms}"/>
  <Url type="application/opensearchdescription+xml" rel="self" template="${esc(base)}/opensearch.xml"/>
</OpenSearchDescription>
`;
}
