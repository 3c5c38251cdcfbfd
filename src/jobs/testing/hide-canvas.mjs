// A module hook for tests: makes "@napi-rs/canvas" impossible to load, as on a platform its
// prebuilt packages do not cover, so the thumbnails job's fallback runs for real.
import { register } from "node:module";

register(
  "data:text/javascript," +
    encodeURIComponent(`export async function resolve(specifier, context, next) {
      if (specifier === "@napi-rs/canvas") throw Object.assign(new Error("Cannot find package '@napi-rs/canvas'"), { code: "ERR_MODULE_NOT_FOUND" });
      return next(specifier, context);
    }`),
);
