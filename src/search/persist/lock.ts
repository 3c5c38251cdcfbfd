/**
 * One writer per index directory. Saving removes the files the new manifest no longer names, so
 * two processes saving one directory would delete each other's segments; the first to open the
 * directory takes `writer.lock` and saves, the others only read it (and keep their changes in
 * memory).
 *
 * The lock is a file created with O_EXCL holding the owner's host and pid. A lock left by a
 * process that died (kill -9, power loss) is taken over when its pid no longer runs on this host,
 * so a restarted server writes again at once; a lock from another host is never taken over.
 * proper-lockfile was considered: it decides staleness by the lock's age, so a server restarted
 * within that window after a crash would come back read-only.
 */
import { closeSync, openSync, readFileSync, rmSync, statSync, writeSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";

export const LOCK_FILE = "writer.lock";

export interface WriterLock {
  /** Removes the lock file if this process still owns it. */
  release(): void;
}

interface Owner {
  host: string;
  pid: number;
}

function readOwner(path: string): Owner | null {
  try {
    const owner = JSON.parse(readFileSync(path, "utf8")) as Partial<Owner>;
    return typeof owner.host === "string" && typeof owner.pid === "number" ? { host: owner.host, pid: owner.pid } : null;
  } catch {
    return null;
  }
}

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it runs under another user.
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

const UNREADABLE_GRACE_MS = 2000;

function ageMs(path: string): number {
  try {
    return Date.now() - statSync(path).mtimeMs;
  } catch {
    return Infinity;
  }
}

/** Who holds the lock, in words, or null when nobody (alive) does. */
export function lockHolder(dir: string): string | null {
  const owner = readOwner(join(dir, LOCK_FILE));
  if (owner === null) return null;
  if (owner.host === hostname() && !running(owner.pid)) return null;
  return `process ${owner.pid} on ${owner.host}`;
}

/**
 * Takes the directory's writer lock (the directory must exist); null when another live process
 * holds it. A lock whose owner died on this host, or that is unreadable (cut short while being
 * written), is replaced.
 */
export function takeWriterLock(dir: string): WriterLock | null {
  const path = join(dir, LOCK_FILE);
  const me: Owner = { host: hostname(), pid: process.pid };
  for (let attempt = 0; attempt < 3; attempt++) {
    let fd: number;
    try {
      fd = openSync(path, "wx");
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      const owner = readOwner(path);
      // Unreadable and young: its owner may be between creating and writing it.
      const stale = owner === null ? ageMs(path) > UNREADABLE_GRACE_MS : owner.host === me.host && owner.pid !== me.pid && !running(owner.pid);
      if (!stale) return null;
      rmSync(path, { force: true });
      continue;
    }
    try {
      writeSync(fd, JSON.stringify(me));
    } finally {
      closeSync(fd);
    }
    let released = false;
    return {
      release() {
        if (released) return;
        released = true;
        const owner = readOwner(path);
        if (owner?.host === me.host && owner.pid === me.pid) rmSync(path, { force: true });
      },
    };
  }
  return null;
}
