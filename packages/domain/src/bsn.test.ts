import { test } from "node:test";
import assert from "node:assert/strict";
import { isValidBsn } from "./bsn.ts";

test("BSN 11-proef accepts a valid and refuses an invalid number", () => {
  assert.equal(isValidBsn("111222333"), true);
  assert.equal(isValidBsn("123456789"), false);
});
