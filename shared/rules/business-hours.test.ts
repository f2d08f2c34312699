import { describe, expect, it } from 'vitest';
import { DEFAULT_WORKING_CALENDAR, type WorkingCalendarValue } from '../domain';
import {
  addBusinessMs,
  businessCalendar,
  businessMsBetween,
  isBusinessTime,
  workingDaysOf,
} from './business-hours';
import { addWorkingMs, DAY_MS, HOUR_MS } from './working-calendar';

/** A local China time ('YYYY-MM-DD HH:MM') as an instant. */
const at = (local: string) => Date.parse(`${local.replace(' ', 'T')}:00+08:00`);
const MIN = 60_000;
const standard = businessCalendar(DEFAULT_WORKING_CALENDAR);
const withValue = (patch: Partial<WorkingCalendarValue>) =>
  businessCalendar({ ...DEFAULT_WORKING_CALENDAR, ...patch });

describe('business hours on the default calendar (Mon–Fri 09–12, 13–18, UTC+8, statutory)', () => {
  it('skips a weekend: Friday 17:00 + 2 h is Monday 10:00', () => {
    // 2026-12-04 is a Friday: 17–18 (1 h), then Monday 2026-12-07 09–10 (1 h).
    expect(addBusinessMs(at('2026-12-04 17:00'), 2 * HOUR_MS, standard)).toBe(
      at('2026-12-07 10:00'),
    );
    expect(businessMsBetween(at('2026-12-04 17:00'), at('2026-12-07 10:00'), standard)).toBe(
      2 * HOUR_MS,
    );
    expect(businessMsBetween(at('2026-12-05 09:00'), at('2026-12-06 18:00'), standard)).toBe(0);
  });

  it('skips the lunch break', () => {
    expect(businessMsBetween(at('2026-12-07 11:30'), at('2026-12-07 13:30'), standard)).toBe(
      60 * MIN,
    );
    expect(addBusinessMs(at('2026-12-07 11:30'), 60 * MIN, standard)).toBe(at('2026-12-07 13:30'));
    // Due exactly at the end of the morning: 12:00, not 13:00.
    expect(addBusinessMs(at('2026-12-07 11:00'), 60 * MIN, standard)).toBe(at('2026-12-07 12:00'));
    expect(isBusinessTime(at('2026-12-07 12:30'), standard)).toBe(false);
    expect(isBusinessTime(at('2026-12-07 13:00'), standard)).toBe(true);
  });

  it('a full working day is 8 hours; before opening counts from 09:00', () => {
    expect(businessMsBetween(at('2026-12-07 00:00'), at('2026-12-08 00:00'), standard)).toBe(
      8 * HOUR_MS,
    );
    expect(addBusinessMs(at('2026-12-07 07:00'), 30 * MIN, standard)).toBe(at('2026-12-07 09:30'));
  });

  it('skips the statutory holiday 2026 国庆 (Oct 1–7)', () => {
    // Wednesday 2026-09-30 17:00 + 2 h: 17–18, then Thursday Oct 8 09–10.
    expect(addBusinessMs(at('2026-09-30 17:00'), 2 * HOUR_MS, standard)).toBe(
      at('2026-10-08 10:00'),
    );
    expect(businessMsBetween(at('2026-10-01 00:00'), at('2026-10-08 00:00'), standard)).toBe(0);
  });

  it('works the make-up days (调休): Saturday 2026-10-10 and Sunday 2026-09-20', () => {
    // Friday Oct 9 17:00 + 2 h → Saturday Oct 10 10:00, worked with Monday's hours.
    expect(addBusinessMs(at('2026-10-09 17:00'), 2 * HOUR_MS, standard)).toBe(
      at('2026-10-10 10:00'),
    );
    // Friday Sep 18 17:00 + 2 h: Saturday Sep 19 is off, Sunday Sep 20 is worked.
    expect(addBusinessMs(at('2026-09-18 17:00'), 2 * HOUR_MS, standard)).toBe(
      at('2026-09-20 10:00'),
    );
    expect(businessMsBetween(at('2026-10-10 00:00'), at('2026-10-11 00:00'), standard)).toBe(
      8 * HOUR_MS,
    );
  });

  it('without the statutory calendar, 国庆 is worked and the make-up Saturday is not', () => {
    const plain = withValue({ statutoryHolidays: false });
    expect(addBusinessMs(at('2026-09-30 17:00'), 2 * HOUR_MS, plain)).toBe(at('2026-10-01 10:00'));
    expect(addBusinessMs(at('2026-10-09 17:00'), 2 * HOUR_MS, plain)).toBe(at('2026-10-12 10:00'));
  });

  it("an admin's company day off and extra working day win", () => {
    const company = withValue({ daysOff: ['2026-12-07'], extraWorkingDays: ['2026-10-03'] });
    expect(addBusinessMs(at('2026-12-04 17:00'), 2 * HOUR_MS, company)).toBe(
      at('2026-12-08 10:00'),
    );
    // Oct 3 is a statutory holiday, but the company works it.
    expect(addBusinessMs(at('2026-09-30 17:00'), 2 * HOUR_MS, company)).toBe(
      at('2026-10-03 10:00'),
    );
  });

  it('another UTC offset reads the hours on its own clock', () => {
    const utc = withValue({ utcOffsetMinutes: 0, statutoryHolidays: false });
    expect(addBusinessMs(Date.parse('2026-12-07T08:00:00Z'), HOUR_MS, utc)).toBe(
      Date.parse('2026-12-07T10:00:00Z'),
    );
  });

  it('zero is the start itself; a calendar without hours never ends', () => {
    expect(addBusinessMs(at('2026-12-05 10:00'), 0, standard)).toBe(at('2026-12-05 10:00'));
    const never = withValue({ weekHours: [[], [], [], [], [], [], []], statutoryHolidays: false });
    expect(addBusinessMs(at('2026-12-07 10:00'), MIN, never)).toBe(Infinity);
    expect(businessMsBetween(at('2026-12-07 10:00'), at('2026-12-07 09:00'), standard)).toBe(0);
  });

  it('gives the follow-up rules a holiday-aware working-day calendar', () => {
    const days = workingDaysOf(standard);
    expect(days.isWorkingDay('2026-10-01')).toBe(false);
    expect(days.isWorkingDay('2026-10-10')).toBe(true);
    expect(days.isWorkingDay('2026-12-05')).toBe(false);
    // Two working days from Wednesday 2026-09-30 00:00: Sep 30, then Oct 8 (Oct 1–7 off).
    expect(addWorkingMs(at('2026-09-30 00:00'), 2 * DAY_MS, days)).toBe(at('2026-10-09 00:00'));
  });
});
