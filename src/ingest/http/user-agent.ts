/**
 * The User-Agent every request to arXiv and GitHub carries: arXiv asks automated clients to name
 * themselves and give a contact address, so an operator can be reached before being blocked.
 */
import { createRequire } from "node:module";
import type { Config } from "../../config/types.js";

/** The version package.json declares: one place to bump. */
const { version } = createRequire(import.meta.url)("../../../package.json") as { version: string };

export function userAgentOf(config: Pick<Config, "baseUrl" | "contact">): string {
  const contact = config.contact ? `; mailto:${config.contact}` : "";
  return `paperfeed/${version} (+${config.baseUrl}${contact})`;
}
