/**
 * Builds the RFC 5322 message: multipart/alternative with the plain-text part (quoted-printable,
 * readable in raw form) and the HTML part (base64), a stable Message-ID taken from the outbox key
 * (so a retried message is recognisably the same message), and RFC 8058 one-click unsubscribe
 * headers. The shape never varies, so it is assembled directly with nodemailer's encoders
 * (encoded words, folding, quoted-printable): nodemailer's MailComposer gives the same result but
 * spent most of a digest's sending time in its per-part stream machinery.
 */
import { randomBytes } from "node:crypto";
import addressparser from "nodemailer/lib/addressparser";
import { encodeWords, foldLines } from "nodemailer/lib/mime-funcs";
import * as qp from "nodemailer/lib/qp";
import type { RenderedMail } from "../actions/digest/render/frame.js";

export interface MimeInput extends RenderedMail {
  /** Outbox key; becomes `<key@host>`. */
  key: string;
  /** From header, `name <address>` or an address. */
  from: string;
  to: string;
  /** Host part of the Message-ID (the site's host name). */
  host: string;
  /** HTTPS/HTTP URL that unsubscribes on POST (List-Unsubscribe=One-Click). */
  unsubscribeUrl?: string;
  /** Date header; default now. */
  date?: Date;
}

export const messageIdOf = (key: string, host: string) => `<${key}@${host}>`;

const CRLF = "\r\n";
const header = (name: string, value: string) => foldLines(`${name}: ${value}`, 76);

/** `name <address>` with the name quoted or encoded as needed. */
function mailbox(raw: string): string {
  const [first] = addressparser(raw, { flatten: true });
  if (!first?.address) return raw;
  if (!first.name) return first.address;
  const name = /^[\x20-\x7e]*$/.test(first.name)
    ? `"${first.name.replace(/["\\]/g, "\\$&")}"`
    : encodeWords(first.name, "Q", 52, true);
  return `${name} <${first.address}>`;
}

function base64Lines(text: string): string {
  const encoded = Buffer.from(text, "utf8").toString("base64");
  const lines: string[] = [];
  for (let at = 0; at < encoded.length; at += 76) lines.push(encoded.slice(at, at + 76));
  return lines.join(CRLF);
}
const crlf = (text: string) => text.replace(/\r?\n/g, CRLF);

export function buildMime(input: MimeInput): Promise<Buffer> {
  const boundary = `pf-${randomBytes(12).toString("hex")}`;
  const headers = [
    header("From", mailbox(input.from)),
    header("To", input.to),
    header("Subject", encodeWords(input.subject, "Q", 52)),
    header("Date", (input.date ?? new Date()).toUTCString().replace("GMT", "+0000")),
    header("Message-ID", messageIdOf(input.key, input.host)),
    "MIME-Version: 1.0",
    "Auto-Submitted: auto-generated",
  ];
  if (input.unsubscribeUrl) {
    headers.push(header("List-Unsubscribe", `<${input.unsubscribeUrl}>`));
    headers.push("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
    headers.push(header("List-Id", `paperfeed digest <digest.${input.host}>`));
  }
  headers.push(`Content-Type: multipart/alternative; boundary="${boundary}"`);
  const message = [
    headers.join(CRLF),
    "",
    `--${boundary}`,
    "Content-Type: text/plain; charset=utf-8",
    "Content-Transfer-Encoding: quoted-printable",
    "",
    crlf(qp.wrap(qp.encode(crlf(input.text)), 76)),
    `--${boundary}`,
    "Content-Type: text/html; charset=utf-8",
    "Content-Transfer-Encoding: base64",
    "",
    base64Lines(input.html),
    `--${boundary}--`,
    "",
  ].join(CRLF);
  return Promise.resolve(Buffer.from(message, "utf8"));
}
