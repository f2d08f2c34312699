import { DEFAULT_WORKING_CALENDAR, WORKING_CALENDAR_KEY } from '../../../shared/domain';
import {
  buildAccount as buildAccountFields,
  buildContact as buildContactFields,
  validCreditCode,
  unique,
  type AccountFields,
  type ContactFields,
} from '../../support/factories';

// Journeys use the shared factories (test/support/factories.ts); the defaults here are what a person types.
export { invalidCreditCode, uniqueEmail, validCreditCode } from '../../support/factories';
export type { AccountFields } from '../../support/factories';

/** An account with a company-like name and a valid credit code (the form checks it). */
export function buildAccount(overrides: Partial<AccountFields> = {}): AccountFields {
  const n = unique();
  return buildAccountFields({
    name: `上海云杉信息技术${n}有限公司`,
    creditCode: validCreditCode(n),
    ...overrides,
  });
}

/** What the contact form asks for; `role` is the decision role's label as the picker shows it. */
export type ContactData = Pick<ContactFields, 'name' | 'title' | 'mobile'> & { role?: string };

export function buildContact(overrides: Partial<ContactData> = {}): ContactData {
  const { name, title, mobile } = buildContactFields();
  return { name, title, mobile, ...overrides };
}

/**
 * The workspace's working calendar as a settings record where every hour of every day is business time and no
 * holiday applies: the server's SLA sweep runs on real time, so a one-minute target breaches within a journey.
 */
export function allHoursCalendarSetting(workspaceId: string) {
  return {
    id: `${workspaceId}:${WORKING_CALENDAR_KEY}`,
    teamId: '',
    kind: 'workingCalendar',
    key: WORKING_CALENDAR_KEY,
    value: {
      ...DEFAULT_WORKING_CALENDAR,
      weekHours: Array.from({ length: 7 }, () => [{ start: '00:00', end: '24:00' }]),
      statutoryHolidays: false,
    },
  };
}
