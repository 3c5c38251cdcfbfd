/**
 * The User-Agent every request to arXiv and GitHub carries: arXiv asks automated clients to name
 * themselves and give a contact address, so an operator can be reached before being blocked.
 */
import type { Config } from "../../config/types.js";

export const PAPERFEED_VERSION = "0.1.0";

export function userAgentOf(config: Pick<Config, "baseUrl" | "contact">): string {
  const contact = config.contact ? `; mailto:${config.contact}` : "";
  return `paperfeed/${PAPERFEED_VERSION} (+${config.baseUrl}${contact})`;
}
