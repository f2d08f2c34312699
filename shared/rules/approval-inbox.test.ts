import { describe, expect, it } from 'vitest';
import type { Approval } from '../domain/entities';
import { approvalDecidedItem, approvalInboxItem, approvalWaitsOn } from './approval-inbox';

// company → east → shanghai; company → south
const teams = [
  { id: 'company', parentTeamId: '' },
  { id: 'east', parentTeamId: 'company' },
  { id: 'shanghai', parentTeamId: 'east' },
  { id: 'south', parentTeamId: 'company' },
];
const member = (id: string, role: 'rep' | 'manager' | 'admin', teamId: string) => ({
  id,
  role,
  teamId,
  teamIds: [teamId],
});
const approval = (patch: Partial<Approval> = {}) => ({
  status: 'pending' as const,
  deleted: false,
  approverRole: 'manager' as const,
  requesterId: 'rep-sh',
  ...patch,
});
const repShanghai = member('rep-sh', 'rep', 'shanghai');

describe('approvalWaitsOn', () => {
  it("waits on the manager of the requester's team or a team above it", () => {
    expect(
      approvalWaitsOn(approval(), member('m-east', 'manager', 'east'), repShanghai, teams),
    ).toBe(true);
    expect(
      approvalWaitsOn(approval(), member('m-sh', 'manager', 'shanghai'), repShanghai, teams),
    ).toBe(true);
  });

  it('not on a manager of another branch, a rep, or when the requester is unknown', () => {
    expect(
      approvalWaitsOn(approval(), member('m-south', 'manager', 'south'), repShanghai, teams),
    ).toBe(false);
    expect(
      approvalWaitsOn(approval(), member('rep-2', 'rep', 'shanghai'), repShanghai, teams),
    ).toBe(false);
    expect(approvalWaitsOn(approval(), member('m-east', 'manager', 'east'), null, teams)).toBe(
      false,
    );
  });

  it('admin approvals wait on every admin; decided, deleted and own requests on nobody', () => {
    const admin = member('a', 'admin', 'company');
    expect(approvalWaitsOn(approval({ approverRole: 'admin' }), admin, null, teams)).toBe(true);
    const east = member('m-east', 'manager', 'east');
    expect(approvalWaitsOn(approval({ status: 'approved' }), east, repShanghai, teams)).toBe(false);
    expect(approvalWaitsOn(approval({ deleted: true }), east, repShanghai, teams)).toBe(false);
    expect(approvalWaitsOn(approval({ requesterId: 'm-east' }), east, east, teams)).toBe(false);
  });
});

describe('approvalInboxItem', () => {
  it('is keyed by the request, due when it was made', () => {
    const item = approvalInboxItem(
      {
        id: 'apr-1',
        kind: 'discount',
        title: '折扣审批：上海云杉',
        amount: 120000,
        requesterId: 'rep-sh',
        createdAt: 1_700_000_000_000,
        subjectType: 'deal',
        subjectId: 'deal-1',
      },
      'm-east',
      '王芳',
    );
    expect(item).toMatchObject({
      key: 'approvalPending:approvals:apr-1:1700000000000',
      kind: 'approval',
      recipientId: 'm-east',
      dueAt: 1_700_000_000_000,
      params: { requester: '王芳', amount: '120000', subjectType: 'deal', subjectId: 'deal-1' },
    });
  });
});

describe('routed approvals (issue 20)', () => {
  const step = (patch: Record<string, unknown>) => ({
    approverKind: 'members' as const,
    role: '' as const,
    memberIds: [] as string[],
    status: 'pending' as const,
    decidedBy: '',
    decidedAt: 0,
    comment: '',
    ...patch,
  });
  it('wait on the current step: its named people, or its role', () => {
    const named = approval({ steps: [step({ memberIds: ['fin'] })], currentStep: 0 });
    expect(approvalWaitsOn(named, member('fin', 'rep', 'company'), repShanghai, teams)).toBe(true);
    expect(approvalWaitsOn(named, member('m-east', 'manager', 'east'), repShanghai, teams)).toBe(
      false,
    );
    const second = approval({
      steps: [
        step({ status: 'approved', memberIds: ['m-sh'] }),
        step({ role: 'admin', approverKind: 'role' }),
      ],
      currentStep: 1,
    });
    expect(approvalWaitsOn(second, member('a', 'admin', 'company'), repShanghai, teams)).toBe(true);
    expect(approvalWaitsOn(second, member('m-sh', 'manager', 'shanghai'), repShanghai, teams)).toBe(
      false,
    );
  });

  it('a decided request is an item for its requester, naming the decider', () => {
    const item = approvalDecidedItem(
      {
        id: 'ap1',
        kind: 'expense',
        title: 'Taxi',
        amount: 120,
        requesterId: 'rep-sh',
        status: 'approved',
        decidedBy: 'm-sh',
        decidedAt: 5000,
        comment: 'ok',
      },
      'Manager Shen',
    );
    expect(item).toMatchObject({
      key: 'approvalDecided:approvals:ap1:5000',
      rule: 'approvalApproved',
      recipientId: 'rep-sh',
      params: { decider: 'Manager Shen', comment: 'ok' },
    });
    expect(
      approvalDecidedItem(
        {
          id: 'ap1',
          kind: 'expense',
          title: 'Taxi',
          amount: 1,
          requesterId: 'rep-sh',
          status: 'pending',
          decidedBy: '',
          decidedAt: 0,
          comment: '',
        },
        '',
      ),
    ).toBeNull();
  });
});
