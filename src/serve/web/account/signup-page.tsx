/** `/account/signup`: email, display name and password; where the site sends no mail, why nothing will be mailed. */
import { type FormState, AccountFrame, EmailField } from "./pages.js";
import { PostForm } from "../community-form.js";
import { MailOffNote } from "./mail-off-note.js";

/** `mailOn` false: the account will be active at once, and the page says why nothing is mailed. */
export function SignUpPage({ state, mailOn = true }: { state: FormState; mailOn?: boolean }) {
  return (
    <AccountFrame title="Create an account" state={state}>
      {!mailOn && <MailOffNote />}
      <PostForm action="/account/signup" class="stack-form">
        <EmailField value={state.email} />
        <label>
          Display name <span class="hint">shown beside what you submit and write</span>
          <input type="text" name="displayName" required maxlength={50} autocomplete="nickname" value={state.displayName ?? ""} />
        </label>
        <label>
          Password <span class="hint">at least 10 characters</span>
          <input type="password" name="password" required minlength={10} maxlength={200} autocomplete="new-password" />
        </label>
        <button type="submit">Create account</button>
      </PostForm>
      <p>
        {mailOn ? "We will mail you a link to confirm your address. " : ""}
        Have an account? <a href="/account/signin">Sign in</a>
      </p>
    </AccountFrame>
  );
}
