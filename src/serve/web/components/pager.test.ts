import assert from "node:assert/strict";
import { test } from "node:test";
import { pageWindow } from "./pager.js";

test("the pager shows the ends and two pages either side, with gaps marked", () => {
  assert.deepEqual(pageWindow(1, 1), [1]);
  assert.deepEqual(pageWindow(1, 4), [1, 2, 3, 4]);
  assert.deepEqual(pageWindow(6, 40), [1, null, 4, 5, 6, 7, 8, null, 40]);
  assert.deepEqual(pageWindow(40, 40), [1, null, 38, 39, 40]);
  assert.deepEqual(pageWindow(4, 9), [1, 2, 3, 4, 5, 6, null, 9]);
});
