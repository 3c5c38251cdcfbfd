/**
 * The frame around every message: a heading, the body, and a footer with the manage and
 * unsubscribe links (also in the List-Unsubscribe header). Colours are neutral in light mode and
 * re-set for dark mode in a <style> block, which clients without it simply ignore.
 */
import type { SubscriberLinks } from "../../subscriptions/links.js";
import { esc } from "./text-format.js";

export interface RenderedMail {
  subject: string;
  html: string;
  text: string;
}

export interface FrameInput {
  subject: string;
  heading: string;
  htmlBody: string;
  textBody: string;
  /** Footer links; absent for a confirmation request (nothing to manage yet). */
  links?: SubscriberLinks;
  why: string;
}

const DARK = `@media (prefers-color-scheme: dark) {
  body, .pf-body { background:#16181c !important; color:#e6e6e6 !important; }
  .pf-title { color:#f0f0f0 !important; }
  .pf-meta { color:#a8adb5 !important; }
  a { color:#8ab4f8 !important; }
}`;

export function mailFrame(input: FrameInput): RenderedMail {
  const footerHtml = input.links
    ? `<a href="${esc(input.links.manage)}" style="color:#1a56b8">Manage your subscription and alerts</a> · <a href="${esc(input.links.unsubscribe)}" style="color:#1a56b8">Unsubscribe</a>`
    : "";
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark"><meta name="supported-color-schemes" content="light dark">
<title>${esc(input.subject)}</title><style>${DARK}</style></head>
<body class="pf-body" style="margin:0;padding:0;background:#ffffff;color:#1b1b1b">
<div class="pf-body" style="max-width:640px;margin:0 auto;padding:24px 16px;font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;background:#ffffff;color:#1b1b1b">
<h1 style="font-size:20px;margin:0 0 8px 0">${esc(input.heading)}</h1>
${input.htmlBody}
<hr style="border:none;border-top:1px solid #8884;margin:28px 0 12px 0">
<p class="pf-meta" style="font-size:12px;color:#666666;line-height:1.5">${esc(input.why)}<br>${footerHtml}</p>
</div></body></html>`;
  const footerText = input.links
    ? `\nManage your subscription and alerts: ${input.links.manage}\nUnsubscribe: ${input.links.unsubscribe}\n`
    : "";
  const text = `${input.heading}\n${"=".repeat(Math.min(76, input.heading.length))}\n\n${input.textBody}\n\n--\n${input.why}\n${footerText}`;
  return { subject: input.subject, html, text };
}
