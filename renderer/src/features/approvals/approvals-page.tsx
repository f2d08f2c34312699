import { useMemo, useState } from 'react';
import { Alert, Anchor, Button, Drawer, SegmentedControl, Stack, Table } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Approval } from '@shared/domain';
import { canDecide } from '@shared/rules';
import { PageHeader } from '../../components/page-header';
import { formatDateTime, formatMoney } from '../../components/format';
import { useRepositories, useWorkspace } from '../../hooks/use-workspace';
import { memberKeys, useUserMap } from '../../entities/members/queries';
import { useApprovalsQuery } from '../../entities/approvals/queries';
import { ApprovalDetail } from './components/approval-detail';
import { ApprovalStatusBadge, stepApprovers } from './components/approval-parts';
import { ExpenseRequestModal } from './components/expense-request-modal';

const TABS = ['waiting', 'mine', 'all'] as const;
type Tab = (typeof TABS)[number];

/**
 * Approvals (审批, issue 20): what waits on me, my requests, and everything I can see; a row opens the request
 * with its context and decision history (`/approvals/:id`). Works from the replica, offline too.
 */
export function ApprovalsPage() {
  const { t, i18n } = useTranslation();
  const { id } = useParams();
  const navigate = useNavigate();
  const { session } = useWorkspace();
  const repos = useRepositories();
  const viewerId = session.userId;
  const approvals = useApprovalsQuery();
  const users = useUserMap();
  const teams = useQuery({ queryKey: memberKeys.teams(), queryFn: () => repos.members.teams() });
  const [tab, setTab] = useState<Tab>('waiting');
  const [requesting, setRequesting] = useState(false);

  const rows = useMemo(() => {
    const all = approvals.data ?? [];
    const members = [...users.values(), ...(teams.data ?? [])];
    switch (tab) {
      case 'waiting':
        return all.filter((a) => canDecide(a, viewerId, members));
      case 'mine':
        return all.filter((a) => a.requesterId === viewerId);
      case 'all':
        return all;
    }
  }, [approvals.data, users, teams.data, tab, viewerId]);
  const selected = id ? (approvals.data ?? []).find((a) => a.id === id) : undefined;

  const currentStep = (approval: Approval): string => {
    const step = approval.status === 'pending' ? approval.steps[approval.currentStep] : undefined;
    if (!step) return '';
    const who = stepApprovers(t, i18n.language, step, users);
    return approval.steps.length > 1
      ? `${t('approvals.stepOf', { n: approval.currentStep + 1, total: approval.steps.length })} · ${who}`
      : who;
  };

  return (
    <Stack gap="md">
      <PageHeader title={t('approvals.title')}>
        <Button
          leftSection={<IconPlus size={16} />}
          onClick={() => setRequesting(true)}
          data-testid="approvals-new-expense"
        >
          {t('approvals.newExpense')}
        </Button>
      </PageHeader>
      <SegmentedControl
        value={tab}
        onChange={(value) => setTab(value)}
        data={TABS.map((value) => ({ value, label: t(`approvals.tabs.${value}`) }))}
        data-testid="approvals-tabs"
        style={{ alignSelf: 'flex-start' }}
      />
      {approvals.isSuccess && rows.length === 0 ? (
        <Alert color="gray" data-testid="approvals-empty">
          {t(`approvals.empty.${tab}`)}
        </Alert>
      ) : (
        <Table highlightOnHover data-testid="approvals-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('approvals.columns.title')}</Table.Th>
              <Table.Th>{t('approvals.columns.kind')}</Table.Th>
              <Table.Th>{t('approvals.columns.amount')}</Table.Th>
              <Table.Th>{t('approvals.columns.requester')}</Table.Th>
              <Table.Th>{t('approvals.columns.status')}</Table.Th>
              <Table.Th>{t('approvals.columns.step')}</Table.Th>
              <Table.Th>{t('approvals.columns.requestedAt')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((approval) => (
              <Table.Tr
                key={approval.id}
                style={{ cursor: 'pointer' }}
                onClick={() => void navigate(`/approvals/${approval.id}`)}
                data-testid="approval-row"
              >
                <Table.Td>
                  <Anchor
                    component={Link}
                    to={`/approvals/${approval.id}`}
                    onClick={(e) => e.stopPropagation()}
                    fw={500}
                  >
                    {approval.title}
                  </Anchor>
                </Table.Td>
                <Table.Td>{t(`lists.approvalKind.${approval.kind}`)}</Table.Td>
                <Table.Td>{formatMoney(approval.amount, i18n.language)}</Table.Td>
                <Table.Td>{users.get(approval.requesterId)?.name ?? ''}</Table.Td>
                <Table.Td>
                  <ApprovalStatusBadge status={approval.status} />
                </Table.Td>
                <Table.Td>{currentStep(approval)}</Table.Td>
                <Table.Td>{formatDateTime(approval.createdAt)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Drawer
        opened={!!id}
        onClose={() => void navigate('/approvals')}
        position="right"
        size="xl"
        title={t('approvals.detail.title')}
        closeButtonProps={{ 'aria-label': t('approvals.detail.close') }}
      >
        {selected && <ApprovalDetail approval={selected} users={users} viewerId={viewerId} />}
      </Drawer>
      <ExpenseRequestModal opened={requesting} onClose={() => setRequesting(false)} />
    </Stack>
  );
}
