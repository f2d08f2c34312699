import { describe, expect, it } from 'vitest';
import { buildReminderNotification, REMINDER_BODY_SHOWN } from './notifications';

describe('buildReminderNotification', () => {
  it('shows the reminder and opens its record on click', () => {
    const notification = buildReminderNotification(
      { title: '回访：华东电力', body: '明天 10:00 现场拜访', route: '/accounts/acc-1' },
      'darwin',
    );
    expect(notification).toEqual({
      options: { title: '回访：华东电力', body: '明天 10:00 现场拜访', silent: false },
      route: '/accounts/acc-1',
    });
  });

  it('collapses whitespace and shortens long texts without splitting characters', () => {
    const body = `${'很长的备注'.repeat(100)}😀`;
    const { options } = buildReminderNotification(
      { title: ' Call\n back ', body, route: '/' },
      'win32',
    );
    expect(options.title).toBe('Call back');
    expect(Array.from(options.body ?? '')).toHaveLength(REMINDER_BODY_SHOWN);
    expect(options.body?.endsWith('…')).toBe(true);
  });

  it('adds platform hints', () => {
    const input = { title: 't', body: 'b', route: '/' };
    expect(buildReminderNotification(input, 'linux').options.urgency).toBe('normal');
    expect(buildReminderNotification(input, 'win32').options.timeoutType).toBe('default');
    expect(buildReminderNotification(input, 'darwin').options).not.toHaveProperty('urgency');
  });

  it('falls back to My Day for a route that is not an app route', () => {
    expect(
      buildReminderNotification({ title: 't', body: '', route: 'https://evil.example/' }, 'linux')
        .route,
    ).toBe('/');
  });
});
