/**
 * arXiv's export API on loopback, answering from the recorded responses in
 * test/fixtures/ingest/atom: a request for a recorded id (with or without its version) gets that
 * recording; `malformed` ids get the recorded 400 error feed ("incorrect id format for abc"); any
 * other id the recorded empty feed, as arXiv answers for an id it does not have. `override`
 * answers first when it returns something (503s, held answers). For tests only.
 */
import { readFileSync } from "node:fs";
import { parseArxivId } from "../../../core/arxiv-id.js";
import { type Replay, type ReplayServer, type RecordedRequest, startReplayServer } from "../../http/testing/replay-server.js";
import { fixture } from "../../test-support.js";

const ATOM = { "content-type": "application/atom+xml; charset=utf-8" };
const recording = (name: string) => readFileSync(fixture(`atom/${name}`));

/** Canonical id → recorded response body. */
export const RECORDED: Record<string, string> = {
  "1707.08567": "id_1707.08567_s0_m100_6a1afebfc6a3.atom.xml",
  "1605.08386": "id_1605.08386_s0_m100_199195aa31ad.atom.xml",
  "2104.12255": "id_2104.12255v1_s0_m100_6ae69987ffe1.atom.xml",
  "astro-ph/0601001": "id_astro-ph_0601001_s0_m100_3150dca9dc76.atom.xml",
  "quant-ph/0201082": "id_quant-ph_0201082v1_s0_m100_86989fe779ef.atom.xml",
};
const EMPTY = "id_0000.0000_s0_m100_8b51d9633a68.atom.xml";
const ERROR = "id_abc_s0_m100_b79c8dcf6bc3.atom.xml";

export interface ApiReplayOptions {
  malformed?: readonly string[];
  override?: (request: RecordedRequest, query: URLSearchParams) => Replay | undefined | Promise<Replay | undefined>;
}

export function startArxivApiReplay(options: ApiReplayOptions = {}): Promise<ReplayServer> {
  return startReplayServer(async (request, query) => {
    const custom = await options.override?.(request, query);
    if (custom) return custom;
    const asked = query.get("id_list") ?? "";
    if (options.malformed?.includes(asked)) return { status: 400, headers: ATOM, body: recording(ERROR) };
    const name = RECORDED[parseArxivId(asked)?.id ?? ""];
    return { status: 200, headers: ATOM, body: recording(name ?? EMPTY) };
  });
}
