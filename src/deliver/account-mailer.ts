/**
 * Mail for accounts (verification and password-reset links, sign-up notices) goes through the
 * outbox like every other message: the request that asks for it only writes one row and answers
 * at once, whether the mail server is up, slow or down, and whether the address has an account
 * or not. The outbox job sends it within seconds, retries it, and holds it while the server is
 * away (breaker.ts); its one-time links are dropped from the row once it is sent or failed.
 */
import { randomUUID } from "node:crypto";
import type { AccountMail, AccountMailer } from "../actions/accounts/mailer.js";
import type { DeliveryStore } from "../store/delivery-types.js";

/** Account mail has no subscriber; its rows carry this id. */
export const NO_SUBSCRIBER = 0;

export function createAccountMailer(delivery: () => Promise<DeliveryStore>, clock: () => Date = () => new Date()): AccountMailer {
  return {
    async send(mail: AccountMail) {
      const now = clock().toISOString();
      const { to, ...parts } = mail;
      await (await delivery()).enqueue(
        { key: `account.${randomUUID()}`, kind: "account", subscriberId: NO_SUBSCRIBER, email: to, payload: JSON.stringify(parts), notBefore: now },
        now,
      );
    },
    close: async () => undefined,
  };
}
