/**
 * Mail for accounts (verification and password-reset links), sent at once over the same SMTP
 * client and MIME builder as digests. Not queued in the outbox: the member is waiting for the
 * link, and a failure is reported on the page instead of retried behind their back.
 */
import { randomUUID } from "node:crypto";
import type { AccountMail, AccountMailer } from "../actions/accounts/mailer.js";
import { PaperfeedError } from "../core/errors.js";
import { buildMime } from "./mime.js";
import { envelopeAddress, hostOf } from "./render-message.js";
import { SmtpClient, parseSmtpUrl } from "./smtp.js";

export interface AccountMailerSettings {
  smtpUrl: string;
  /** "name <address>" or a bare address. */
  mailFrom: string;
  /** The site's public URL; its host names the Message-IDs. */
  baseUrl: string;
}

export function createAccountMailer(settings: AccountMailerSettings): AccountMailer {
  const smtp = new SmtpClient(parseSmtpUrl(settings.smtpUrl));
  const host = hostOf(settings.baseUrl);
  return {
    async send(mail: AccountMail) {
      const raw = await buildMime({ key: `account.${randomUUID()}`, from: settings.mailFrom, to: mail.to, host, subject: mail.subject, text: mail.text, html: mail.html });
      const outcome = await smtp.send({ from: envelopeAddress(settings.mailFrom), to: mail.to }, raw, () => true);
      if (!outcome.ok) throw new PaperfeedError("deliver", "send_failed", `the mail server did not take the message for ${mail.to} (${outcome.message}); try again later`, 503);
    },
    close: () => smtp.close(),
  };
}
