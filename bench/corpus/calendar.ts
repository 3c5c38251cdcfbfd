/**
 * When the synthetic papers appear and what ids they get. Papers are spread over the months from
 * August 1991 to June 2026 following arXiv's growth in monthly submissions (roughly 250 a month in
 * 1992, 2,500 in 2000, 5,400 in 2010, 15,000 in 2020, 24,000 in 2025; rounded from arXiv's
 * published submission statistics), scaled so the months add up to the corpus size. Ids follow
 * arXiv's schemes: `archive/YYMMNNN` before April 2007, `YYMM.NNNN` to 2014, `YYMM.NNNNN` after.
 */

/** Mid-year monthly submissions, linearly interpolated between years. */
const MONTHLY_RATE: Record<number, number> = {
  1991: 60,
  1992: 250,
  1993: 550,
  1994: 900,
  1995: 1_400,
  1996: 1_650,
  1997: 1_900,
  1998: 2_100,
  1999: 2_300,
  2000: 2_500,
  2001: 2_700,
  2002: 2_900,
  2003: 3_100,
  2004: 3_400,
  2005: 3_700,
  2006: 4_000,
  2007: 4_300,
  2008: 4_700,
  2009: 5_100,
  2010: 5_400,
  2011: 6_000,
  2012: 6_800,
  2013: 7_500,
  2014: 8_000,
  2015: 8_800,
  2016: 9_500,
  2017: 10_400,
  2018: 11_700,
  2019: 13_000,
  2020: 15_000,
  2021: 15_200,
  2022: 15_500,
  2023: 17_500,
  2024: 20_000,
  2025: 24_000,
  2026: 26_000,
};
const FIRST = { year: 1991, month: 8 };
const LAST = { year: 2026, month: 6 };

/** Archives of old-style ids, used in turn when a month's archive has used all 999 numbers. */
const OLD_ARCHIVES = [
  "astro-ph",
  "cond-mat",
  "hep-ph",
  "hep-th",
  "quant-ph",
  "gr-qc",
  "math",
  "physics",
  "nucl-th",
  "hep-ex",
  "hep-lat",
  "math-ph",
  "nlin",
  "nucl-ex",
  "cs",
  "q-bio",
];

export interface Month {
  year: number;
  /** 1–12. */
  month: number;
  /** Papers in this month. */
  count: number;
}

function rateAt(year: number, month: number): number {
  const t = year + (month - 0.5) / 12 - 0.5; // years since the middle of `year`'s anchor
  const base = Math.floor(t);
  const low = MONTHLY_RATE[base] ?? MONTHLY_RATE[year]!;
  const high = MONTHLY_RATE[base + 1] ?? low;
  return low + (high - low) * (t - base);
}

const capacity = (m: { year: number; month: number }) =>
  m.year > 2014
    ? 99_999
    : m.year > 2007 || (m.year === 2007 && m.month >= 4)
      ? 9_999
      : 999 * OLD_ARCHIVES.length;

/** Papers per month for a corpus of `size` papers; the counts add up to `size` exactly. */
export function monthsFor(size: number): Month[] {
  const months: Array<{ year: number; month: number; rate: number }> = [];
  for (
    let year = FIRST.year, month = FIRST.month;
    year < LAST.year || (year === LAST.year && month <= LAST.month);
  ) {
    months.push({ year, month, rate: rateAt(year, month) });
    if (++month > 12) [year, month] = [year + 1, 1];
  }
  const total = months.reduce((sum, m) => sum + m.rate, 0);
  let cumulative = 0;
  let assigned = 0;
  return months.map(({ year, month, rate }) => {
    cumulative += rate;
    const upTo = Math.round((cumulative / total) * size);
    const count = upTo - assigned;
    assigned = upTo;
    if (count > capacity({ year, month })) {
      throw new Error(
        `bench: ${size} papers put ${count} in ${year}-${month}, more than arXiv ids allow there`,
      );
    }
    return { year, month, count };
  });
}

const two = (n: number) => String(n % 100).padStart(2, "0");

/** Hands out ids month by month; old-style ids are numbered per archive. */
export class IdAllocator {
  private used = new Map<string, number>();
  private sequence = 0;

  constructor(private readonly month: Month) {}

  /** The next id in this month, for a paper whose primary category is `category`. */
  next(category: string): string {
    const { year, month } = this.month;
    const yymm = two(year) + two(month);
    if (year > 2007 || (year === 2007 && month >= 4)) {
      this.sequence++;
      return `${yymm}.${String(this.sequence).padStart(year > 2014 ? 5 : 4, "0")}`;
    }
    const own = category.split(".")[0]!;
    const archive = [own, ...OLD_ARCHIVES].find((a) => (this.used.get(a) ?? 0) < 999)!;
    const number = (this.used.get(archive) ?? 0) + 1;
    this.used.set(archive, number);
    return `${archive}/${yymm}${String(number).padStart(3, "0")}`;
  }
}

/** "YYYY-MM-DD" of the `index`-th of `count` papers of a month, spread evenly over its days. */
export function dayOf(month: Month, index: number): string {
  const days = new Date(Date.UTC(month.year, month.month, 0)).getUTCDate();
  const day = 1 + Math.floor((index * days) / Math.max(1, month.count));
  return `${month.year}-${String(month.month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}
