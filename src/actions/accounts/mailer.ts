/**
 * What accounts need from mail: send one message now. The implementation lives in src/deliver
 * (account-mailer.ts, over the same SMTP client as digests) and is handed in by whoever starts
 * the server, since this layer comes before deliver. Without one, sign-up is not offered.
 */
export interface AccountMail {
  to: string;
  subject: string;
  text: string;
  html: string;
}

export interface AccountMailer {
  send(mail: AccountMail): Promise<void>;
  close(): Promise<void>;
}

const escape = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

function message(to: string, subject: string, lead: string, action: string, link: string, tail: string): AccountMail {
  return {
    to,
    subject,
    text: `${lead}\n\n${action}:\n${link}\n\n${tail}\n`,
    html: `<p>${escape(lead)}</p><p><a href="${escape(link)}">${escape(action)}</a></p><p>${escape(link)}</p><p>${escape(tail)}</p>`,
  };
}

export const verifyMail = (to: string, link: string) =>
  message(to, "Confirm your paperfeed account", "Welcome to paperfeed. Please confirm that this address is yours.", "Confirm your address", link,
    "The link works for 48 hours. If you did not sign up, ignore this message.");

export const resetMail = (to: string, link: string) =>
  message(to, "Reset your paperfeed password", "Someone (hopefully you) asked to reset the password of this paperfeed account.", "Choose a new password", link,
    "The link works for one hour and only once. If you did not ask, ignore this message; your password stays as it is.");
