/**
 * Builds the RFC 5322 message with nodemailer's MailComposer: multipart/alternative with the
 * plain-text and HTML parts, a stable Message-ID taken from the outbox key (so a retried message
 * is recognisably the same message), and RFC 8058 one-click unsubscribe headers.
 */
import MailComposer from "nodemailer/lib/mail-composer";
import type { RenderedMail } from "../actions/digest/render/frame.js";

export interface MimeInput extends RenderedMail {
  /** Outbox key; becomes `<key@host>`. */
  key: string;
  from: string;
  to: string;
  /** Host part of the Message-ID (the site's host name). */
  host: string;
  /** HTTPS/HTTP URL that unsubscribes on POST (List-Unsubscribe=One-Click). */
  unsubscribeUrl?: string;
}

export const messageIdOf = (key: string, host: string) => `<${key}@${host}>`;

export function buildMime(input: MimeInput): Promise<Buffer> {
  const headers: Record<string, string> = { "Auto-Submitted": "auto-generated" };
  if (input.unsubscribeUrl) {
    headers["List-Unsubscribe"] = `<${input.unsubscribeUrl}>`;
    headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click";
    headers["List-Id"] = `paperfeed digest <digest.${input.host}>`;
  }
  const composer = new MailComposer({
    from: input.from,
    to: input.to,
    subject: input.subject,
    text: input.text,
    html: input.html,
    messageId: messageIdOf(input.key, input.host),
    headers,
    // Stated rather than detected: detection scans every part of every message.
    encoding: "quoted-printable",
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  return composer.compile().build();
}
