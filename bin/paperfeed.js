#!/usr/bin/env node
// Runs the TypeScript sources directly (tsx), so `npx paperfeed …` works in a fresh checkout
// without a build step.

// Checked before anything else loads: on an older Node, better-sqlite3 13 crashes the process
// instead of failing with a message, so one clear line beats a native stack trace.
const [major, minor] = process.versions.node.split(".").map(Number);
if (major < 22 || (major === 22 && minor < 13)) {
  console.error(`paperfeed: needs Node.js 22.13 or newer (this is ${process.version}); see .nvmrc`);
  process.exit(2);
}

const { register } = await import("tsx/esm/api");
register();
const { main } = await import("../src/cli/main.ts");
process.exitCode = await main(process.argv.slice(2));
