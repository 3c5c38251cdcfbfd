/**
 * Reading a form body. A body the parser cannot read (multipart without its boundary, a broken
 * multipart stream) is the client's mistake: a 400 that says so, not a 500 with a stack trace.
 */
import type { Context } from "hono";
import { PaperfeedError, messageOf } from "../../core/errors.js";

type FormBody = Awaited<ReturnType<Context["req"]["parseBody"]>>;

export async function readForm(c: Context): Promise<FormBody> {
  try {
    return await c.req.parseBody();
  } catch (error) {
    const type = c.req.header("content-type") ?? "none";
    const why = /multipart/i.test(type) && !/boundary=/i.test(type) ? "multipart/form-data without a boundary" : messageOf(error);
    throw new PaperfeedError("serve", "bad_form", `the request body is not a readable form (Content-Type: ${type.slice(0, 100)}): ${why}`, 400);
  }
}
