import { describe, expect, it } from 'vitest';
import { STATUTORY_LAST_YEAR, statutoryDayKind, statutoryDayName } from './statutory-days';

// Fails loudly when a `chinese-days` upgrade changes its data format or the 2026 calendar.
describe('statutory days (chinese-days adapter)', () => {
  it('knows 2026 国庆 and its make-up working days', () => {
    expect(statutoryDayKind('2026-10-01')).toBe('holiday');
    expect(statutoryDayKind('2026-10-07')).toBe('holiday');
    expect(statutoryDayKind('2026-10-08')).toBeNull();
    expect(statutoryDayKind('2026-09-20')).toBe('makeUp'); // a Sunday worked
    expect(statutoryDayKind('2026-10-10')).toBe('makeUp'); // a Saturday worked
    expect(statutoryDayName('2026-10-01')).toContain('国庆');
  });

  it('an ordinary weekend is not statutory', () => {
    expect(statutoryDayKind('2026-12-05')).toBeNull();
    expect(statutoryDayName('2026-12-05')).toBe('');
  });

  it('covers at least 2026', () => {
    expect(STATUTORY_LAST_YEAR).toBeGreaterThanOrEqual(2026);
  });
});
