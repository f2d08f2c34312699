import { describe, expect, it } from 'vitest';
import { completeFromServer } from './complete-from-server';

/** The fields leads gained with a default (issues 18, 19 and 20). */
const LEAD_DEFAULTS = {
  lastActivityAt: 0,
  campaignId: '',
  qualification: '',
  assignedAt: 0,
  captureSource: '',
  mergedIntoId: '',
  sizeBand: '',
};

describe('completeFromServer', () => {
  it('gives a record stored before issues 18 and 19 its defaults and derived values', () => {
    expect(
      completeFromServer('contacts', { id: 'c1', name: '王芳', birthday: '1990-04-08' }),
    ).toEqual({
      id: 'c1',
      name: '王芳',
      birthday: '1990-04-08',
      birthdayMonthDay: '04-08',
      mergedIntoId: '',
    });
    expect(completeFromServer('leads', { id: 'l1' })).toEqual({ id: 'l1', ...LEAD_DEFAULTS });
  });

  it('returns complete documents and tombstones as they came', () => {
    const lead = { id: 'l1', ...LEAD_DEFAULTS, lastActivityAt: 5 };
    expect(completeFromServer('leads', lead)).toBe(lead);
    const tombstone = { id: 'l2', _deleted: true };
    expect(completeFromServer('leads', tombstone)).toBe(tombstone);
  });
});
