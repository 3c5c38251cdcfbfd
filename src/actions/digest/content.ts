/**
 * What one digest contains, as stored in the outbox payload: paper ids per section, no text. The
 * sender renders it at send time, so a message sent after a crash is identical to the first try.
 */
import type { Cadence } from "../../store/delivery-types.js";
import type { PaperEventKind } from "../../store/event-types.js";

/** One event of a followed paper as the digest shows it (src/store/event-types.ts). */
export interface FollowedEventItem {
  paperId: string;
  kind: PaperEventKind;
  detail: string;
  date: string;
}

export type DigestSection =
  | { kind: "trending"; paperIds: string[] }
  /** Events of the papers the subscription's account follows; these papers are not marked shown. */
  | { kind: "followed"; paperIds: string[]; events: FollowedEventItem[] }
  | { kind: "alert"; searchId: number; name: string; query: string; exclude: string[]; paperIds: string[] }
  /** For you: the period's papers picked for the subscription's account (recommended.ts). */
  | { kind: "recommended"; paperIds: string[] };

export interface DigestContent {
  type: "digest";
  cadence: Cadence;
  /** Period key ("2024-01-15", "2024-W03"). */
  period: string;
  sections: DigestSection[];
}

export interface ConfirmContent {
  type: "confirm";
  cadence: Cadence;
}

export type OutboxPayload = DigestContent | ConfirmContent;

export const paperIdsOf = (content: DigestContent): string[] => [
  ...new Set(content.sections.flatMap((s) => s.paperIds)),
];

/** Papers a digest shows for the first time (never again to this subscriber): all but followed ones. */
export const shownPaperIdsOf = (content: DigestContent): string[] =>
  content.sections.flatMap((s) => (s.kind === "followed" ? [] : s.paperIds));

/** Idempotency key and Message-ID local part of a digest: one per subscriber and period. */
export const digestKey = (subscriberId: number, period: string) => `digest.${subscriberId}.${period}`;
