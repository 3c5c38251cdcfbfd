/** Pieces every community form uses: the CSRF field, notices, and the viewer's account. */
import type { Child } from "hono/jsx";
import { CSRF_FIELD } from "../middleware/csrf.js";
import { currentViewer } from "../middleware/session.js";

export const CsrfField = () => <input type="hidden" name={CSRF_FIELD} value={currentViewer()?.csrf ?? ""} />;

/** A POST form with its CSRF field. */
export function PostForm(props: { action: string; class?: string; children?: Child; "data-enhance"?: string }) {
  return (
    <form method="post" action={props.action} class={props.class} data-enhance={props["data-enhance"]}>
      <CsrfField />
      {props.children}
    </form>
  );
}

/** A message above a form: what went wrong (role=alert) or what happened (role=status). */
export function Notice({ error, info }: { error?: string | null; info?: string | null }) {
  if (error) return <p class="notice error" role="alert">{error}</p>;
  if (info) return <p class="notice info" role="status">{info}</p>;
  return null;
}

/** Fixed messages that redirects may name with `?notice=` (never free text from the URL). */
export const NOTICES: Record<string, string> = {
  verified: "Your address is confirmed. Welcome!",
  "verify-sent": "We sent you a link to confirm your address. Check your inbox.",
  "welcome-no-mail": "Welcome! Your account is active. This site sends no mail, so there is no confirmation email and no password reset by email.",
  "reset-sent": "If an account uses that address, we sent it a link to choose a new password.",
  "password-set": "Your new password is set. Please sign in.",
  "signed-out": "You are signed out.",
  submitted: "The paper is on today's list.",
  removed: "The paper is off the list.",
  saved: "Saved.",
  deleted: "Deleted.",
  dismissed: "Noted: you will see fewer papers like it.",
  "email-sent": "We sent a link to your new address. Your address changes when you follow it.",
  "email-changed": "Your new address is confirmed and in use.",
  "password-changed": "Your password is changed, and you are signed out everywhere else.",
  "account-deleted": "Your account is deleted.",
};

export const noticeText = (code: string | undefined) => (code && Object.hasOwn(NOTICES, code) ? NOTICES[code]! : null);
