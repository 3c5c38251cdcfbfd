/**
 * Why a site without mail behaves differently: said on the sign-in, sign-up and reset pages, so
 * nobody waits for a confirmation or reset mail that cannot come.
 */
export function MailOffNote() {
  return (
    <p class="hint mail-off" id="mail-off">
      This site sends no mail (no SMTP server is configured), so a new account is active at once: there is no confirmation
      email and no password reset by email. Keep your password safe.
    </p>
  );
}
