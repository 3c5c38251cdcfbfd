/**
 * Who holds an outbox message or a job lock: "host/pid/random". On the same host a holder whose
 * process is gone is known dead at once, so a sender restarted after a crash takes over without
 * waiting for a lease to run out; holders on other hosts are left to their lease.
 */
import { randomBytes } from "node:crypto";
import { hostname } from "node:os";

export const newOwner = () => `${hostname()}/${process.pid}/${randomBytes(4).toString("hex")}`;

export function isOwnerDead(owner: string, self?: string): boolean {
  if (owner === self) return false;
  const [host, pidText] = owner.split("/");
  const pid = Number(pidText);
  if (host !== hostname() || !Number.isInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return true; // an earlier holder in this very process, no longer running
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ESRCH";
  }
}
