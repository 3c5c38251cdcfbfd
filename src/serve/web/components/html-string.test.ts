import assert from "node:assert/strict";
import { test } from "node:test";
import { latin1Text } from "./html-string.js";

test("latin1Text escapes text as JSX does and keeps it to Latin-1 (src/serve/latin1.ts)", () => {
  assert.equal(String(latin1Text('<b> & "Łódź"')), "&lt;b&gt; &amp; &quot;&#321;ód&#378;&quot;");
});
