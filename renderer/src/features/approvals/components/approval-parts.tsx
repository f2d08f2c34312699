import { Badge } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Approval, ApprovalStep, Member } from '@shared/domain';
import { formatList } from '../../../components/format';

const STATUS_COLOR = { pending: 'yellow', approved: 'green', rejected: 'red' } as const;

export function ApprovalStatusBadge({ status }: { status: Approval['status'] }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLOR[status]} variant="light" data-testid="approval-status">
      {t(`lists.approvalStatus.${status}`)}
    </Badge>
  );
}

/** Who decides a step: its named people (the resolved managers too), else its role. */
export function stepApprovers(
  t: TFunction,
  language: string,
  step: ApprovalStep,
  users: ReadonlyMap<string, Member>,
): string {
  if (step.memberIds.length > 0)
    return formatList(
      step.memberIds.map((id) => users.get(id)?.name ?? id),
      language,
    );
  return step.role
    ? t(`lists.memberRole.${step.role}`)
    : t(`approvals.approver.${step.approverKind}`);
}
