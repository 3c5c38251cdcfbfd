/**
 * Harvests arXiv's OAI-PMH endpoint (`config.arxivOaiUrl`) into a store: `ListRecords` with
 * `metadataPrefix=arXivRaw` (it carries every version's date), or `arXiv` when the endpoint
 * answers `cannotDisseminateFormat`; one run per set; `from`/`until`; resumptionToken paging,
 * where a follow-up request carries only `verb` and `resumptionToken`, as the protocol requires.
 *
 * Etiquette lives in PoliteClient: 3 s between requests, Retry-After on 503, backoff, the
 * User-Agent naming the instance and its operator. Each page is parsed by the same reader as
 * OAI-PMH files (readOaiPmhBody), upserted, and then checkpointed in the store, so a harvest
 * killed at any point resumes at the page after the last one checkpointed. A page stored but not
 * yet checkpointed is asked again; storing it twice changes nothing (upserts are idempotent).
 *
 * OAI errors: `noRecordsMatch` is an empty result, not a failure; `badResumptionToken` (a token
 * that expired during a long pause) restarts the run from its `from`; every other error code,
 * an HTML page or a body that is not OAI-PMH fails with one PaperfeedError naming the URL, the
 * code and the server's text.
 */
import { PaperfeedError } from "../../core/errors.js";
import type { Paper } from "../../core/paper.js";
import { PoliteClient } from "../http/polite-client.js";
import { userAgentOf } from "../http/user-agent.js";
import type { Position } from "../items.js";
import { readOaiPmhBody } from "../readers/oai-pmh.js";
import { tallyOutcomes } from "../sink.js";
import { withAnnouncementDay } from "./announced.js";
import { dayOf, laterDay, requireDay } from "./dates.js";
import { readOaiEnvelope, type OaiEnvelope } from "./envelope.js";
import { harvestKey, SNAPSHOT_KEY, startDay } from "./start.js";
import type { HarvestCheckpoint, HarvestOptions, HarvestSummary } from "./types.js";

export const SERVICE = "arXiv OAI-PMH";
/** arXivRaw first: only it has every version's date; arXiv's own format is the fallback. */
const PREFIXES = ["arXivRaw", "arXiv"] as const;
/** Restarts of one set after badResumptionToken before giving up (a server that always refuses). */
const MAX_RESTARTS = 2;

interface Run {
  from: string | null;
  until: string | null;
  runDate: string | null;
  prefix: string;
  token: string | null;
  /** `nextFrom` of the checkpoint before this run: kept until the run completes. */
  nextFrom: string | null;
}

export async function harvestArxiv(options: HarvestOptions): Promise<HarvestSummary> {
  const { config, time } = options;
  const from = options.from === undefined ? undefined : requireDay(options.from, "from");
  const until = options.until === undefined ? undefined : requireDay(options.until, "until");
  if (from && until && from > until) {
    throw new PaperfeedError("ingest", "invalid_date", `from ${from} is after until ${until}`);
  }
  const started = time.now();
  const log = options.log ?? (() => undefined);
  const client = new PoliteClient({
    component: "ingest",
    service: SERVICE,
    userAgent: userAgentOf(config),
    clock: time,
    minIntervalMs: options.minIntervalMs ?? 3000,
    log,
  });
  const sets = [...(options.sets ?? config.harvestSets)];
  const summary: HarvestSummary = {
    sets: sets.length > 0 ? sets : [""],
    runs: [],
    read: 0, new: 0, updated: 0, deleted: 0, unchanged: 0, skipped: 0,
    pages: 0, requests: 0, seconds: 0, issues: [], notes: [],
  };
  const note = (line: string) => {
    summary.notes.push(line);
    log(line);
  };
  for (const [setIndex, set] of summary.sets.entries()) {
    await harvestSet({ ...options, from, until, log, note }, client, summary, set, setIndex);
  }
  summary.seconds = Math.round((time.now() - started) / 10) / 100;
  return summary;
}

type SetOptions = HarvestOptions & { log: (line: string) => void; note: (line: string) => void };

const setName = (set: string) => (set ? `set ${set}` : "all of arXiv");

/** A run in progress resumes when the caller asks for the same window (or none). */
async function openRun(o: SetOptions, key: string): Promise<Run> {
  const state = await o.store.harvestState(key);
  const sameWindow = (o.from === undefined || o.from === state?.from) && (o.until === undefined || o.until === state?.until);
  if (state?.resumptionToken && sameWindow) {
    return {
      from: state.from, until: state.until, runDate: state.runDate, prefix: state.metadataPrefix ?? PREFIXES[0],
      token: state.resumptionToken, nextFrom: state.nextFrom,
    };
  }
  const snapshot = await o.store.harvestState(SNAPSHOT_KEY);
  return {
    from: o.from ?? startDay(state, snapshot, o.time.now(), o.config.backfillDays),
    until: o.until ?? null,
    runDate: null,
    prefix: PREFIXES[0],
    token: null,
    nextFrom: state?.nextFrom ?? null,
  };
}

function listUrl(endpoint: string, run: Run, set: string): string {
  const url = new URL(endpoint);
  url.searchParams.set("verb", "ListRecords");
  if (run.token) {
    url.searchParams.set("resumptionToken", run.token);
    return url.toString();
  }
  url.searchParams.set("metadataPrefix", run.prefix);
  if (set) url.searchParams.set("set", set);
  if (run.from) url.searchParams.set("from", run.from);
  if (run.until) url.searchParams.set("until", run.until);
  return url.toString();
}

async function harvestSet(o: SetOptions, client: PoliteClient, summary: HarvestSummary, set: string, setIndex: number) {
  const endpoint = o.config.arxivOaiUrl;
  const key = harvestKey(endpoint, set);
  const run = await openRun(o, key);
  summary.runs.push({ set, from: run.from, until: run.until, resumed: run.token !== null });
  if (run.token) o.log(`${setName(set)}: resuming the run from ${run.from ?? "the beginning"} at its checkpoint`);
  const progress = { set, setIndex, setCount: summary.sets.length, pages: 0, records: 0, done: null as number | null, total: null as number | null };
  const checkpoint = (state: Partial<HarvestCheckpoint>) =>
    o.store.setHarvestState(key, {
      from: run.from, until: run.until, runDate: run.runDate, metadataPrefix: run.prefix,
      resumptionToken: run.token, nextFrom: run.nextFrom, updatedAt: new Date(o.time.now()).toISOString(), ...state,
    });
  let restarts = 0;
  for (;;) {
    const url = listUrl(endpoint, run, set);
    // A 503/429's Retry-After shorter than the 3 s spacing is topped up to it by the client.
    const response = await client.get(url, o.signal ? { signal: o.signal } : {});
    summary.requests++;
    const envelope = await readOaiEnvelope(url, response.body);
    const error = envelope.errors[0];
    if (envelope.notOai) {
      throw new PaperfeedError("ingest", "oai_not_oai", `${SERVICE}: ${url} answered ${response.status} with ${envelope.notOai}, not an OAI-PMH response`, 502);
    }
    run.runDate ??= envelope.responseDay ?? dayOf(o.time.now());
    if (error?.code === "noRecordsMatch") {
      o.note(`${setName(set)}: no records match${run.from ? ` from ${run.from}` : ""}${run.until ? ` until ${run.until}` : ""} (${error.text || "the server gave no text"}); nothing to store`);
      break;
    }
    if (error?.code === "cannotDisseminateFormat" && !run.token && run.prefix === PREFIXES[0]) {
      run.prefix = PREFIXES[1];
      o.note(`${setName(set)}: ${endpoint} does not serve ${PREFIXES[0]} (${error.text}); harvesting ${PREFIXES[1]} instead, without version history`);
      continue;
    }
    if (error?.code === "badResumptionToken" && run.token && restarts < MAX_RESTARTS) {
      restarts++;
      o.note(`${setName(set)}: the server refused the resumption token (${error.text || "badResumptionToken"}), e.g. it expired; restarting the run from ${run.from ?? "the beginning"}`);
      run.token = null;
      run.runDate = null;
      await checkpoint({});
      continue;
    }
    if (error) {
      throw new PaperfeedError("ingest", `oai_${error.code}`, `${SERVICE}: ${url} answered OAI-PMH error ${error.code}: ${error.text || "(no message)"}`, 502);
    }
    const records = await storePage(o.store, url, response.body, envelope, summary);
    summary.pages++;
    progress.pages++;
    progress.records += records;
    const token = envelope.token;
    if (token?.completeListSize !== null && token?.completeListSize !== undefined) {
      progress.total = token.completeListSize;
      progress.done = token.value ? (token.cursor ?? 0) + records : token.completeListSize;
    } else progress.done = progress.total = null;
    run.token = token?.value || null;
    if (run.token) await checkpoint({});
    else break;
    o.onProgress?.({ ...progress });
  }
  // The run is complete: the next one starts on the day this one began (OAI days are whole days,
  // so that day is asked again, harmlessly); never earlier than a start already recorded.
  const end = run.until && run.until < run.runDate! ? run.until : run.runDate!;
  run.nextFrom = laterDay(run.nextFrom, end);
  run.token = null;
  await checkpoint({});
  o.onProgress?.({ ...progress, done: progress.total ?? progress.done });
}

/** Stores one page's records in page order; returns how many records it had. */
async function storePage(store: HarvestOptions["store"], url: string, body: Buffer, envelope: OaiEnvelope, summary: HarvestSummary): Promise<number> {
  let records = 0;
  const batch: Array<{ paper: Paper; position: Position }> = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const tally = await tallyOutcomes(store, batch.splice(0));
    summary.new += tally.inserted;
    summary.updated += tally.updated;
    summary.unchanged += tally.unchanged;
    summary.skipped += tally.refused.length;
    for (const refused of tally.refused) summary.issues.push({ file: url, ...refused });
  };
  for await (const item of readOaiPmhBody(url, body)) {
    if (item.kind === "error" && item.scope === "file") {
      // The envelope found the document sound, so this is the reader's word on the whole page.
      throw new PaperfeedError("ingest", "oai_unreadable", `${SERVICE}: ${item.reason.replace(/^ingest: /, "")}`, 502);
    }
    records++;
    summary.read++;
    if (item.kind === "paper") {
      const datestamp = envelope.datestamps.get(`oai:arXiv.org:${item.paper.id}`);
      batch.push({ paper: withAnnouncementDay(item.paper, datestamp), position: item.position });
    } else if (item.kind === "delete") {
      await flush(); // page order: a deletion after an upsert of the same id wins
      if (await store.deletePaper(item.id)) summary.deleted++;
      else summary.unchanged++;
    } else {
      summary.skipped++;
      summary.issues.push({ file: url, position: item.position, reason: item.reason });
    }
  }
  await flush();
  return records;
}
