/** What both backends share about schema versions. */
import { PaperfeedError } from "../core/errors.js";

/** One schema step; `version` numbers start at 1 and increase by 1. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Refusal to open a database written by a newer paperfeed. */
export const newerSchemaError = (location: string, found: number, supported: number) =>
  new PaperfeedError(
    "store",
    "schema_too_new",
    `${location} has schema version ${found}, newer than this paperfeed supports (${supported}); upgrade paperfeed to open it`,
    500,
  );
