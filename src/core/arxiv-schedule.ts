/**
 * arXiv's announcement calendar, which decides what "today's papers" means.
 * - arXiv announces new papers Sunday to Thursday at 20:00 US Eastern time (EST or EDT, whichever
 *   is in force that day), so the announcement moves between 00:00 and 01:00 UTC across
 *   daylight saving.
 * - An announcement is dated the next day (Monday to Friday): the 20:00 ET mailing of Tuesday
 *   lists as "Wednesday". That date is our `announced` day and the Daily page's date.
 * - Submissions made before 14:00 ET on a weekday go out that evening; Friday's (and the
 *   weekend's) go out on Sunday evening, dated Monday.
 * Holidays (when arXiv skips or moves a mailing) are not modelled: the harvester takes the papers
 * whenever they appear, and a skipped day simply has none.
 */

const ZONE = "America/New_York";
const ANNOUNCE_HOUR = 20;
const CUTOFF_HOUR = 14;
const DAY_MS = 86_400_000;

const partsFormat = new Intl.DateTimeFormat("en-US", {
  timeZone: ZONE,
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});

interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The US Eastern wall-clock time of an instant. */
function easternWall(ms: number): WallTime {
  const parts: Record<string, number> = {};
  for (const p of partsFormat.formatToParts(new Date(ms))) if (p.type !== "literal") parts[p.type] = Number(p.value);
  return { year: parts.year!, month: parts.month!, day: parts.day!, hour: parts.hour!, minute: parts.minute!, second: parts.second! };
}

/** The instant at which US Eastern wall-clock time reads `hour`:00 on the ET date `day` ("YYYY-MM-DD"). */
function easternInstant(day: string, hour: number): number {
  const asUtc = Date.parse(`${day}T${String(hour).padStart(2, "0")}:00:00Z`);
  // Offset is -4 h or -5 h; find the one that maps back to the wanted wall time.
  for (const offsetHours of [4, 5]) {
    const guess = asUtc + offsetHours * 3_600_000;
    const w = easternWall(guess);
    if (isoDay(w) === day && w.hour === hour) return guess;
  }
  return asUtc + 5 * 3_600_000; // unreachable for 14:00 and 20:00 (never in a DST gap)
}

const pad = (n: number) => String(n).padStart(2, "0");
const isoDay = (w: WallTime) => `${w.year}-${pad(w.month)}-${pad(w.day)}`;
const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
/** 0 = Sunday … 6 = Saturday, of a calendar day. */
const weekday = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay();

export interface Announcement {
  /** The date the announcement is listed under ("YYYY-MM-DD", Monday to Friday). */
  day: string;
  /** When it happens: 20:00 US Eastern on the evening before `day`. */
  at: Date;
}

/** The announcement listed under `day`; null when no announcement carries that date (weekends). */
export function announcementOfDay(day: string): Announcement | null {
  const w = weekday(day);
  if (w === 0 || w === 6) return null;
  return { day, at: new Date(easternInstant(addDays(day, -1), ANNOUNCE_HOUR)) };
}

/** The latest announcement at or before `now`. */
export function latestAnnouncement(now: Date): Announcement {
  const etToday = isoDay(easternWall(now.getTime()));
  // Candidates: announcements listed tomorrow (made this evening) back to a week ago.
  for (let back = -1; back < 8; back++) {
    const a = announcementOfDay(addDays(etToday, -back));
    if (a && a.at.getTime() <= now.getTime()) return a;
  }
  throw new Error("arxiv-schedule: no announcement in the last week (unreachable)");
}

/** The first announcement strictly after `now`. */
export function nextAnnouncement(now: Date): Announcement {
  const etToday = isoDay(easternWall(now.getTime()));
  for (let ahead = 0; ahead < 8; ahead++) {
    const a = announcementOfDay(addDays(etToday, ahead));
    if (a && a.at.getTime() > now.getTime()) return a;
  }
  throw new Error("arxiv-schedule: no announcement in the next week (unreachable)");
}

/**
 * The day a submission made at `submitted` (an ISO timestamp) is announced under: the first
 * weekday 14:00 ET cutoff after it decides the mailing; Friday's mailing goes out on Sunday
 * evening, so it is listed under Monday like the others listed under the next day.
 */
export function announcementDayOf(submitted: string): string {
  const ms = Date.parse(submitted);
  if (Number.isNaN(ms)) throw new Error(`arxiv-schedule: not a timestamp: ${submitted}`);
  let day = isoDay(easternWall(ms));
  for (;;) {
    const w = weekday(day);
    if (w !== 0 && w !== 6 && ms < easternInstant(day, CUTOFF_HOUR)) {
      // Monday–Thursday cutoffs are listed the next day; Friday's on Monday.
      return addDays(day, w === 5 ? 3 : 1);
    }
    day = addDays(day, 1);
  }
}
