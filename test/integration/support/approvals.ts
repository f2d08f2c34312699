import { expect } from 'vitest';
import type { Approval } from '../../../shared/domain';
import { decide } from '../../../shared/rules/approval-routing';
import { api } from './api';

/**
 * An approver decides an approval over REST as their app would: the shared rule's outcome (`decide`) on the stored
 * state, so the server's route check (records/approvals.ts) accepts it. Returns the response's status.
 */
export async function decideApproval(
  server: { url: string },
  approvalId: string,
  approver: { accessToken: string; user: { id: string } },
  decision: 'approved' | 'rejected',
): Promise<number> {
  const stored = await api<Approval>(
    server,
    'GET',
    `/api/records/approvals/${approvalId}`,
    undefined,
    approver.accessToken,
  );
  expect(stored.status).toBe(200);
  const outcome = decide(stored.body, decision, approver.user.id, '', Date.now());
  if (!outcome.ok) throw new Error(`cannot decide: ${JSON.stringify(outcome.refusal)}`);
  const res = await api(
    server,
    'PATCH',
    `/api/records/approvals/${approvalId}`,
    outcome.changes,
    approver.accessToken,
  );
  return res.status;
}
