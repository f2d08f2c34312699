import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_LEAD_ASSIGNMENT, type LeadAssignmentValue } from '@shared/domain';
import { openTestReplica, type TestReplica } from '../test-replica';

let replica: TestReplica;
afterEach(async () => {
  await replica?.db.close();
});

const rules: LeadAssignmentValue = {
  enabled: true,
  rules: [
    {
      id: 'rule-1',
      name: '华北轮流',
      regions: ['beijing'],
      industries: ['I'],
      target: { kind: 'team', teamId: 't1' },
    },
  ],
  capacity: 20,
  fallbackOwnerId: 'u1',
};

describe('the lead-assignment setting (issue 19)', () => {
  it('is off by default, and saves into the workspace’s one record (fixed id)', async () => {
    replica = await openTestReplica();
    const { settings } = replica.repos;
    expect(await settings.leadAssignment()).toEqual(DEFAULT_LEAD_ASSIGNMENT);
    await settings.saveLeadAssignment(rules);
    await settings.saveLeadAssignment({ ...rules, capacity: 30 });
    expect(await settings.leadAssignment()).toEqual({ ...rules, capacity: 30 });
    const stored = await settings.find({ selector: { kind: 'leadAssignment' }, limit: 10 });
    expect(stored.map((s) => s.id)).toEqual(['w1:leadAssignment']);
  });

  it('refuses rules the server would refuse, naming the field', async () => {
    replica = await openTestReplica();
    const twice = { ...rules, rules: [rules.rules[0], rules.rules[0]], capacity: -1 };
    await expect(replica.repos.settings.saveLeadAssignment(twice)).rejects.toThrow(
      /validation\.leadAssignment\.(ruleTwice|capacity)/,
    );
  });
});
