/**
 * What accounts need from mail: hand one message over for sending. The implementation lives in
 * src/deliver (account-mailer.ts: queued in the outbox, so no request waits for the mail server)
 * and is handed in by whoever starts the server, since this layer comes before deliver. Without
 * one, sign-up is not offered.
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

/** To the owner of an address someone tried to sign up with again (instead of telling the visitor). */
export const accountExistsMail = (to: string, signInLink: string, resetLink: string) =>
  message(to, "Your paperfeed account", "Someone (hopefully you) tried to create a paperfeed account with this address, which has one already.", "Sign in", signInLink,
    `If you forgot your password, choose a new one at ${resetLink}. If it was not you, ignore this message; nothing has changed.`);

/** To an address with no account that someone asked a password reset for. */
export const noAccountMail = (to: string, signUpLink: string) =>
  message(to, "Your paperfeed password reset", "Someone (hopefully you) asked to reset the password of a paperfeed account for this address, but no account uses it.", "Create an account", signUpLink,
    "If it was not you, ignore this message.");

/** To the new address a member asked to move their account to. */
export const emailChangeMail = (to: string, link: string) =>
  message(to, "Confirm your new paperfeed address", "Someone (hopefully you) asked to move a paperfeed account to this address.", "Use this address", link,
    "The link works for 48 hours. Until it is followed, the account keeps its old address. If you did not ask, ignore this message.");
