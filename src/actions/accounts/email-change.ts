/**
 * Moving an account to a new address: the member asks (with their password), a link goes to the
 * NEW address through the outbox like every account mail, and following it makes the change.
 * The link is signed rather than stored (no new table): it names the member, the old and the new
 * address and an expiry, under an HMAC with the community's "email-change" secret. It works only
 * while the account still has the old address, so it works once, and a later change voids it.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { PaperfeedError } from "../../core/errors.js";
import type { User } from "../../store/community-types.js";
import type { AccountContext } from "./accounts.js";
import { emailChangeMail } from "./mailer.js";
import { requireCurrentPassword } from "./profile.js";

const LINK_HOURS = 48;
const ADDRESS = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

interface Claim {
  /** Member id, old address, new address, expiry (ms since 1970). */
  u: number;
  from: string;
  to: string;
  exp: number;
}

const now = (ctx: AccountContext) => ctx.clock?.() ?? new Date();
const sign = (secret: string, body: string) => createHmac("sha256", secret).update(body).digest("base64url");

/** True when this site can mail the confirmation link; without it the address cannot change. */
export const canChangeEmail = (ctx: AccountContext) => ctx.mailer !== null;

/** Checks the password and the address, then queues the confirmation link to the new address. */
export async function requestEmailChange(ctx: AccountContext, user: User, input: { email: string; password: string }): Promise<string> {
  if (!ctx.mailer) throw new PaperfeedError("actions", "mail_unavailable", "New email: this site cannot send mail, so the address cannot be confirmed and stays as it is", 503);
  const to = String(input.email ?? "").trim().toLowerCase();
  if (to.length > 254 || !ADDRESS.test(to)) throw new PaperfeedError("actions", "invalid_email", "New email: that is not an email address", 400);
  if (to === user.email) throw new PaperfeedError("actions", "same_email", "New email: that is your address already", 400);
  await requireCurrentPassword(ctx, user, input.password);
  if (await ctx.community.getUserByEmail(to)) throw new PaperfeedError("actions", "email_taken", "New email: another account uses that address", 409);
  const body = Buffer.from(JSON.stringify({ u: user.id, from: user.email, to, exp: now(ctx).getTime() + LINK_HOURS * 3_600_000 } satisfies Claim)).toString("base64url");
  const token = `${body}.${sign(await ctx.community.secret("email-change"), body)}`;
  await ctx.mailer.send(emailChangeMail(to, `${ctx.baseUrl.replace(/\/$/, "")}/account/settings/email/confirm?token=${encodeURIComponent(token)}`));
  return to;
}

/** Applies a valid link; null for a forged, expired, used or outdated one. */
export async function confirmEmailChange(ctx: AccountContext, token: string): Promise<User | null> {
  const [body, mac] = String(token ?? "").split(".");
  if (!body || !mac) return null;
  const expected = Buffer.from(sign(await ctx.community.secret("email-change"), body));
  const given = Buffer.from(mac);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  let claim: Claim;
  try {
    claim = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as Claim;
  } catch {
    return null;
  }
  if (!(claim.exp > now(ctx).getTime())) return null;
  const user = await ctx.community.getUser(Number(claim.u));
  if (!user || user.email !== claim.from) return null;
  return ctx.community.changeEmail(user.id, claim.to, now(ctx).toISOString());
}
