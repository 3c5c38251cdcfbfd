/** Days as OAI-PMH uses them ("YYYY-MM-DD", UTC): checking, moving, and today's. */
import { PaperfeedError } from "../../core/errors.js";

const DAY_MS = 86_400_000;

/** Null when `text` is a real calendar day "YYYY-MM-DD", else what is wrong with it. */
export function dayProblem(text: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return "is not a date YYYY-MM-DD";
  const ms = Date.parse(`${text}T00:00:00Z`);
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== text) return "is not a calendar date";
  return null;
}

/** `text` when it is a day, else a PaperfeedError naming `what` (e.g. "--from") and the value. */
export function requireDay(text: string, what: string): string {
  const problem = dayProblem(text);
  if (problem) throw new PaperfeedError("ingest", "invalid_date", `${what} ${text} ${problem}`);
  return text;
}

export const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);

export const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Whole days from `a` to `b`. */
export const daysBetween = (a: string, b: string) =>
  Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);

export const laterDay = (a: string | null, b: string | null) => (a === null ? b : b === null ? a : a > b ? a : b);
