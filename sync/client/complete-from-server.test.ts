import { describe, expect, it } from 'vitest';
import { completeFromServer } from './complete-from-server';

describe('completeFromServer', () => {
  it('gives a record stored before issue 18 its defaults and derived values', () => {
    expect(
      completeFromServer('contacts', { id: 'c1', name: '王芳', birthday: '1990-04-08' }),
    ).toEqual({ id: 'c1', name: '王芳', birthday: '1990-04-08', birthdayMonthDay: '04-08' });
    expect(completeFromServer('leads', { id: 'l1' })).toEqual({ id: 'l1', lastActivityAt: 0 });
  });

  it('returns complete documents and tombstones as they came', () => {
    const lead = { id: 'l1', lastActivityAt: 5 };
    expect(completeFromServer('leads', lead)).toBe(lead);
    const tombstone = { id: 'l2', _deleted: true };
    expect(completeFromServer('leads', tombstone)).toBe(tombstone);
  });
});
