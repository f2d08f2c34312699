import chineseDays from 'chinese-days/dist/chinese-days.json' with { type: 'json' };

/**
 * The one adapter of the `chinese-days` data (CONVENTIONS.md 14): the mainland's statutory holidays and make-up
 * working days (调休) by local date, as the State Council publishes them each year (the package covers 2004 to the
 * latest published year; later years are ordinary weeks until it is upgraded). The package's JSON is read rather
 * than its date functions, which parse dates in the machine's time zone.
 */
const data = chineseDays as { holidays: Record<string, string>; workdays: Record<string, string> };

/** 'holiday' (a day off, weekday or not), 'makeUp' (a weekend day that is worked), null (an ordinary day). */
export type StatutoryDayKind = 'holiday' | 'makeUp' | null;

/** What the statutory calendar says about the local day 'YYYY-MM-DD'. */
export function statutoryDayKind(day: string): StatutoryDayKind {
  if (Object.hasOwn(data.holidays, day)) return 'holiday';
  if (Object.hasOwn(data.workdays, day)) return 'makeUp';
  return null;
}

/** The statutory name of a holiday or make-up day ('National Day,国庆节,3'), '' for an ordinary day. */
export function statutoryDayName(day: string): string {
  return data.holidays[day] ?? data.workdays[day] ?? '';
}

/** The last year the data knows (the settings card says so; a newer package brings the next year). */
export const STATUTORY_LAST_YEAR = Math.max(
  ...Object.keys(data.holidays).map((day) => Number(day.slice(0, 4))),
);
