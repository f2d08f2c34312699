import { describe, expect, it } from 'vitest';
import { DEFAULT_FOLLOW_UP_RULES, type FollowUpRulesValue } from '../domain';
import {
  buildActivity,
  buildContract,
  buildDeal,
  buildLead,
  withMeta,
} from '../../test/support/factories';
import {
  dealFollowUps,
  idleCutoff,
  leadFollowUps,
  paymentFollowUps,
  taskFollowUps,
  type FollowUpContext,
} from './follow-up';
import { isHiddenByMark } from './inbox-items';
import { buildTeamDirectory, type MemberLike } from './team-managers';
import { DAY_MS, HOUR_MS, weekdayCalendar } from './working-calendar';

// Beijing time (UTC+8). 2026-12-04 is a Friday.
const at = (local: string) => Date.parse(`${local}+08:00`);
const calendar = weekdayCalendar(480);

// company (manager boss) → north (manager mgr-n: rep-n); company → east (no manager: rep-e)
const members: MemberLike[] = [
  {
    id: 'company',
    kind: 'team',
    role: '',
    teamIds: [],
    parentTeamId: '',
    active: true,
    deleted: false,
  },
  {
    id: 'north',
    kind: 'team',
    role: '',
    teamIds: [],
    parentTeamId: 'company',
    active: true,
    deleted: false,
  },
  {
    id: 'east',
    kind: 'team',
    role: '',
    teamIds: [],
    parentTeamId: 'company',
    active: true,
    deleted: false,
  },
  {
    id: 'boss',
    kind: 'user',
    role: 'manager',
    teamIds: ['company'],
    parentTeamId: 'company',
    active: true,
    deleted: false,
  },
  {
    id: 'mgr-n',
    kind: 'user',
    role: 'manager',
    teamIds: ['north'],
    parentTeamId: 'north',
    active: true,
    deleted: false,
  },
  {
    id: 'rep-n',
    kind: 'user',
    role: 'rep',
    teamIds: ['north'],
    parentTeamId: 'north',
    active: true,
    deleted: false,
  },
  {
    id: 'rep-e',
    kind: 'user',
    role: 'rep',
    teamIds: ['east'],
    parentTeamId: 'east',
    active: true,
    deleted: false,
  },
];
const team = buildTeamDirectory(members);

function ctx(now: number, rules: FollowUpRulesValue = DEFAULT_FOLLOW_UP_RULES): FollowUpContext {
  return { now, rules, calendar, team };
}

const CREATED = at('2026-12-04T18:00:00'); // Friday evening
function lead(overrides: Record<string, unknown> = {}) {
  return {
    ...withMeta(buildLead({ name: '杭州线索' }), {
      id: 'lead-1',
      workspaceId: 'w',
      by: 'rep-n',
      at: CREATED,
    }),
    lastActivityAt: 0,
    ...overrides,
  };
}

describe('leadFollowUps: a new lead idle 48 working hours reminds its owner, 24 more escalate', () => {
  it('does not count the weekend: Friday 18:00 + 48 h is due Tuesday 18:00, not Sunday', () => {
    // Friday 6 h + Monday 24 h + Tuesday 18 h = 48 working hours.
    expect(leadFollowUps(lead(), ctx(at('2026-12-06T18:00:00'))).items).toEqual([]);
    expect(leadFollowUps(lead(), ctx(at('2026-12-08T17:59:59'))).items).toEqual([]);
    const due = leadFollowUps(lead(), ctx(at('2026-12-08T18:00:00')));
    expect(due.items).toEqual([
      {
        key: `leadNoActivity:leads:lead-1:${CREATED}`,
        kind: 'reminder',
        rule: 'leadNoActivity',
        recipientId: 'rep-n',
        recordCollection: 'leads',
        recordId: 'lead-1',
        recordTitle: '杭州线索',
        dueAt: at('2026-12-08T18:00:00'),
        params: { hours: '48', since: String(CREATED) },
      },
    ]);
    // The next change by the clock alone: the escalation, 24 working hours later.
    expect(due.nextAt).toBe(at('2026-12-09T18:00:00'));
  });

  it('counts every day when working days are switched off', () => {
    const rules = { ...DEFAULT_FOLLOW_UP_RULES, workingDaysOnly: false };
    const items = leadFollowUps(lead(), ctx(at('2026-12-06T18:00:00'), rules)).items;
    expect(items.map((i) => i.kind)).toEqual(['reminder']);
  });

  it('escalates to the managers of the owner team, and the same lapse keeps the same key', () => {
    const first = leadFollowUps(lead(), ctx(at('2026-12-09T18:00:00'))).items;
    const escalation = first.find((i) => i.kind === 'escalation');
    expect(escalation).toMatchObject({
      key: `leadNoActivityEscalation:leads:lead-1:${CREATED}`,
      recipientId: 'mgr-n',
      dueAt: at('2026-12-09T18:00:00'),
      params: { ownerId: 'rep-n' },
    });
    // A week later the same lapse yields the same items: a dismissed escalation is not raised again.
    const later = leadFollowUps(lead(), ctx(at('2026-12-16T09:00:00'))).items;
    expect(later.map((i) => i.key)).toEqual(first.map((i) => i.key));
    expect(isHiddenByMark({ state: 'dismissed', snoozedUntil: 0 }, at('2026-12-16T09:00:00'))).toBe(
      true,
    );
  });

  it('walks up the team tree when the owner team has no manager', () => {
    const items = leadFollowUps(lead({ ownerId: 'rep-e' }), ctx(at('2026-12-09T18:00:00'))).items;
    expect(items.filter((i) => i.kind === 'escalation').map((i) => i.recipientId)).toEqual([
      'boss',
    ]);
  });

  it('a snoozed reminder comes back when the snooze ends', () => {
    const now = at('2026-12-08T18:00:00');
    const [reminder] = leadFollowUps(lead(), ctx(now)).items;
    const mark = { state: 'snoozed' as const, snoozedUntil: now + HOUR_MS };
    expect(isHiddenByMark(mark, now + 30 * 60_000)).toBe(true);
    // Recomputed after the snooze: the same key, no longer hidden.
    const [again] = leadFollowUps(lead(), ctx(now + 2 * HOUR_MS)).items;
    expect(again.key).toBe(reminder.key);
    expect(isHiddenByMark(mark, now + 2 * HOUR_MS)).toBe(false);
  });

  it('a new activity ends the lapse; a later lapse is a new key', () => {
    const activity = at('2026-12-08T10:00:00'); // Tuesday morning
    expect(
      leadFollowUps(lead({ lastActivityAt: activity }), ctx(at('2026-12-08T18:00:00'))).items,
    ).toEqual([]);
    // Tuesday 10:00 + 48 h = Thursday 10:00.
    const items = leadFollowUps(
      lead({ lastActivityAt: activity }),
      ctx(at('2026-12-10T10:00:00')),
    ).items;
    expect(items.map((i) => i.key)).toEqual([`leadNoActivity:leads:lead-1:${activity}`]);
  });

  it('a reassigned lead reminds its new owner; escalation follows the new owner', () => {
    const items = leadFollowUps(lead({ ownerId: 'rep-e' }), ctx(at('2026-12-09T18:00:00'))).items;
    expect(items.map((i) => [i.kind, i.recipientId])).toEqual([
      ['reminder', 'rep-e'],
      ['escalation', 'boss'],
    ]);
  });

  it('a deleted, qualified, unowned lead or a switched-off rule raises nothing', () => {
    const now = at('2026-12-20T18:00:00');
    expect(leadFollowUps(lead({ deleted: true }), ctx(now)).items).toEqual([]);
    expect(leadFollowUps(lead({ status: 'qualified' }), ctx(now)).items).toEqual([]);
    expect(leadFollowUps(lead({ ownerId: '' }), ctx(now)).items).toEqual([]);
    const off = {
      ...DEFAULT_FOLLOW_UP_RULES,
      leadNoActivity: { ...DEFAULT_FOLLOW_UP_RULES.leadNoActivity, enabled: false },
    };
    expect(leadFollowUps(lead(), ctx(now, off)).items).toEqual([]);
  });

  it('the query cutoff is the last idle start that is already due', () => {
    // Due on Tuesday 18:00 means idle since Friday 18:00 at the latest.
    expect(idleCutoff(ctx(at('2026-12-08T18:00:00')), 48 * HOUR_MS)).toBe(CREATED);
    // On Sunday noon: the weekend does not count, Friday and Thursday do: Thursday 00:00.
    expect(idleCutoff(ctx(at('2026-12-06T12:00:00')), 48 * HOUR_MS)).toBe(
      at('2026-12-03T00:00:00'),
    );
  });
});

describe('dealFollowUps: an open deal idle N working days (per stage) reminds, M more escalate', () => {
  const since = at('2026-11-02T09:00:00'); // Monday
  function deal(overrides: Record<string, unknown> = {}) {
    return {
      ...withMeta(buildDeal({ name: '大单' }), {
        id: 'deal-1',
        workspaceId: 'w',
        by: 'rep-n',
        at: since - DAY_MS * 30,
      }),
      lastActivityAt: since,
      ...overrides,
    };
  }

  it('14 working days = two calendar weeks plus the weekends skipped: due Monday 11-20 09:00 → Friday', () => {
    // 14 weekdays from Monday 09:00: Mon 11-02 … Fri 11-20 09:00.
    expect(dealFollowUps(deal(), ctx(at('2026-11-20T08:59:00'))).items).toEqual([]);
    const due = dealFollowUps(deal(), ctx(at('2026-11-20T09:00:00')));
    expect(due.items.map((i) => [i.kind, i.recipientId, i.params.days])).toEqual([
      ['reminder', 'rep-n', '14'],
    ]);
    // 7 more working days: Tuesday 12-01 09:00.
    expect(due.nextAt).toBe(at('2026-12-01T09:00:00'));
    const escalated = dealFollowUps(deal(), ctx(at('2026-12-01T09:00:00'))).items;
    expect(escalated.map((i) => [i.kind, i.recipientId])).toEqual([
      ['reminder', 'rep-n'],
      ['escalation', 'mgr-n'],
    ]);
  });

  it('a stage override wins over the default', () => {
    const rules = {
      ...DEFAULT_FOLLOW_UP_RULES,
      dealNoActivity: {
        ...DEFAULT_FOLLOW_UP_RULES.dealNoActivity,
        stages: [{ stageId: 'negotiation', remindAfterDays: 3, escalateAfterDays: 2 }],
      },
    };
    const now = at('2026-11-05T09:00:00'); // Thursday: 3 working days after Monday
    expect(dealFollowUps(deal({ stage: 'negotiation' }), ctx(now, rules)).items).toHaveLength(1);
    expect(dealFollowUps(deal({ stage: 'qualify' }), ctx(now, rules)).items).toEqual([]);
  });

  it('won, lost and deleted deals raise nothing', () => {
    const now = at('2026-12-30T09:00:00');
    expect(dealFollowUps(deal({ status: 'won' }), ctx(now)).items).toEqual([]);
    expect(dealFollowUps(deal({ deleted: true }), ctx(now)).items).toEqual([]);
  });
});

describe('taskFollowUps: an overdue task reminds its owner', () => {
  const task = (overrides: Record<string, unknown> = {}) => ({
    ...withMeta(
      buildActivity({
        type: 'task',
        subject: '回访',
        dueDate: '2026-12-07',
        relatedType: 'deal',
        relatedId: 'deal-1',
      }),
      {
        id: 'task-1',
        workspaceId: 'w',
        by: 'rep-n',
      },
    ),
    ...overrides,
  });

  it('is not overdue on its due day, is from the next local midnight', () => {
    const onDay = taskFollowUps(task(), ctx(at('2026-12-07T23:59:00')));
    expect(onDay.items).toEqual([]);
    expect(onDay.nextAt).toBe(at('2026-12-08T00:00:00'));
    const [item] = taskFollowUps(task(), ctx(at('2026-12-09T08:00:00'))).items;
    expect(item).toMatchObject({
      key: 'taskOverdue:activities:task-1:2026-12-07',
      recipientId: 'rep-n',
      dueAt: at('2026-12-08T00:00:00'),
      params: { dueDate: '2026-12-07', days: '2', relatedType: 'deal', relatedId: 'deal-1' },
    });
  });

  it('done tasks, logged calls and deleted tasks raise nothing; a moved due date is a new key', () => {
    const now = at('2026-12-20T08:00:00');
    expect(taskFollowUps(task({ done: true }), ctx(now)).items).toEqual([]);
    expect(taskFollowUps(task({ type: 'call' }), ctx(now)).items).toEqual([]);
    expect(taskFollowUps(task({ deleted: true }), ctx(now)).items).toEqual([]);
    expect(taskFollowUps(task({ dueDate: '2026-12-10' }), ctx(now)).items[0].key).toBe(
      'taskOverdue:activities:task-1:2026-12-10',
    );
  });
});

describe('paymentFollowUps: an overdue instalment reminds the contract owner, escalates after 7 days', () => {
  const contract = (overrides: Record<string, unknown> = {}) => ({
    ...withMeta(
      buildContract({
        status: 'active',
        title: '年度服务',
        number: 'C-1',
        amount: 300_000,
        paymentPlan: [
          { id: 'p1', dueDate: '2026-11-30', amount: 100_000, note: '' },
          { id: 'p2', dueDate: '2027-02-28', amount: 200_000, note: '' },
        ],
        payments: [
          {
            id: 'r1',
            date: '2026-11-10',
            amount: 40_000,
            method: 'bankTransfer',
            planItemId: 'p1',
            note: '',
          },
        ],
      }),
      { id: 'con-1', workspaceId: 'w', by: 'rep-n' },
    ),
    collectionDueDate: '2026-11-30',
    ...overrides,
  });

  it('reminds from the day after the due date with the amount still open', () => {
    expect(paymentFollowUps(contract(), ctx(at('2026-11-30T20:00:00'))).items).toEqual([]);
    const result = paymentFollowUps(contract(), ctx(at('2026-12-03T09:00:00')));
    expect(result.items).toEqual([
      expect.objectContaining({
        key: 'paymentOverdue:contracts:con-1:2026-11-30',
        recipientId: 'rep-n',
        params: { dueDate: '2026-11-30', days: '3', amount: '60000', number: 'C-1' },
      }),
    ]);
    // Overdue since 12-01; 7 days later, 12-08 00:00, it escalates.
    expect(result.nextAt).toBe(at('2026-12-08T00:00:00'));
    const escalated = paymentFollowUps(contract(), ctx(at('2026-12-08T00:00:00'))).items;
    expect(escalated.map((i) => [i.key, i.recipientId])).toEqual([
      ['paymentOverdue:contracts:con-1:2026-11-30', 'rep-n'],
      ['paymentOverdueEscalation:contracts:con-1:2026-11-30', 'mgr-n'],
    ]);
  });

  it('draft, terminated and deleted contracts and contracts with nothing due raise nothing', () => {
    const now = at('2026-12-20T09:00:00');
    expect(paymentFollowUps(contract({ status: 'draft' }), ctx(now)).items).toEqual([]);
    expect(paymentFollowUps(contract({ status: 'terminated' }), ctx(now)).items).toEqual([]);
    expect(paymentFollowUps(contract({ deleted: true }), ctx(now)).items).toEqual([]);
    expect(paymentFollowUps(contract({ collectionDueDate: '' }), ctx(now)).items).toEqual([]);
  });
});
