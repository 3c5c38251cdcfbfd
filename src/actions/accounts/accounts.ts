/**
 * Account actions: sign up (and the emailed verification link), sign in and out, password reset
 * by emailed link, and the first admin from the command line. Sessions and links are random
 * secrets kept only as SHA-256 hashes, so a copy of the database opens no account.
 */
import { PaperfeedError, isPaperfeedError } from "../../core/errors.js";
import type { CommunityStore, Role, User } from "../../store/community-types.js";
import { type AccountMailer, accountExistsMail, noAccountMail, resetMail, verifyMail } from "./mailer.js";
import { UNMATCHABLE_HASH, checkPasswordRules, hashPassword, verifyPassword } from "./password.js";
import { newSecret, sha256 } from "./secrets.js";

export interface AccountContext {
  community: CommunityStore;
  /**
   * Null when no mail server is configured: then a new account is active at once (nothing could
   * confirm it), and password resets cannot be sent.
   */
  mailer: AccountMailer | null;
  /** Public site URL for the links in mail, e.g. "https://papers.example.org". */
  baseUrl: string;
  clock?: () => Date;
}

/** Sessions last 30 days from sign-in. */
export const SESSION_DAYS = 30;
const VERIFY_HOURS = 48;
const RESET_HOURS = 1;
const HOUR_MS = 3_600_000;

const now = (ctx: AccountContext) => ctx.clock?.() ?? new Date();
const later = (ctx: AccountContext, hours: number) => new Date(now(ctx).getTime() + hours * HOUR_MS).toISOString();
const link = (ctx: AccountContext, path: string, secret?: string) =>
  `${ctx.baseUrl.replace(/\/$/, "")}${path}${secret === undefined ? "" : `?token=${encodeURIComponent(secret)}`}`;

function requireMailer(ctx: AccountContext): AccountMailer {
  if (!ctx.mailer) throw new PaperfeedError("actions", "mail_unavailable", "this site sends no mail (no SMTP server is configured)", 503);
  return ctx.mailer;
}

/** Sends a fresh verification link to a member whose address is not yet verified. */
export async function sendVerification(ctx: AccountContext, user: User): Promise<void> {
  if (user.emailVerifiedAt) return;
  const mailer = requireMailer(ctx);
  const { secret, hash } = newSecret();
  await ctx.community.createEmailToken({ tokenHash: hash, userId: user.id, purpose: "verify", now: now(ctx).toISOString(), expiresAt: later(ctx, VERIFY_HOURS) });
  await mailer.send(verifyMail(user.email, link(ctx, "/account/verify", secret)));
}

/**
 * Creates an account and mails its verification link; returns it. When the address has an account
 * already, its owner is mailed a note instead and the result is null: the caller answers "check
 * your mail" either way, after the same work (a hash, an insert, a queued mail), so neither the
 * answer nor its timing tells who has an account.
 */
export async function signUp(ctx: AccountContext, input: { email: string; displayName: string; password: string }): Promise<User | null> {
  const mailer = requireMailer(ctx);
  checkPasswordRules(input.password);
  const passwordHash = await hashPassword(input.password);
  let user: User;
  try {
    user = await ctx.community.createUser({ email: input.email, displayName: input.displayName, passwordHash, now: now(ctx).toISOString() });
  } catch (error) {
    if (!isPaperfeedError(error) || error.id !== "email_taken") throw error;
    await mailer.send(accountExistsMail(String(input.email).trim().toLowerCase(), link(ctx, "/account/signin"), link(ctx, "/account/reset")));
    return null;
  }
  await sendVerification(ctx, user);
  return user;
}

/** Marks the address of a valid, unused verification link verified; null for any other link. */
export async function verifyEmail(ctx: AccountContext, secret: string): Promise<User | null> {
  const userId = await ctx.community.consumeEmailToken(sha256(String(secret)), "verify", now(ctx).toISOString());
  return userId === null ? null : ctx.community.updateUser(userId, { emailVerifiedAt: now(ctx).toISOString() });
}

/** A new session for the right address and password; null otherwise (same time either way). */
export async function signIn(ctx: AccountContext, email: string, password: string): Promise<{ user: User; session: string } | null> {
  const found = await ctx.community.credentials(String(email));
  const ok = await verifyPassword(String(password), found?.passwordHash ?? UNMATCHABLE_HASH);
  if (!found || !ok) return null;
  const { passwordHash: _hidden, ...user } = found;
  return { user, session: await startSession(ctx, user.id) };
}

export async function startSession(ctx: AccountContext, userId: number): Promise<string> {
  const { secret, hash } = newSecret();
  await ctx.community.createSession({ tokenHash: hash, userId, now: now(ctx).toISOString(), expiresAt: later(ctx, SESSION_DAYS * 24) });
  return secret;
}

export const sessionUser = (ctx: AccountContext, session: string) => ctx.community.sessionUser(sha256(session), now(ctx).toISOString());
export const signOut = (ctx: AccountContext, session: string) => ctx.community.deleteSession(sha256(session));

/**
 * Mails a reset link when the address has an account, and a note saying there is none otherwise
 * (the same path: one queued mail, never a wait for the mail server); says nothing either way.
 */
export async function requestPasswordReset(ctx: AccountContext, email: string): Promise<void> {
  const mailer = requireMailer(ctx);
  const address = String(email).trim().toLowerCase();
  if (!/^[^\s@]+@[^\s@]+$/.test(address)) return;
  const user = await ctx.community.getUserByEmail(address);
  const { secret, hash } = newSecret();
  if (!user) return mailer.send(noAccountMail(address, link(ctx, "/account/signup")));
  await ctx.community.createEmailToken({ tokenHash: hash, userId: user.id, purpose: "reset", now: now(ctx).toISOString(), expiresAt: later(ctx, RESET_HOURS) });
  await mailer.send(resetMail(user.email, link(ctx, "/account/reset", secret)));
}

/** Sets a new password from a valid reset link and ends every session; null for a bad link. */
export async function resetPassword(ctx: AccountContext, secret: string, password: string): Promise<User | null> {
  checkPasswordRules(password);
  const userId = await ctx.community.consumeEmailToken(sha256(String(secret)), "reset", now(ctx).toISOString());
  if (userId === null) return null;
  await ctx.community.deleteUserSessions(userId);
  // Following the emailed link proves the address too.
  return ctx.community.updateUser(userId, { passwordHash: await hashPassword(password), emailVerifiedAt: now(ctx).toISOString() });
}

/**
 * An account made from the command line (`paperfeed admin create`): verified from the start.
 * Without a password it gets an unusable one plus a one-time link to choose it, valid `linkHours`.
 */
export async function createAccount(
  ctx: AccountContext,
  input: { email: string; displayName: string; role: Role; password?: string; linkHours?: number },
): Promise<{ user: User; setPasswordLink: string | null }> {
  const at = now(ctx).toISOString();
  const passwordHash = input.password === undefined ? UNMATCHABLE_HASH : await hashPassword(input.password);
  const user = await ctx.community.createUser({ email: input.email, displayName: input.displayName, passwordHash, role: input.role, emailVerifiedAt: at, now: at });
  if (input.password !== undefined) return { user, setPasswordLink: null };
  const { secret, hash } = newSecret();
  await ctx.community.createEmailToken({ tokenHash: hash, userId: user.id, purpose: "reset", now: at, expiresAt: later(ctx, input.linkHours ?? 24) });
  return { user, setPasswordLink: link(ctx, "/account/reset", secret) };
}

/**
 * Sign-up where the site sends no mail: nothing could confirm the address, so the account is
 * active at once. The first account of such an instance becomes its admin, so a fresh install
 * needs no command-line step (`paperfeed admin create` still makes admins and curators).
 */
export async function signUpWithoutMail(ctx: AccountContext, input: { email: string; displayName: string; password: string }): Promise<User> {
  checkPasswordRules(input.password);
  const at = now(ctx).toISOString();
  // Two sign-ups racing for the first account may both see zero; both then being admins of an
  // instance nobody else uses yet is harmless, and cheaper than a lock around every sign-up.
  const first = (await ctx.community.countUsers()) === 0;
  return ctx.community.createUser({
    email: input.email,
    displayName: input.displayName,
    passwordHash: await hashPassword(input.password),
    role: first ? "admin" : "member",
    emailVerifiedAt: at,
    now: at,
  });
}
