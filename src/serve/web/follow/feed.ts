/**
 * A member's Atom feed of the events of the papers they follow (newest first), with the `feed`
 * package like src/serve/feeds. Each event is one entry whose id never changes, so a reader
 * shows it once however often it fetches.
 */
import { Feed } from "feed";
import type { Paper } from "../../../core/paper.js";
import type { PaperEvent } from "../../../store/event-types.js";
import { paperHref } from "../format.js";
import { presentEvent } from "./present.js";

export function followingAtom(input: { base: string; selfUrl: string; name: string; items: Array<{ event: PaperEvent; paper: Paper }> }): string {
  const newest = input.items.reduce((max, { event }) => (event.recordedAt > max ? event.recordedAt : max), "");
  const feed = new Feed({
    id: input.selfUrl,
    title: `paperfeed: updates of the papers ${input.name} follows`,
    description: "New versions, DOIs, journal references, code links and withdrawals of followed papers",
    link: `${input.base}/following`,
    updated: new Date(newest || "2007-04-02T00:00:00Z"),
    generator: "paperfeed",
    language: "en",
    feedLinks: { atom: input.selfUrl },
    copyright: "Metadata from arXiv; each paper under its own licence",
  });
  for (const { event, paper } of input.items) {
    const view = presentEvent(event);
    const url = `${input.base}${paperHref(paper.id)}`;
    feed.addItem({
      title: `${paper.title} — ${view.label}`,
      id: `${url}#event-${event.id}`,
      link: url,
      description: `${view.text}. ${paper.title} (arXiv:${paper.id})`,
      date: new Date(event.recordedAt),
      published: new Date(event.date),
    });
  }
  return feed.atom1();
}
