/**
 * Real responses of every API route, over HTTP from a served instance with community data,
 * validated against the `/openapi.json` that instance serves (JSON Schema 2020-12, with Ajv):
 * success and error bodies, HF-compatible and native routes, reads and writes. Every operation the
 * document lists must be exercised here, so a new route cannot go unchecked. Then Redocly's
 * recommended rules lint the same document, offline.
 */
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { after, before, test } from "node:test";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { type CommunityFixture, openCommunityFixture } from "../testing/community-fixture.js";
import { listenOnLoopback } from "../testing/fixture-app.js";

interface Operation {
  responses: Record<string, { content?: Record<string, { schema: unknown }> }>;
}
interface Document {
  paths: Record<string, Record<string, Operation>>;
  [key: string]: unknown;
}

let fx: CommunityFixture;
let server: { base: string; close: () => Promise<void> };
let doc: Document;
let ajv: Ajv2020;

before(async () => {
  fx = await openCommunityFixture({ thumbnails: true });
  await fx.community.thumbnails.saveThumbnail({ paperId: fx.curated[0], format: "webp", width: 2, height: 3, bytes: new Uint8Array([1, 2, 3]), renderedAt: fx.now });
  server = await listenOnLoopback(fx.app);
  doc = (await (await fetch(`${server.base}/openapi.json`)).json()) as Document;
  // strict: false, since OpenAPI adds keywords JSON Schema does not know (example, xml, …).
  ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addSchema({ ...doc, $id: "openapi.json" });
});
after(async () => {
  await server.close();
  await fx.close();
});

/** "/api/papers/{id}" → its JSON pointer inside the document. */
const pointer = (...parts: string[]) => parts.map((p) => p.replace(/~/g, "~0").replace(/\//g, "~1")).join("/");

function validatorFor(path: string, method: string, status: number, type: string): ValidateFunction {
  const operation = doc.paths[path]?.[method];
  assert.ok(operation, `${method.toUpperCase()} ${path} is documented`);
  assert.ok(operation.responses[String(status)], `${method.toUpperCase()} ${path} documents status ${status}`);
  assert.ok(operation.responses[String(status)]!.content?.[type], `${method.toUpperCase()} ${path} ${status} documents ${type}`);
  const ref = `openapi.json#/${pointer("paths", path, method, "responses", String(status), "content", type, "schema")}`;
  return ajv.getSchema(ref) ?? ajv.compile({ $ref: ref });
}

interface Call {
  /** The documented path this request is an instance of. */
  route: string;
  url: string;
  status: number;
  method?: "get" | "post";
  token?: string;
  body?: unknown;
}

const exercised = new Set<string>();

async function check(call: Call): Promise<unknown> {
  const method = call.method ?? "get";
  const res = await fetch(`${server.base}${call.url}`, {
    method: method.toUpperCase(),
    headers: {
      ...(call.token ? { authorization: `Bearer ${call.token}` } : {}),
      ...(call.body === undefined ? {} : { "content-type": "application/json" }),
    },
    ...(call.body === undefined ? {} : { body: JSON.stringify(call.body) }),
  });
  const text = await res.text();
  assert.equal(res.status, call.status, `${method.toUpperCase()} ${call.url}: ${text.slice(0, 300)}`);
  const type = (res.headers.get("content-type") ?? "").split(";")[0]!.trim();
  const body = type === "application/json" ? (JSON.parse(text) as unknown) : text;
  const validate = validatorFor(call.route, method, call.status, type);
  assert.ok(validate(body), `${method.toUpperCase()} ${call.url} (${call.status}) does not match /openapi.json: ${ajv.errorsText(validate.errors)}`);
  exercised.add(`${method} ${call.route}`);
  return body;
}

test("every route's real answers, successes and errors, validate against /openapi.json", async () => {
  const [curated, plain] = fx.curated;
  const ada = fx.adaToken;
  const daily = (await check({ route: "/api/daily_papers", url: "/api/daily_papers?date=2026-06-30&limit=100", status: 200 })) as Array<{ submittedBy: unknown; thumbnail?: string }>;
  assert.ok(daily.some((i) => i.submittedBy === null) && daily.some((i) => i.submittedBy !== null), "both a submitter and null are checked");
  assert.ok(daily.some((i) => i.thumbnail), "a thumbnail is checked");
  const calls: Call[] = [
    { route: "/api/daily_papers", url: "/api/daily_papers?p=0&limit=200&sort=trending&week=2026-W27", status: 200 },
    { route: "/api/daily_papers", url: "/api/daily_papers?date=2025-13-40", status: 400 },
    { route: "/api/papers/search", url: "/api/papers/search?q=diffusion&limit=120", status: 200 },
    { route: "/api/papers", url: "/api/papers?limit=120", status: 200 },
    { route: "/api/papers", url: "/api/papers?cursor=abc", status: 400 },
    { route: "/api/papers/{id}", url: `/api/papers/${curated}`, status: 200 },
    { route: "/api/papers/{id}", url: "/api/papers/hep-th/9901001v2", status: 200 },
    { route: "/api/papers/{id}", url: "/api/papers/1234.56789", status: 404 },
    { route: "/api/papers/{id}", url: "/api/papers/banana", status: 404 },
    { route: "/papers/{id}.md", url: "/papers/0704.0506.md", status: 200 },
    { route: "/papers/{id}.md", url: "/papers/1234.56789.md", status: 404 },
    { route: "/api/whoami-v2", url: "/api/whoami-v2", status: 200, token: ada },
    { route: "/api/whoami-v2", url: "/api/whoami-v2", status: 401 },
    { route: "/api/v1/papers/{id}", url: `/api/v1/papers/${curated}`, status: 200 },
    { route: "/api/v1/papers/{id}", url: "/api/v1/papers/2401.99999", status: 404 },
    { route: "/api/v1/papers/{id}", url: "/api/v1/papers/banana", status: 400 },
    { route: "/api/v1/papers/{id}/related", url: `/api/v1/papers/${curated}/related?limit=3`, status: 200 },
    { route: "/api/v1/papers/{id}/related", url: "/api/v1/papers/2401.99999/related", status: 404 },
    { route: "/api/v1/papers/{id}/related", url: `/api/v1/papers/${curated}/related?limit=0`, status: 400 },
    { route: "/api/v1/search", url: "/api/v1/search?q=diffusion&limit=5&code=1", status: 200 },
    { route: "/api/v1/search", url: "/api/v1/search?limit=1000", status: 400 },
    { route: "/api/search", url: "/api/search?q=au:ho&sort=newest", status: 200 },
    { route: "/api/v1/days", url: "/api/v1/days", status: 200 },
    { route: "/api/v1/days/{day}", url: "/api/v1/days/2026-06-30", status: 200 },
    { route: "/api/v1/days/{day}", url: "/api/v1/days/2026-02-30", status: 400 },
    { route: "/api/v1/comments", url: "/api/v1/comments?paper=0704.0506", status: 200 },
    { route: "/api/v1/collections/{id}", url: `/api/v1/collections/${fx.publicCollection}`, status: 200 },
    { route: "/api/v1/collections/{id}", url: `/api/v1/collections/${fx.privateCollection}`, status: 404 },
    { route: "/api/v1/curated/{day}", url: "/api/v1/curated/2026-06-30", status: 200 },
    { route: "/api/v1/me/votes", url: "/api/v1/me/votes", status: 200, token: ada },
    { route: "/api/v1/me/votes", url: "/api/v1/me/votes", status: 401 },
    { method: "post", route: "/api/v1/papers/{id}/vote", url: `/api/v1/papers/${plain}/vote`, status: 200, token: ada, body: { up: true } },
    { method: "post", route: "/api/v1/papers/{id}/vote", url: `/api/v1/papers/${plain}/vote`, status: 401 },
    { method: "post", route: "/api/v1/papers/{id}/comments", url: `/api/v1/papers/${plain}/comments`, status: 201, token: ada, body: { body: "A *fine* result" } },
    { method: "post", route: "/api/v1/papers/{id}/comments", url: `/api/v1/papers/${plain}/comments`, status: 400, token: ada, body: { body: "" } },
    { method: "post", route: "/api/v1/submissions", url: "/api/v1/submissions", status: 201, token: fx.bobToken, body: { paper: "0704.0506" } },
    { method: "post", route: "/api/v1/submissions", url: "/api/v1/submissions", status: 409, token: fx.bobToken, body: { paper: "0704.0506" } },
    { method: "post", route: "/api/v1/days/{day}/submissions", url: "/api/v1/days/2026-06-30/submissions", status: 201, token: ada, body: { paper: "math-ph/0509021" } },
    { method: "post", route: "/api/v1/days/{day}/submissions", url: "/api/v1/days/2026-06-30/submissions", status: 401, body: { paper: "math-ph/0509021" } },
    { method: "post", route: "/api/v1/collections/{id}/papers", url: `/api/v1/collections/${fx.publicCollection}/papers`, status: 201, token: ada, body: { paper: plain, note: "next week" } },
    { method: "post", route: "/api/v1/collections/{id}/papers", url: `/api/v1/collections/${fx.publicCollection}/papers`, status: 403, token: fx.bobToken, body: { paper: plain } },
  ];
  for (const call of calls) await check(call);
  const documented = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((method) => `${method} ${path}`));
  assert.deepEqual(documented.filter((op) => !exercised.has(op)), [], "every documented operation is exercised");
});

test("the validation can fail: an answer the document does not allow is refused", async () => {
  const validate = validatorFor("/api/daily_papers", "get", 200, "application/json");
  const [item] = (await (await fetch(`${server.base}/api/daily_papers?date=2026-06-30&limit=1`)).json()) as Array<Record<string, unknown>>;
  assert.ok(validate([item]));
  assert.equal(validate([{ ...item, submittedBy: "Ada" }]), false, "a string is neither a user nor null");
  assert.equal(validate([{ ...item, numComments: -1 }]), false);
  const error = validatorFor("/api/papers/{id}", "get", 404, "application/json");
  assert.equal(error({ error: { id: "paper_not_found", message: "x" } }), false, "HF routes document HF's error shape");
});

const run = promisify(execFile);
const REDOCLY = createRequire(import.meta.url).resolve("@redocly/cli/bin/cli.js");

test("Redocly's recommended rules find nothing in /openapi.json (offline)", async () => {
  const dir = mkdtempSync(join(tmpdir(), "paperfeed-openapi-"));
  try {
    const file = join(dir, "openapi.json");
    writeFileSync(file, JSON.stringify(doc));
    // Telemetry and the update check would reach the network; tests never do.
    const env = { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true", NO_COLOR: "1" };
    const result = await run(process.execPath, [REDOCLY, "lint", file, "--extends", "recommended", "--format", "json"], { env, cwd: dir }).catch(
      (error: { stdout?: string; stderr?: string }) => error,
    );
    const report = JSON.parse(String(result.stdout)) as { totals: { errors: number; warnings: number }; problems: Array<{ ruleId: string; message: string }> };
    assert.deepEqual(report.problems.map((p) => `${p.ruleId}: ${p.message}`), []);
    assert.deepEqual([report.totals.errors, report.totals.warnings], [0, 0]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
