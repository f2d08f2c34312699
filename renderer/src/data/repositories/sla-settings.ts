import {
  DEFAULT_WORKING_CALENDAR,
  slaPolicyValueSchema,
  workingCalendarValueSchema,
  type Setting,
  type WorkingCalendarValue,
} from '@shared/domain';
import { businessCalendar, type BusinessCalendar, type SlaPolicyEntry } from '@shared/rules';
import type { CrmDatabase } from '../database';

/**
 * The SLA's settings in the replica (issue 21): the working calendar and the stored policies, read by the ticket
 * repository (the customer-wait pause), the SLA timers and the inbox. A replica without settings (a test laptop
 * syncing a few collections) gets the defaults.
 */
type PartialReplica = Partial<Pick<CrmDatabase, 'settings'>>;

async function settingsOf(db: CrmDatabase, kind: Setting['kind']): Promise<Setting[]> {
  if (!(db as PartialReplica).settings) return [];
  const docs = await db.settings.find({ selector: { kind, deleted: false } }).exec();
  return docs.map((doc) => doc.toJSON() as Setting);
}

/** The workspace's working calendar (the newest record), the default until an admin saves one. */
export async function workingCalendarValue(db: CrmDatabase): Promise<WorkingCalendarValue> {
  const newest = (await settingsOf(db, 'workingCalendar')).sort(
    (a, b) => b.updatedAt - a.updatedAt,
  )[0];
  const parsed = newest ? workingCalendarValueSchema.safeParse(newest.value) : null;
  return parsed?.success ? parsed.data : DEFAULT_WORKING_CALENDAR;
}

/** One calendar object per setting value: the business-hour walks remember each calendar's days. */
const calendars = new Map<string, BusinessCalendar>();

/** The business calendar of a calendar value (the same object for the same value). */
export function calendarOf(value: WorkingCalendarValue): BusinessCalendar {
  const key = JSON.stringify(value);
  let calendar = calendars.get(key);
  if (!calendar) {
    if (calendars.size > 20) calendars.clear();
    calendars.set(key, (calendar = businessCalendar(value)));
  }
  return calendar;
}

/** The stored SLA policies (key = the policy's id); records that no longer parse are left out. */
export async function storedSlaPolicies(db: CrmDatabase): Promise<SlaPolicyEntry[]> {
  const out: SlaPolicyEntry[] = [];
  for (const row of await settingsOf(db, 'slaPolicy')) {
    const parsed = slaPolicyValueSchema.safeParse(row.value);
    if (parsed.success) out.push({ key: row.key, value: parsed.data });
  }
  return out.sort((a, b) => a.key.localeCompare(b.key));
}
