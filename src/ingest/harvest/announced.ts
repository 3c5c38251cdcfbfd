/**
 * The Daily page's day of a harvested paper is arXiv's announcement day. OAI-PMH does not say
 * it, but arXiv's calendar does (core/arxiv-schedule.ts): a new paper is announced on the
 * announcement that follows its v1 submission. That holds for records that arrive as new
 * papers, so it is applied when the record's datestamp lies within RECENT_DAYS of v1 and v1 has
 * a time of day (arXivRaw; the `arXiv` format gives only a day, which cannot place a submission
 * before or after the 14:00 ET cutoff). An old paper whose metadata changed keeps the day every
 * other reader gives it (v1's date, as the Kaggle snapshot does), so harvest and snapshot agree.
 * A paper already stored keeps its day in any case: the store keeps the earliest.
 */
import { announcementDayOf } from "../../core/arxiv-schedule.js";
import type { Paper } from "../../core/paper.js";
import { daysBetween } from "./dates.js";

/** Days between v1 and the record's datestamp within which a record counts as a new paper. */
export const RECENT_DAYS = 30;

export function withAnnouncementDay(paper: Paper, datestamp: string | undefined): Paper {
  const v1 = paper.submitted;
  if (!v1 || !v1.includes("T") || !datestamp) return paper;
  if (daysBetween(v1.slice(0, 10), datestamp) > RECENT_DAYS) return paper;
  const announced = announcementDayOf(v1);
  return announced === paper.announced ? paper : { ...paper, announced };
}
