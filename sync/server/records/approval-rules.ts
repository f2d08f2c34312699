import {
  APPROVAL_RULES_KEY,
  approvalRulesValueSchema,
  DEFAULT_APPROVAL_RULES,
  type ApprovalRulesValue,
} from '@shared/domain';
import type { SqlTx } from '../db/sql';

/**
 * The workspace's approval rules as the server judges pushes by them (approvals, quotes, contracts; issue 20): the
 * newest live `approvalRules` record, else the defaults — what the app's SettingRepository.approvalRules reads.
 */
export async function loadApprovalRules(
  tx: SqlTx,
  workspaceId: string,
): Promise<ApprovalRulesValue> {
  const rows = await tx.query<{ data: { value?: unknown } }>(
    `SELECT data FROM records WHERE workspace_id = $1 AND collection = 'settings' AND data->>'kind' = 'approvalRules' AND data->>'key' = $2 AND deleted = false ORDER BY seq DESC LIMIT 1`,
    [workspaceId, APPROVAL_RULES_KEY],
  );
  const parsed = approvalRulesValueSchema.safeParse(rows[0]?.data.value);
  return parsed.success ? parsed.data : DEFAULT_APPROVAL_RULES;
}
