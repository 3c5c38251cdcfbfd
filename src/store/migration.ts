import { PaperfeedError } from "../core/errors.js";

/** Refusal to open a database written by a newer paperfeed; shared by both backends. */
export const newerSchemaError = (location: string, found: number, supported: number) =>
  new PaperfeedError(
    "store",
    "schema_too_new",
    `${location} has schema version ${found}, newer than this paperfeed supports (${supported}); upgrade paperfeed to open it`,
    500,
  );
