/** The account pages: sign in, password reset (request and choose), and notices; sign-up is in account/. */
export { SignUpPage } from "./signup-page.js";
import { Layout } from "../layout.js";
import { CommunityStyle } from "../community-nav.js";
import { Notice, PostForm } from "../community-form.js";
import { MailOffNote } from "./mail-off-note.js";

export interface FormState {
  error?: string | null;
  info?: string | null;
  email?: string;
  displayName?: string;
}

export const EmailField = ({ value }: { value: string | undefined }) => (
  <label>
    Email
    <input type="email" name="email" required autocomplete="email" value={value ?? ""} />
  </label>
);

export function AccountFrame(props: { title: string; state: FormState; children?: unknown }) {
  return (
    <Layout title={props.title} section="account">
      <CommunityStyle />
      <header class="page-head">
        <h1>{props.title}</h1>
      </header>
      <Notice error={props.state.error} info={props.state.info} />
      {props.children as never}
    </Layout>
  );
}

/**
 * `canSignUp` is true where sign-ups go by mail (a confirmation link; resets possible); false
 * where the site sends no mail — sign-up is offered then too, active at once, and the page says why.
 */
export function SignInPage({ state, canSignUp }: { state: FormState; canSignUp: boolean }) {
  const mailOn = canSignUp;
  return (
    <AccountFrame title="Sign in" state={state}>
      <PostForm action="/account/signin" class="stack-form">
        <EmailField value={state.email} />
        <label>
          Password
          <input type="password" name="password" required autocomplete="current-password" />
        </label>
        <button type="submit">Sign in</button>
      </PostForm>
      <p>
        New here? <a href="/account/signup">Create an account</a>
        {mailOn && (
          <>
            {" · "}
            <a href="/account/reset">Forgot your password?</a>
          </>
        )}
      </p>
      {!mailOn && <MailOffNote />}
    </AccountFrame>
  );
}

export function ResetRequestPage({ state }: { state: FormState }) {
  return (
    <AccountFrame title="Reset your password" state={state}>
      <PostForm action="/account/reset" class="stack-form">
        <EmailField value={state.email} />
        <button type="submit">Send me a link</button>
      </PostForm>
    </AccountFrame>
  );
}

export function ChoosePasswordPage({ state, token }: { state: FormState; token: string }) {
  return (
    <AccountFrame title="Choose a new password" state={state}>
      <PostForm action="/account/reset/confirm" class="stack-form">
        <input type="hidden" name="token" value={token} />
        <label>
          New password <span class="hint">at least 10 characters</span>
          <input type="password" name="password" required minlength={10} maxlength={200} autocomplete="new-password" />
        </label>
        <button type="submit">Set password</button>
      </PostForm>
    </AccountFrame>
  );
}

export function MessagePage({ title, message, status }: { title: string; message: string; status: "error" | "info" }) {
  return (
    <AccountFrame title={title} state={status === "error" ? { error: message } : { info: message }}>
      <p>
        <a href="/">Back to the papers</a>
      </p>
    </AccountFrame>
  );
}
