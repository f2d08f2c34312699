import { describe, expect, expectTypeOf, it } from 'vitest';
import { COLLECTION_NAMES } from './entities';
import { withFieldDefaults, type DefaultedField } from './field-defaults';

describe('withFieldDefaults', () => {
  it('fills the fields issues 18, 19 and 20 added into a record written before them, keeping present ones', () => {
    const old = { id: 'lead-1', name: '王芳' };
    expect(withFieldDefaults('leads', old)).toEqual({
      id: 'lead-1',
      name: '王芳',
      lastActivityAt: 0,
      campaignId: '',
      qualification: '',
      assignedAt: 0,
      captureSource: '',
      mergedIntoId: '',
      sizeBand: '',
    });
    expect(withFieldDefaults('accounts', { id: 'a', customerSince: '2020-01-02' })).toEqual({
      id: 'a',
      customerSince: '2020-01-02',
      anniversaryMonthDay: '',
      lastActivityAt: 0,
      mergedIntoId: '',
    });
    const complete = {
      id: 'lead-2',
      lastActivityAt: 5,
      campaignId: 'c',
      qualification: 'mql',
      assignedAt: 1,
      captureSource: 's',
      mergedIntoId: '',
      sizeBand: '',
    };
    expect(withFieldDefaults('leads', complete)).toBe(complete);
  });

  it('knows exactly the defaulted fields DefaultedField names', () => {
    const filled = new Set<string>();
    for (const name of COLLECTION_NAMES)
      for (const key of Object.keys(withFieldDefaults(name, {}))) filled.add(key);
    const expected: DefaultedField[] = [
      'lastActivityAt',
      'customerSince',
      'anniversaryMonthDay',
      'birthdayMonthDay',
      'collectionDueDate',
      'mergedIntoId',
      'campaignId',
      'qualification',
      'assignedAt',
      'captureSource',
      'forecastCategory',
      'quotes',
      'quoteId',
      'subjectKey',
      'steps',
      'currentStep',
      'requestNote',
      'csatComment',
      'csatAt',
      'product',
      'language',
      'routedAt',
      'slaPausedMs',
      'slaWaitingSince',
      'slaWarnedAt',
      'slaBreachedAt',
      'sizeBand',
    ];
    expect([...filled].sort()).toEqual([...expected].sort());
    expectTypeOf<DefaultedField>().toEqualTypeOf<(typeof expected)[number]>();
  });
});
