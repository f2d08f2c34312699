import { describe, expect, it } from 'vitest';
import {
  csatAverage,
  csatScoresOf,
  csatSummary,
  mayRecordCsat,
  npsCategory,
  npsScore,
  npsScoresOf,
  npsSummary,
} from './satisfaction';

describe('npsCategory', () => {
  it('classifies each boundary', () => {
    expect(npsCategory(10)).toBe('promoter');
    expect(npsCategory(9)).toBe('promoter');
    expect(npsCategory(8)).toBe('passive');
    expect(npsCategory(7)).toBe('passive');
    expect(npsCategory(6)).toBe('detractor');
    expect(npsCategory(0)).toBe('detractor');
  });
});

describe('npsSummary', () => {
  it('is null with no answers', () => {
    expect(npsSummary([])).toEqual({
      responses: 0,
      promoters: 0,
      passives: 0,
      detractors: 0,
      score: null,
    });
  });
  it('is %promoters − %detractors, worked by hand', () => {
    // 10, 9, 9 promoters (3); 8 passive (1); 6, 2 detractors (2): 6 answers → 50 % − 33.3 % = 16.7 → 17.
    expect(npsSummary([10, 9, 9, 8, 6, 2])).toEqual({
      responses: 6,
      promoters: 3,
      passives: 1,
      detractors: 2,
      score: 17,
    });
    expect(npsScore([0, 0])).toBe(-100);
    expect(npsScore([9, 10])).toBe(100);
    expect(npsScore([7, 8])).toBe(0);
  });
  it('ignores answers outside 0–10', () => {
    expect(npsScore([11, -1, 5.5, 10])).toBe(100);
  });
  it('reads live nps activities only', () => {
    expect(
      npsScoresOf([
        { type: 'nps', npsScore: 9, deleted: false },
        { type: 'nps', npsScore: 3, deleted: true },
        { type: 'call', npsScore: 2, deleted: false },
        { type: 'nps', deleted: false },
      ]),
    ).toEqual([9]);
  });
});

describe('csatSummary', () => {
  it('averages to one decimal and counts the satisfied', () => {
    // 5 + 4 + 2 = 11 / 3 = 3.67 → 3.7; two of three are 4 or 5 → 67 %.
    expect(csatSummary([5, 4, 2])).toEqual({ responses: 3, average: 3.7, satisfiedPercent: 67 });
    expect(csatAverage([])).toBeNull();
    expect(csatAverage([0, 6, 3])).toBe(3);
  });
  it('reads live answered tickets only', () => {
    expect(
      csatScoresOf([
        { csat: 5, deleted: false },
        { csat: 1, deleted: true },
        { csat: undefined, deleted: false },
      ]),
    ).toEqual([5]);
  });
  it('is recorded on resolved or closed tickets only', () => {
    expect(mayRecordCsat({ status: 'resolved' })).toBe(true);
    expect(mayRecordCsat({ status: 'closed' })).toBe(true);
    expect(mayRecordCsat({ status: 'open' })).toBe(false);
  });
});
