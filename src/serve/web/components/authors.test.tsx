import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { authorHref } from "../format.js";
import { AuthorList, joined } from "./authors.js";

// What the links were as JSX, one node per piece: the string the fast form must equal.
const asJsx = (names: string[]) =>
  String(
    <>
      {names.map((name, i) => (
        <>
          {i > 0 && ", "}
          <a href={authorHref(name)}>{name}</a>
        </>
      ))}
    </>,
  );

test("author links are the escaped names, comma-separated, as JSX writes them", () => {
  const name = fc.array(fc.constantFrom("A", "é", " ", "<", ">", "&", '"', "'", "Ø", "van", "-", "/", "?", "#"), { maxLength: 6 }).map((p) => p.join(""));
  fc.assert(fc.property(fc.array(name, { maxLength: 6 }), (names) => assert.equal(String(joined(names)), asJsx(names))), { numRuns: 2_000 });
  assert.equal(String(joined(["Ada <Lovelace>", "O'Neil"])), '<a href="/authors/Ada%20%3CLovelace%3E">Ada &lt;Lovelace&gt;</a>, <a href="/authors/O&#39;Neil">O&#39;Neil</a>');
});

test("a long author list shows three names and folds the rest", () => {
  const html = String(<AuthorList names={["A", "B", "C", "D", "E"]} />);
  assert.match(html, /^<span class="authors"><a href="\/authors\/A">A<\/a>, <a href="\/authors\/B">B<\/a>, <a href="\/authors\/C">C<\/a> <details class="more-authors">/);
  assert.match(html, /\(\+2\)<\/summary><span class="rest"><a href="\/authors\/D">D<\/a>, <a href="\/authors\/E">E<\/a><\/span>/);
});
