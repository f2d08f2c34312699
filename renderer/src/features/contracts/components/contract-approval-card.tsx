import { Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconSend } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Contract } from '@shared/domain';
import {
  contractNeedsApproval,
  hasContractApproval,
  pendingContractApproval,
} from '@shared/rules/contract-approval';
import { formatMoney } from '../../../components/format';
import { reportWriteError } from '../../../components/write-errors';
import { useWriteAccess } from '../../../hooks/use-write-access';
import {
  useApprovalRulesForContracts,
  useContractApprovals,
  useRequestContractApprovalMutation,
} from '../../../entities/contracts/approval';

const STATUS_COLOR = { none: 'gray', pending: 'yellow', approved: 'green', rejected: 'red' };

/**
 * Contract approval (issue 20): a contract above the workspace's threshold becomes active only once a contract
 * approval for its amount is approved (shared/rules/contract-approval.ts). Shows where the request stands and
 * offers "request approval" while none is pending or approved.
 */
export function ContractApprovalCard({ contract }: { contract: Contract }) {
  const { t, i18n } = useTranslation();
  const rules = useApprovalRulesForContracts();
  const approvals = useContractApprovals(contract.id);
  const request = useRequestContractApprovalMutation();
  const canWrite = useWriteAccess('contracts', contract).canWrite;
  if (!rules.data || !approvals.data) return null;
  const money = (amount: number) => formatMoney(amount, i18n.language);
  const threshold = rules.data.contractThreshold;
  if (!contractNeedsApproval(contract.amount, rules.data)) return null;

  const list = approvals.data;
  const approved = hasContractApproval(contract, list);
  const pending = pendingContractApproval(contract.id, list);
  const latest = list.filter((a) => a.kind === 'contract').at(-1);
  const state = approved ? 'approved' : pending ? 'pending' : (latest?.status ?? 'none');

  const handleRequest = () =>
    request.mutate(contract, {
      onSuccess: () =>
        notifications.show({ color: 'green', message: t('contractApproval.requested') }),
      onError: (error) => reportWriteError(error, t),
    });

  return (
    <Card withBorder data-testid="contract-approval-card">
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={4}>{t('contractApproval.title')}</Title>
          <Badge color={STATUS_COLOR[state]} variant="light" data-testid="contract-approval-status">
            {t(`contractApproval.status.${state}`)}
          </Badge>
        </Group>
        <Text size="sm">
          {t('contractApproval.needed', {
            amount: money(contract.amount),
            threshold: money(threshold),
          })}
        </Text>
        {latest?.comment && (
          <Text size="sm" c="dimmed">
            {latest.comment}
          </Text>
        )}
        {canWrite && !approved && !pending && (
          <Group>
            <Button
              leftSection={<IconSend size={16} />}
              onClick={handleRequest}
              loading={request.isPending}
              data-testid="request-contract-approval"
            >
              {t('contractApproval.request')}
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}
