/**
 * Runs the real `paperfeed` command in a child process, in a temp directory, with a clean
 * environment (only PATH and HOME from the shell), so PAPERFEED_* variables of the developer's
 * shell cannot change a test's outcome.
 */
import { spawn } from "node:child_process";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const BIN = fileURLToPath(new URL("../../../bin/paperfeed.js", import.meta.url));
const FIXTURES = fileURLToPath(new URL("../../../test/fixtures/cli/", import.meta.url));

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(
  args: string[],
  options: { cwd: string; env?: Record<string, string>; /** Written to the child's standard input, then closed. */ input?: string },
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: options.cwd,
      env: { PATH: process.env.PATH ?? "", HOME: options.cwd, ...options.env },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    if (options.input !== undefined) child.stdin.end(options.input);
  });
}

/** A fresh temp directory holding copies of the CLI fixtures; removed by the returned function. */
export function tempWorkspace(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), "paperfeed-cli-"));
  cpSync(FIXTURES, dir, { recursive: true });
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
