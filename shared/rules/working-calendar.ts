/**
 * Working time for follow-up lapses (issue 18): a lead that arrives on Friday evening is not "48 h idle" on
 * Sunday, because idle time counts working days only. A calendar says which local days are working days; the
 * default is Monday to Friday. The seam for the public-holiday calendar (调休, `chinese-days`, the service issue) is
 * `isWorkingDay`: pass a calendar that knows the holidays and make-up Saturdays.
 */
export interface WorkingCalendar {
  /** Minutes east of UTC of the local day boundaries (China: 480). */
  readonly utcOffsetMinutes: number;
  /** Is the local day 'YYYY-MM-DD' a working day? */
  isWorkingDay(day: string): boolean;
}

export const DAY_MS = 86_400_000;
export const HOUR_MS = 3_600_000;
/** How far the working-time walks look (ten years of days): a calendar with no working day ends there. */
const MAX_DAYS = 3660;

/** Monday to Friday are working days. */
export function weekdayCalendar(utcOffsetMinutes: number): WorkingCalendar {
  return {
    utcOffsetMinutes,
    isWorkingDay: (day) => {
      const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
      return weekday !== 0 && weekday !== 6;
    },
  };
}

/** Every day counts (an admin switched working days off). */
export function everyDayCalendar(utcOffsetMinutes: number): WorkingCalendar {
  return { utcOffsetMinutes, isWorkingDay: () => true };
}

/** The local day 'YYYY-MM-DD' that contains the instant `ms`. */
export function localDay(ms: number, utcOffsetMinutes: number): string {
  return new Date(ms + utcOffsetMinutes * 60_000).toISOString().slice(0, 10);
}

/** The instant a local day 'YYYY-MM-DD' starts. */
export function startOfLocalDay(day: string, utcOffsetMinutes: number): number {
  return Date.parse(`${day}T00:00:00Z`) - utcOffsetMinutes * 60_000;
}

/** The day `days` after (or before, negative) the day 'YYYY-MM-DD'. */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

function dayStartOf(ms: number, calendar: WorkingCalendar): number {
  const offset = calendar.utcOffsetMinutes * 60_000;
  return Math.floor((ms + offset) / DAY_MS) * DAY_MS - offset;
}

/**
 * Per calendar, its answer per day start: the walks below ask about the same few weeks for thousands of records
 * (a manager's first inbox computation), and formatting and parsing day strings dominated it.
 */
const workingDays = new WeakMap<WorkingCalendar, Map<number, boolean>>();

function isWorking(dayStart: number, calendar: WorkingCalendar): boolean {
  let known = workingDays.get(calendar);
  if (!known) workingDays.set(calendar, (known = new Map<number, boolean>()));
  let working = known.get(dayStart);
  if (working === undefined) {
    working = calendar.isWorkingDay(localDay(dayStart, calendar.utcOffsetMinutes));
    known.set(dayStart, working);
  }
  return working;
}

/** Working milliseconds between two instants (0 when `to` is not after `from`). */
export function workingMsBetween(from: number, to: number, calendar: WorkingCalendar): number {
  let total = 0;
  let dayStart = dayStartOf(from, calendar);
  for (let i = 0; dayStart < to && i < MAX_DAYS; i++, dayStart += DAY_MS) {
    if (!isWorking(dayStart, calendar)) continue;
    total += Math.max(0, Math.min(to, dayStart + DAY_MS) - Math.max(from, dayStart));
  }
  return total;
}

/** The first instant at which `ms` of working time have passed since `from` (Infinity if never). */
export function addWorkingMs(from: number, ms: number, calendar: WorkingCalendar): number {
  let left = ms;
  let at = from;
  let dayStart = dayStartOf(from, calendar);
  for (let i = 0; i < MAX_DAYS; i++, dayStart += DAY_MS) {
    if (!isWorking(dayStart, calendar)) continue;
    const start = Math.max(at, dayStart);
    const room = dayStart + DAY_MS - start;
    if (left <= room) return start + left;
    left -= room;
    at = dayStart + DAY_MS;
  }
  return Infinity;
}

/**
 * The last instant from which `ms` of working time have passed by `to`: a record idle since before it is due
 * (the bound of an indexed "idle since < cutoff" query). -Infinity if never.
 */
export function subtractWorkingMs(to: number, ms: number, calendar: WorkingCalendar): number {
  let left = ms;
  let at = to;
  let dayStart = dayStartOf(to - 1, calendar);
  for (let i = 0; i < MAX_DAYS; i++, dayStart -= DAY_MS) {
    if (!isWorking(dayStart, calendar)) continue;
    const end = Math.min(at, dayStart + DAY_MS);
    const room = end - dayStart;
    if (left <= room) return end - left;
    left -= room;
    at = dayStart;
  }
  return -Infinity;
}
