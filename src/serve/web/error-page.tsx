/** Pages for things that went wrong: not found (with a search to try instead) and other errors. */
import { Layout } from "./layout.js";

/**
 * 404. `guess` is text from the URL worth searching for; `arxivId` an id that may exist on arXiv
 * even though it is not stored here.
 */
export function NotFoundPage({
  message,
  guess,
  arxivId,
}: {
  message: string;
  guess?: string;
  arxivId?: string;
}) {
  return (
    <Layout title="Not found" query={guess}>
      <header class="page-head">
        <p class="kicker">404</p>
        <h1>Not found</h1>
      </header>
      <p>{message}</p>
      {arxivId && (
        <p>
          It may be on arXiv: <a href={`https://arxiv.org/abs/${arxivId}`}>arxiv.org/abs/{arxivId}</a>
        </p>
      )}
      {guess ? (
        <p>
          <a href={`/search?q=${encodeURIComponent(guess)}`}>Search for “{guess}”</a> or go to{" "}
          <a href="/">today’s papers</a>.
        </p>
      ) : (
        <p>
          Try the search box above, or go to <a href="/">today’s papers</a>.
        </p>
      )}
    </Layout>
  );
}

export function ErrorPage({ status, message }: { status: number; message: string }) {
  const title = status === 503 ? "Not available just now" : status >= 500 ? "Something went wrong" : "That did not work";
  return (
    <Layout title={title}>
      <header class="page-head">
        <p class="kicker">{status}</p>
        <h1>{title}</h1>
      </header>
      <p class="problem">{message}</p>
      <p>
        Go back, or start again from <a href="/">today’s papers</a>.
      </p>
    </Layout>
  );
}
