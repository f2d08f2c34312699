import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { RejectReason, type SessionResponse, type WireDoc } from '../../shared/sync';
import type { Approval, ApprovalStep } from '../../shared/domain';
import { api, engineName, useTestServer } from './support/harness';
import { RawPusher } from './support/raw-sync';

/**
 * The approvals engine on the server (issue 20; sync/server/records/approvals.ts): the route is the server's,
 * only an approver of the current step decides, never the requester, and two approvers deciding at once end
 * with one decision — the other is refused naming who decided. Pushes go over bare sockets, so the server alone
 * decides.
 */
describe(`approvals on the server (${engineName})`, { timeout: 120_000 }, () => {
  const env = useTestServer({ collections: ['approvals'] });
  let rep: SessionResponse;
  let otherRep: SessionResponse;
  let managerA: SessionResponse;
  let managerB: SessionResponse;
  let southManager: SessionResponse;

  beforeAll(async () => {
    const east = await env.createTeam('华东销售');
    const south = await env.createTeam('华南销售');
    rep = await env.addUser('rep', east, 'rep-east');
    otherRep = await env.addUser('rep', east, 'rep-east-2');
    managerA = await env.addUser('manager', east, 'manager-a');
    managerB = await env.addUser('manager', east, 'manager-b');
    southManager = await env.addUser('manager', south, 'south-manager');
  });

  const pusher = async (session: SessionResponse) => {
    const client = await RawPusher.connect(env.server, session);
    env.onCleanup(() => client.close());
    return client;
  };
  const step = (patch: Partial<ApprovalStep> = {}): ApprovalStep => ({
    approverKind: 'members',
    role: '',
    memberIds: [],
    status: 'pending',
    decidedBy: '',
    decidedAt: 0,
    comment: '',
    ...patch,
  });
  /** A new expense request as the requester's laptop pushes it (with a route the server will replace). */
  const request = (by: SessionResponse, patch: Partial<Approval> = {}): WireDoc => {
    const now = Date.now();
    return {
      id: `ap-${randomUUID()}`,
      workspaceId: by.workspace.id,
      teamId: by.user.teamIds[0],
      ownerId: by.user.id,
      createdAt: now,
      updatedAt: now,
      createdBy: by.user.id,
      updatedBy: by.user.id,
      deleted: false,
      kind: 'expense',
      title: '客户拜访差旅',
      subjectType: '',
      subjectId: '',
      subjectKey: '',
      amount: 3200,
      requesterId: by.user.id,
      approverRole: 'manager',
      status: 'pending',
      decidedBy: '',
      decidedAt: 0,
      comment: '',
      requestNote: '上海两天',
      // Forged: the requester names themselves as the approver.
      steps: [step({ memberIds: [by.user.id] })],
      currentStep: 0,
      ...patch,
    };
  };
  const read = async (id: string): Promise<Approval> => {
    const res = await api<Approval>(
      env.server,
      'GET',
      `/api/records/approvals/${id}`,
      undefined,
      env.admin.accessToken,
    );
    expect(res.status).toBe(200);
    return res.body;
  };
  /** The decision an approver's laptop pushes: the shared rule's outcome on the state it last pulled. */
  const decisionRow = (
    stored: Approval,
    by: SessionResponse,
    status: 'approved' | 'rejected',
    comment: string,
  ) => {
    const now = Date.now();
    const next: Approval = {
      ...stored,
      status,
      decidedBy: by.user.id,
      decidedAt: now,
      comment,
      steps: stored.steps.map((s, i) =>
        i === stored.currentStep
          ? { ...s, status, decidedBy: by.user.id, decidedAt: now, comment }
          : s,
      ),
      updatedAt: now,
      updatedBy: by.user.id,
    };
    return {
      assumedMasterState: stored as unknown as WireDoc,
      newDocumentState: next as unknown as WireDoc,
    };
  };
  const created = async () => {
    const doc = request(rep);
    const reply = await (await pusher(rep)).push('approvals', [doc]);
    expect(reply.rejected).toEqual([]);
    return read(doc.id);
  };

  it("replaces a forged route with the rules' route: the requester's managers", async () => {
    const stored = await created();
    expect(stored.steps).toHaveLength(1);
    expect(stored.steps[0].approverKind).toBe('manager');
    expect([...stored.steps[0].memberIds].sort()).toEqual(
      [managerA.user.id, managerB.user.id].sort(),
    );
    expect(stored.steps[0].memberIds).not.toContain(rep.user.id);
  });

  it('routes a request made over REST (the README example)', async () => {
    const res = await api<Approval>(
      env.server,
      'POST',
      '/api/records/approvals',
      {
        kind: 'expense',
        title: '客户拜访差旅',
        amount: 3200,
        requestNote: '上海两天',
        subjectType: '',
        subjectId: '',
        requesterId: rep.user.id,
        approverRole: 'manager',
        status: 'pending',
        decidedBy: '',
        comment: '',
        teamId: rep.user.teamIds[0],
      },
      rep.accessToken,
    );
    expect(res.status).toBe(201);
    expect([...res.body.steps[0].memberIds].sort()).toEqual(
      [managerA.user.id, managerB.user.id].sort(),
    );
  });

  it('two approvers deciding at once end with one decision; the other is refused naming the decider', async () => {
    const stored = await created();
    const [a, b] = await Promise.all([pusher(managerA), pusher(managerB)]);
    const [replyA, replyB] = await Promise.all([
      a.pushRows('approvals', [decisionRow(stored, managerA, 'approved', '同意')]),
      b.pushRows('approvals', [decisionRow(stored, managerB, 'rejected', '预算不足')]),
    ]);
    const replies = [replyA, replyB];
    expect(replies.map((r) => r.rejected.length).sort()).toEqual([0, 1]);
    const winner = replyA.rejected.length === 0 ? managerA : managerB;
    const loserReply = replyA.rejected.length === 0 ? replyB : replyA;
    expect(loserReply.rejected).toHaveLength(1);
    expect(loserReply.rejected[0]).toMatchObject({
      reason: RejectReason.approvalDecided,
      params: { decider: winner.user.name },
    });
    // The loser's laptop is handed the stored decision to roll back to.
    expect(loserReply.conflicts[0]).toMatchObject({ decidedBy: winner.user.id });
    const final = await read(stored.id);
    expect(final.decidedBy).toBe(winner.user.id);
    expect(final.steps[0].decidedBy).toBe(winner.user.id);
    expect(final.status).toBe(winner === managerA ? 'approved' : 'rejected');
  });

  it('refuses a forged approval: created decided, decided by the requester, or by someone off the route', async () => {
    const forged = request(rep, {
      status: 'approved',
      decidedBy: managerA.user.id,
      steps: [step({ status: 'approved', decidedBy: managerA.user.id })],
    });
    const repClient = await pusher(rep);
    const reply = await repClient.push('approvals', [forged]);
    expect(reply.rejected[0]?.reason).toBe(RejectReason.approvalForged);

    // Someone else's request created in their name.
    const forOther = await repClient.push('approvals', [request(otherRep)]);
    expect(forOther.rejected[0]?.reason).toBe(RejectReason.approvalForged);

    const stored = await created();
    const own = await repClient.pushRows('approvals', [decisionRow(stored, rep, 'approved', '')]);
    expect(own.rejected[0]?.reason).toBe(RejectReason.approvalOwnRequest);

    const colleague = await (
      await pusher(otherRep)
    ).pushRows('approvals', [decisionRow(stored, otherRep, 'approved', '')]);
    expect(colleague.rejected[0]?.reason).toBe(RejectReason.approvalNotApprover);

    // A manager of another branch does not see the request at all, or may not decide it.
    const south = await (
      await pusher(southManager)
    ).pushRows('approvals', [decisionRow(stored, southManager, 'approved', '')]);
    expect(south.rejected).toHaveLength(1);

    // The approver may decide, but not change what was asked.
    const changed = decisionRow(stored, managerA, 'approved', '');
    (changed.newDocumentState as Record<string, unknown>).amount = 1;
    const tampered = await (await pusher(managerA)).pushRows('approvals', [changed]);
    expect(tampered.rejected[0]?.reason).toBe(RejectReason.approvalForged);

    expect((await read(stored.id)).status).toBe('pending');
  });
});
