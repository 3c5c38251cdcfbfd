import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { isPaperfeedError } from "../core/errors.js";
import { autoWorkers } from "./fields.js";
import { loadConfig, type LoadConfigInput } from "./load.js";

/** The message of the config error `input` must raise. */
function problemsOf(input: LoadConfigInput): string {
  try {
    loadConfig(input);
  } catch (e) {
    assert.ok(isPaperfeedError(e), `expected a PaperfeedError, got ${String(e)}`);
    assert.equal(e.component, "config");
    assert.equal(e.id, "invalid_config");
    return e.message;
  }
  assert.fail("loadConfig accepted an invalid configuration");
}

describe("loadConfig", () => {
  it("fills every default when nothing is given", () => {
    assert.deepEqual(loadConfig(), {
      db: "./data/paperfeed.db",
      databaseUrl: null,
      indexDir: "./data/paperfeed.db.index",
      host: "127.0.0.1",
      port: 8080,
      baseUrl: "http://127.0.0.1:8080",
      demo: true,
      logLevel: "info",
      smtpUrl: null,
      mailFrom: "paperfeed <paperfeed@127.0.0.1>",
      jobs: true,
      harvest: true,
      arxivOaiUrl: "https://oaipmh.arxiv.org/oai",
      arxivApiUrl: "https://export.arxiv.org/api/query",
      arxivPdfUrl: "https://arxiv.org/pdf",
      harvestSets: [],
      backfillDays: 7,
      contact: null,
      githubApiUrl: "https://api.github.com",
      githubToken: null,
      thumbnails: true,
      semantic: false,
      embeddingsUrl: null,
      embeddingsModel: "text-embedding-3-small",
      embeddingsBatchSize: 64,
      embeddingsRetries: 4,
      onnxModelDir: null,
      corsOrigins: ["*"],
      workers: autoWorkers(),
      trustProxy: 0,
    });
  });

  it("returns a frozen object", () => {
    const config = loadConfig();
    assert.ok(Object.isFrozen(config));
    assert.throws(() => ((config as { port: number }).port = 1), TypeError);
  });

  it("reads every setting from the environment", () => {
    const config = loadConfig({
      env: {
        PAPERFEED_DB: "/tmp/x.db",
        PAPERFEED_DATABASE_URL: "postgres://u:p@db.example.org:5432/paperfeed",
        PAPERFEED_INDEX_DIR: "/tmp/idx",
        PAPERFEED_HOST: "0.0.0.0",
        PAPERFEED_PORT: "9000",
        PAPERFEED_BASE_URL: "https://papers.example.org/",
        PAPERFEED_DEMO: "0",
        PAPERFEED_LOG_LEVEL: "debug",
        PAPERFEED_SMTP_URL: "smtps://user:secret@mail.example.org:465",
        PAPERFEED_MAIL_FROM: "Papers <papers@example.org>",
        PAPERFEED_JOBS: "false",
        PAPERFEED_HARVEST: "no",
        PAPERFEED_ARXIV_OAI_URL: "http://mirror.example.org/oai/",
        PAPERFEED_ARXIV_API_URL: "http://mirror.example.org/api/query",
        PAPERFEED_ARXIV_PDF_URL: "http://mirror.example.org/pdf",
        PAPERFEED_HARVEST_SETS: "cs, physics:hep-th",
        PAPERFEED_BACKFILL_DAYS: "3",
        PAPERFEED_CONTACT: "ops@example.org",
        PAPERFEED_GITHUB_API_URL: "http://gh.example.org/api/v3",
        PAPERFEED_GITHUB_TOKEN: "ghp_0123456789abcdef",
        PAPERFEED_THUMBNAILS: "off",
        PAPERFEED_SEMANTIC: "on",
        PAPERFEED_EMBEDDINGS_URL: "http://embed.example.org/v1/",
        PAPERFEED_EMBEDDINGS_MODEL: "bge-small",
        PAPERFEED_EMBEDDINGS_BATCH_SIZE: "128",
        PAPERFEED_EMBEDDINGS_RETRIES: "0",
        PAPERFEED_ONNX_MODEL_DIR: "/models/bge",
        PAPERFEED_CORS_ORIGINS: "https://a.example.org, http://localhost:3000/",
        PAPERFEED_WORKERS: "3",
        PAPERFEED_TRUST_PROXY: "1",
      },
    });
    assert.deepEqual(
      { ...config },
      {
        db: "/tmp/x.db",
        databaseUrl: "postgres://u:p@db.example.org:5432/paperfeed",
        indexDir: "/tmp/idx",
        host: "0.0.0.0",
        port: 9000,
        baseUrl: "https://papers.example.org",
        demo: false,
        logLevel: "debug",
        smtpUrl: "smtps://user:secret@mail.example.org:465",
        mailFrom: "Papers <papers@example.org>",
        jobs: false,
        harvest: false,
        arxivOaiUrl: "http://mirror.example.org/oai",
        arxivApiUrl: "http://mirror.example.org/api/query",
        arxivPdfUrl: "http://mirror.example.org/pdf",
        harvestSets: ["cs", "physics:hep-th"],
        backfillDays: 3,
        contact: "ops@example.org",
        githubApiUrl: "http://gh.example.org/api/v3",
        githubToken: "ghp_0123456789abcdef",
        thumbnails: false,
        semantic: true,
        embeddingsUrl: "http://embed.example.org/v1",
        embeddingsModel: "bge-small",
        embeddingsBatchSize: 128,
        embeddingsRetries: 0,
        onnxModelDir: "/models/bge",
        corsOrigins: ["https://a.example.org", "http://localhost:3000"],
        workers: 3,
        trustProxy: 1,
      },
    );
  });

  it("lets a flag win over its variable", () => {
    const config = loadConfig({
      flags: { port: "7000", db: "flag.db", demo: false },
      env: { PAPERFEED_PORT: "9000", PAPERFEED_DB: "env.db", PAPERFEED_DEMO: "yes", PAPERFEED_HOST: "::1" },
    });
    assert.equal(config.port, 7000);
    assert.equal(config.db, "flag.db");
    assert.equal(config.indexDir, "flag.db.index");
    assert.equal(config.demo, false);
    assert.equal(config.baseUrl, "http://[::1]:7000");
  });

  it("treats an empty variable and an undefined flag as not given", () => {
    const config = loadConfig({ flags: { port: undefined, databaseUrl: null }, env: { PAPERFEED_PORT: "" } });
    assert.equal(config.port, 8080);
    assert.equal(config.databaseUrl, null);
  });

  it("accepts port 0 and 65535 and numeric flags", () => {
    assert.equal(loadConfig({ flags: { port: 0 } }).port, 0);
    assert.equal(loadConfig({ env: { PAPERFEED_PORT: "65535" } }).port, 65535);
  });

  const invalid: Array<[string, LoadConfigInput, string]> = [
    [
      "port not a number",
      { flags: { port: "abc" } },
      '--port "abc" (PAPERFEED_PORT): must be an integer 0–65535',
    ],
    [
      "port too large",
      { env: { PAPERFEED_PORT: "65536" } },
      'PAPERFEED_PORT "65536" (--port): must be an integer 0–65535',
    ],
    ["port negative", { flags: { port: "-1" } }, '--port "-1" (PAPERFEED_PORT): must be an integer 0–65535'],
    [
      "port fractional",
      { flags: { port: 80.5 } },
      '--port "80.5" (PAPERFEED_PORT): must be an integer 0–65535',
    ],
    ["empty db", { flags: { db: " " } }, '--db " " (PAPERFEED_DB): must not be empty'],
    [
      "empty index dir",
      { flags: { indexDir: "" } },
      '--index-dir "" (PAPERFEED_INDEX_DIR): must not be empty',
    ],
    [
      "database url of another kind",
      { env: { PAPERFEED_DATABASE_URL: "mysql://localhost/x" } },
      'PAPERFEED_DATABASE_URL "mysql://localhost/x" (--database-url): must be a postgres:// or postgresql:// URL',
    ],
    [
      "host with a space",
      { flags: { host: "local host" } },
      '--host "local host" (PAPERFEED_HOST): must be a host name or an IP address',
    ],
    [
      "base url without scheme",
      { flags: { baseUrl: "papers.example.org" } },
      '--base-url "papers.example.org" (PAPERFEED_BASE_URL): must be an http:// or https:// URL',
    ],
    [
      "demo word",
      { env: { PAPERFEED_DEMO: "maybe" } },
      'PAPERFEED_DEMO "maybe" (--no-demo): must be 1/0, true/false, yes/no or on/off',
    ],
    [
      "log level",
      { flags: { logLevel: "verbose" } },
      '--log-level "verbose" (PAPERFEED_LOG_LEVEL): must be one of error, warn, info, debug',
    ],
    [
      "smtp url of another kind",
      { flags: { smtpUrl: "http://mail.example.org" } },
      '--smtp-url "http://mail.example.org" (PAPERFEED_SMTP_URL): must be an smtp:// or smtps:// URL',
    ],
    [
      "mail from without an address",
      { env: { PAPERFEED_MAIL_FROM: "paperfeed" } },
      'PAPERFEED_MAIL_FROM "paperfeed" (--mail-from): must be an address, e.g. paperfeed@example.org or Paperfeed <paperfeed@example.org>',
    ],
    [
      "unknown variable",
      { env: { PAPERFEED_PROT: "80" } },
      "PAPERFEED_PROT: unknown variable (did you mean PAPERFEED_PORT?)",
    ],
    [
      "unknown variable far from any",
      { env: { PAPERFEED_SMTP_SERVER: "x" } },
      "PAPERFEED_SMTP_SERVER: unknown variable",
    ],
  ];
  for (const [name, input, expected] of invalid) {
    it(`rejects ${name}`, () => {
      assert.equal(problemsOf(input), `config: invalid configuration, 1 problem: ${expected}`);
    });
  }

  it("reads CORS origins as *, off or a list of origins, and refuses paths and mixtures", () => {
    const origins = (value: string) => loadConfig({ env: { PAPERFEED_CORS_ORIGINS: value } }).corsOrigins;
    assert.deepEqual(origins("*"), ["*"]);
    assert.deepEqual(origins("off"), []);
    assert.deepEqual(loadConfig({ flags: { corsOrigins: "http://127.0.0.1:5173" } }).corsOrigins, ["http://127.0.0.1:5173"]);
    for (const bad of ["https://a.example.org/app", "a.example.org", "*,https://a.example.org", "ftp://a.example.org"]) {
      assert.throws(() => origins(bad), /PAPERFEED_CORS_ORIGINS.*must be \*, off, or origins/, bad);
    }
  });

  it("takes off for the arXiv API (no fetching on demand), and refuses other non-URLs there", () => {
    assert.equal(loadConfig({ env: { PAPERFEED_ARXIV_API_URL: "off" } }).arxivApiUrl, "off");
    assert.equal(
      problemsOf({ flags: { arxivApiUrl: "none" } }),
      'config: invalid configuration, 1 problem: --arxiv-api-url "none" (PAPERFEED_ARXIV_API_URL): must be an http:// or https:// URL, or off',
    );
  });

  it("never repeats a password from a rejected URL", () => {
    const message = problemsOf({ flags: { databaseUrl: "mysql://admin:hunter2@db.example.org/x" } });
    assert.ok(!message.includes("hunter2"), message);
    assert.ok(message.includes('--database-url "mysql://admin:***@db.example.org/x"'), message);
  });

  it("reports every problem at once", () => {
    const message = problemsOf({
      flags: { port: "abc", logLevel: "loud" },
      env: { PAPERFEED_BASE_URL: "ftp://x", PAPERFEED_DEMO: "2", PAPERFEED_HSOT: "x" },
    });
    assert.match(message, /^config: invalid configuration, 5 problems: /);
    for (const part of [
      '--port "abc" (PAPERFEED_PORT)',
      '--log-level "loud" (PAPERFEED_LOG_LEVEL)',
      'PAPERFEED_BASE_URL "ftp://x" (--base-url)',
      'PAPERFEED_DEMO "2" (--no-demo)',
      "PAPERFEED_HSOT: unknown variable (did you mean PAPERFEED_HOST?)",
    ]) {
      assert.ok(message.includes(part), `missing "${part}" in: ${message}`);
    }
  });

  it("derives the default sender from the base URL", () => {
    assert.equal(
      loadConfig({ flags: { baseUrl: "https://papers.example.org" } }).mailFrom,
      "paperfeed <paperfeed@papers.example.org>",
    );
  });

  it("ignores variables outside the PAPERFEED_ namespace", () => {
    assert.equal(loadConfig({ env: { PORT: "abc", PAPERFEEDX: "1" } }).port, 8080);
  });
});
