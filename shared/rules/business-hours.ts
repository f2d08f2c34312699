import type { WorkingCalendarValue } from '../domain/entities';
import { statutoryDayKind } from './statutory-days';
import { DAY_MS, localDay, type WorkingCalendar } from './working-calendar';

/**
 * Business hours (issue 21): SLA clocks count only the working periods of a working calendar — the hours of each
 * weekday (a lunch break is the gap between two periods), the mainland's statutory holidays off and their make-up
 * days (调休) worked, an admin's company days off and extra working days. A make-up day or an extra working day
 * works the hours of Monday (or of the first weekday that has hours), since it stands in for a weekday.
 */
export interface BusinessCalendar {
  /** Minutes east of UTC of the local clock the hours are read on (China: 480). */
  readonly utcOffsetMinutes: number;
  /** The working periods of the local day 'YYYY-MM-DD', as [start, end) minutes after its midnight, in order. */
  periodsOn(day: string): readonly (readonly [number, number])[];
}

/** How far the walks look (ten years of days): a calendar with no working period ends there. */
const MAX_DAYS = 3660;

function minutesOf(clock: string): number {
  return Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));
}

/** The calendar a `workingCalendar` setting describes. */
export function businessCalendar(value: WorkingCalendarValue): BusinessCalendar {
  const week = value.weekHours.map((periods) =>
    periods.map((p) => [minutesOf(p.start), minutesOf(p.end)] as const),
  );
  const workday = week[1]?.length ? week[1] : (week.find((periods) => periods.length > 0) ?? []);
  const off = new Set(value.daysOff);
  const extra = new Set(value.extraWorkingDays);
  return {
    utcOffsetMinutes: value.utcOffsetMinutes,
    periodsOn(day) {
      if (off.has(day)) return [];
      const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
      const usual = week[weekday] ?? [];
      if (extra.has(day)) return usual.length > 0 ? usual : workday;
      if (value.statutoryHolidays) {
        const kind = statutoryDayKind(day);
        if (kind === 'holiday') return [];
        if (kind === 'makeUp') return usual.length > 0 ? usual : workday;
      }
      return usual;
    },
  };
}

/**
 * The holiday-aware calendar as working DAYS (the follow-up rules' seam, working-calendar.ts): a day with any
 * working period is a working day.
 */
export function workingDaysOf(calendar: BusinessCalendar): WorkingCalendar {
  return {
    utcOffsetMinutes: calendar.utcOffsetMinutes,
    isWorkingDay: (day) => calendar.periodsOn(day).length > 0,
  };
}

/** Per calendar, each day start's periods as instants: the walks ask about the same days for many tickets. */
type Periods = readonly (readonly [number, number])[];
const cache = new WeakMap<BusinessCalendar, Map<number, Periods>>();

function periodsAt(dayStart: number, calendar: BusinessCalendar): Periods {
  let known = cache.get(calendar);
  if (!known) cache.set(calendar, (known = new Map<number, Periods>()));
  let periods = known.get(dayStart);
  if (!periods) {
    periods = calendar
      .periodsOn(localDay(dayStart, calendar.utcOffsetMinutes))
      .map(([s, e]) => [dayStart + s * 60_000, dayStart + e * 60_000] as const);
    known.set(dayStart, periods);
  }
  return periods;
}

function dayStartOf(ms: number, calendar: BusinessCalendar): number {
  const offset = calendar.utcOffsetMinutes * 60_000;
  return Math.floor((ms + offset) / DAY_MS) * DAY_MS - offset;
}

/** Business milliseconds between two instants (0 when `to` is not after `from`). */
export function businessMsBetween(from: number, to: number, calendar: BusinessCalendar): number {
  if (!(to > from)) return 0;
  let total = 0;
  let dayStart = dayStartOf(from, calendar);
  for (let i = 0; dayStart < to && i < MAX_DAYS; i++, dayStart += DAY_MS) {
    for (const [start, end] of periodsAt(dayStart, calendar))
      total += Math.max(0, Math.min(to, end) - Math.max(from, start));
  }
  return total;
}

/**
 * The first instant at which `ms` business milliseconds have passed since `from` (`from` itself for 0; Infinity
 * when the calendar has no working time within ten years). A due time that falls at the end of a period is that
 * end, not the start of the next one.
 */
export function addBusinessMs(from: number, ms: number, calendar: BusinessCalendar): number {
  if (ms <= 0) return from;
  let left = ms;
  let dayStart = dayStartOf(from, calendar);
  for (let i = 0; i < MAX_DAYS; i++, dayStart += DAY_MS) {
    for (const [start, end] of periodsAt(dayStart, calendar)) {
      const at = Math.max(from, start);
      if (at >= end) continue;
      if (left <= end - at) return at + left;
      left -= end - at;
    }
  }
  return Infinity;
}

/** Is the instant inside a working period (the clock is running)? */
export function isBusinessTime(at: number, calendar: BusinessCalendar): boolean {
  return periodsAt(dayStartOf(at, calendar), calendar).some(([s, e]) => at >= s && at < e);
}
