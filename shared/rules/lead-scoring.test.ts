import { describe, expect, it } from 'vitest';
import { DEFAULT_LEAD_SCORING, leadScoringValueSchema, type LeadScoringValue } from '../domain';
import { buildActivity, buildLead } from '../../test/support/factories';
import {
  leadScoreChanges,
  qualificationOf,
  recentContactCount,
  scoreLead,
  type ScoringActivity,
} from './lead-scoring';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 11, 7, 4, 0, 0);

const bare = buildLead({
  source: 'website',
  company: '',
  mobile: '',
  email: '',
  title: '',
  industry: '',
  region: '',
});

describe('scoreLead with the default rules (hand-worked in defaults.ts)', () => {
  it('a website lead with only a name scores its source alone: 10, not qualified', () => {
    expect(scoreLead(bare, DEFAULT_LEAD_SCORING, { recentActivities: 0 })).toEqual({
      score: 10,
      qualification: '',
      parts: [{ kind: 'source', source: 'website', points: 10 }],
    });
  });

  it('a referral with company, mobile, title and a manufacturing industry: 25 + 5 + 10 + 5 + 5 + 10 = 60, MQL', () => {
    const lead = {
      ...bare,
      source: 'referral' as const,
      company: '苏州精工机械有限公司',
      mobile: '13800138000',
      title: '采购经理',
      industry: 'C34',
    };
    const result = scoreLead(lead, DEFAULT_LEAD_SCORING, { recentActivities: 0 });
    expect(result.score).toBe(60);
    expect(result.qualification).toBe('mql');
    expect(result.parts).toEqual([
      { kind: 'source', source: 'referral', points: 25 },
      { kind: 'completeness', field: 'company', points: 5 },
      { kind: 'completeness', field: 'mobile', points: 10 },
      { kind: 'completeness', field: 'title', points: 5 },
      { kind: 'completeness', field: 'industry', points: 5 },
      { kind: 'industry', section: 'C', points: 10 },
    ]);
    // Two calls in the window: + 2 × 10 = 80, past the SQL line (70).
    const engaged = scoreLead(lead, DEFAULT_LEAD_SCORING, { recentActivities: 2 });
    expect(engaged.score).toBe(80);
    expect(engaged.qualification).toBe('sql');
    expect(engaged.parts).toContainEqual({
      kind: 'engagement',
      activities: 2,
      days: 30,
      points: 20,
    });
  });

  it('caps engagement at its maximum (5 calls × 10 → 30) and the score at 100', () => {
    const engaged = scoreLead(bare, DEFAULT_LEAD_SCORING, { recentActivities: 5 });
    expect(engaged.score).toBe(40); // 10 + 30
    expect(engaged.qualification).toBe('mql'); // exactly the MQL line counts
    const generous: LeadScoringValue = {
      ...DEFAULT_LEAD_SCORING,
      sourcePoints: { website: 90 },
      engagement: { days: 30, pointsPerActivity: 50, maxPoints: 100 },
    };
    expect(scoreLead(bare, generous, { recentActivities: 1 }).score).toBe(100);
  });

  it('a company of 500–999 people adds its size points (10), after the industry; a small one adds none', () => {
    expect(
      scoreLead({ ...bare, sizeBand: '500-999' }, DEFAULT_LEAD_SCORING, { recentActivities: 0 }),
    ).toEqual({
      score: 20,
      qualification: '',
      parts: [
        { kind: 'source', source: 'website', points: 10 },
        { kind: 'size', sizeBand: '500-999', points: 10 },
      ],
    });
    expect(
      scoreLead({ ...bare, sizeBand: '1-19' }, DEFAULT_LEAD_SCORING, { recentActivities: 0 }).score,
    ).toBe(10);
    // A lead stored before the field existed has none: no size points, no error.
    const { sizeBand: _unused, ...old } = bare;
    expect(scoreLead(old, DEFAULT_LEAD_SCORING, { recentActivities: 0 }).score).toBe(10);
  });

  it('rules saved before size points existed read as no size points', () => {
    const { sizePoints: _unused, ...old } = DEFAULT_LEAD_SCORING;
    expect(leadScoringValueSchema.parse(old).sizePoints).toEqual({});
  });

  it('gives no points for blank (whitespace) fields, unlisted sources or industry sections', () => {
    const lead = { ...bare, company: '   ', source: 'import' as const, industry: 'A01' };
    const rules: LeadScoringValue = { ...DEFAULT_LEAD_SCORING, sourcePoints: {} };
    expect(scoreLead(lead, rules, { recentActivities: 0 })).toEqual({
      score: 5, // the industry field is filled (completeness), but section A is worth nothing
      qualification: '',
      parts: [{ kind: 'completeness', field: 'industry', points: 5 }],
    });
  });
});

describe('qualificationOf', () => {
  const rules = { mqlThreshold: 40, sqlThreshold: 70 };
  it('is "" below the MQL line, mql from it, sql from the SQL line', () => {
    expect(qualificationOf(39, rules)).toBe('');
    expect(qualificationOf(40, rules)).toBe('mql');
    expect(qualificationOf(69, rules)).toBe('mql');
    expect(qualificationOf(70, rules)).toBe('sql');
  });
});

describe('recentContactCount', () => {
  const on = (overrides: Partial<ScoringActivity>): ScoringActivity => ({
    ...buildActivity({ relatedType: 'lead', relatedId: 'l1', occurredAt: NOW }),
    deleted: false,
    ...overrides,
  });

  it('counts customer contact within the window, not comments, open tasks, deleted or older ones', () => {
    const activities = [
      on({ type: 'call', occurredAt: NOW - 1 * DAY }),
      on({ type: 'visit', occurredAt: NOW - 30 * DAY }), // the window's first moment still counts
      on({ type: 'call', occurredAt: NOW - 30 * DAY - 1 }), // one ms too old
      on({ type: 'comment', occurredAt: NOW }),
      on({ type: 'task', done: false, occurredAt: NOW }),
      on({ type: 'task', done: true, doneAt: NOW - DAY, occurredAt: NOW - 60 * DAY }),
      on({ type: 'call', deleted: true }),
    ];
    expect(recentContactCount(activities, 30, NOW)).toBe(3);
    expect(recentContactCount([], 30, NOW)).toBe(0);
  });
});

describe('leadScoreChanges', () => {
  it('writes score and qualification when the rules are on and they differ', () => {
    expect(
      leadScoreChanges({ ...bare, score: 0, qualification: '' }, DEFAULT_LEAD_SCORING, {
        recentActivities: 3,
      }),
    ).toEqual({ score: 40, qualification: 'mql' });
  });
  it('changes nothing when they already hold, or when scoring is off (a typed score stays)', () => {
    expect(
      leadScoreChanges({ ...bare, score: 10, qualification: '' }, DEFAULT_LEAD_SCORING, {
        recentActivities: 0,
      }),
    ).toBeNull();
    expect(
      leadScoreChanges(
        { ...bare, score: 55, qualification: '' },
        { ...DEFAULT_LEAD_SCORING, enabled: false },
        { recentActivities: 9 },
      ),
    ).toBeNull();
  });
});

describe('leadScoringValueSchema', () => {
  it('accepts the defaults and refuses an SQL line not above the MQL line, naming the field', () => {
    expect(leadScoringValueSchema.safeParse(DEFAULT_LEAD_SCORING).success).toBe(true);
    const result = leadScoringValueSchema.safeParse({
      ...DEFAULT_LEAD_SCORING,
      sqlThreshold: 40,
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({
      path: ['sqlThreshold'],
      message: 'validation.scoring.thresholdOrder',
    });
  });
  it('refuses points outside 0–100 and unknown sources', () => {
    expect(
      leadScoringValueSchema.safeParse({
        ...DEFAULT_LEAD_SCORING,
        completenessPoints: { ...DEFAULT_LEAD_SCORING.completenessPoints, mobile: 101 },
      }).error?.issues[0],
    ).toMatchObject({
      path: ['completenessPoints', 'mobile'],
      message: 'validation.scoring.points',
    });
    expect(
      leadScoringValueSchema.safeParse({ ...DEFAULT_LEAD_SCORING, sourcePoints: { fax: 5 } })
        .success,
    ).toBe(false);
  });
});
