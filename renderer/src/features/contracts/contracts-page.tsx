import { useMemo } from 'react';
import { Badge, Button, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Contract } from '@shared/domain';
import { outstanding, receivedTotal } from '@shared/rules/contract-math';
import { formatMoney, todayString } from '../../components/format';
import { PageHeader } from '../../components/page-header';
import { VirtualTable, type Column } from '../../components/virtual-table';
import { useAccountNames, useExportAccountNames } from '../../entities/accounts/queries';
import { useContractList } from '../../entities/contracts/queries';
import { CONTRACT_STATUS_COLOR, overdueAmount } from '../../entities/contracts/plan-status';
import { ContractFormModal } from '../../entities/contracts/components/contract-form-modal';
import { useWriteAccess } from '../../hooks/use-write-access';
import { useShortcut } from '../../components/shortcuts/use-shortcut';
import { HiddenValue } from '../../components/hidden-value';
import { useFieldHider } from '../../entities/settings/field-policy';
import { ExportMenu } from '../../components/export-menu';
import { usePendingRowMark } from '../../entities/sync/components/pending-mark';

/** 合同: every contract with what has been collected, what is still owed and what is overdue (回款). */
export function ContractsPage() {
  const { t, i18n } = useTranslation();
  const pendingMark = usePendingRowMark('contracts');
  // Who may not create here (a viewer) gets no new-record button.
  const canCreate = useWriteAccess('contracts', null).canWrite;
  const navigate = useNavigate();
  const { rows, loadMore, fetchMore, isLoading, exportPages } = useContractList();
  const { names: exportNames, withNames } = useExportAccountNames();
  const accountIds = useMemo(() => rows.map((c) => c.accountId), [rows]);
  const accountNames = useAccountNames(accountIds);
  const [formOpened, form] = useDisclosure(false);
  useShortcut('newRecord', canCreate ? form.open : null);
  const hides = useFieldHider('contracts');

  const columns = useMemo<Column<Contract>[]>(() => {
    const money = (amount: number) => formatMoney(amount, i18n.language);
    const today = todayString();
    const accountName = (c: Contract) =>
      accountNames.get(c.accountId) ?? exportNames.get(c.accountId) ?? '';
    return [
      {
        key: 'number',
        header: t('fields.contractNumber'),
        width: 160,
        render: (c) => (
          <Text size="sm" ff="monospace" truncate>
            {c.number}
          </Text>
        ),
        export: { type: 'text', value: (c) => c.number },
      },
      {
        key: 'title',
        header: t('fields.contractTitle'),
        width: 'minmax(180px, 2fr)',
        render: (c) => (
          <Text size="sm" fw={500} truncate data-testid="contract-row-title">
            {c.title}
          </Text>
        ),
        export: { type: 'text', value: (c) => c.title },
      },
      {
        key: 'account',
        header: t('fields.accountId'),
        width: 'minmax(160px, 2fr)',
        render: accountName,
        export: { type: 'text', value: accountName },
      },
      {
        key: 'status',
        header: t('fields.status'),
        width: 90,
        render: (c) => (
          <Badge size="sm" variant="light" color={CONTRACT_STATUS_COLOR[c.status]}>
            {t(`lists.contractStatus.${c.status}`)}
          </Badge>
        ),
        export: { type: 'text', value: (c) => t(`lists.contractStatus.${c.status}`) },
      },
      {
        key: 'amount',
        header: t('fields.amount'),
        width: 130,
        render: (c) => (hides(c, 'amount') ? <HiddenValue /> : money(c.amount)),
        export: { type: 'money', value: (c) => (hides(c, 'amount') ? null : c.amount) },
      },
      {
        key: 'received',
        header: t('contracts.received'),
        width: 130,
        render: (c) => (hides(c, 'payments') ? <HiddenValue /> : money(receivedTotal(c))),
        export: {
          type: 'money',
          value: (c) => (hides(c, 'payments') ? null : receivedTotal(c)),
        },
      },
      {
        key: 'outstanding',
        header: t('contracts.outstanding'),
        width: 130,
        render: (c) => (hides(c, 'payments') ? <HiddenValue /> : money(outstanding(c))),
        export: { type: 'money', value: (c) => (hides(c, 'payments') ? null : outstanding(c)) },
      },
      {
        key: 'overdue',
        header: t('contracts.overdue'),
        width: 150,
        render: (c) => {
          if (hides(c, 'paymentPlan')) return <HiddenValue />;
          const overdue = overdueAmount(c, today);
          return overdue > 0 ? (
            <Badge color="red" variant="light" data-testid="overdue-badge">
              {t('contracts.overdueBadge', { amount: money(overdue) })}
            </Badge>
          ) : null;
        },
        // The overdue amount as a number (the list shows it as a badge; none is empty).
        export: {
          type: 'money',
          value: (c) => {
            if (hides(c, 'paymentPlan')) return null;
            const overdue = overdueAmount(c, today);
            return overdue > 0 ? overdue : null;
          },
        },
      },
      {
        key: 'endDate',
        header: t('fields.endDate'),
        width: 110,
        render: (c) => c.endDate,
        export: { type: 'date', value: (c) => c.endDate },
      },
    ];
  }, [t, i18n.language, accountNames, exportNames, hides]);

  return (
    <>
      <PageHeader title={t('contracts.title')}>
        <ExportMenu
          columns={columns}
          source={() => withNames(exportPages(), (c) => c.accountId)}
          name={t('contracts.title')}
          testId="contracts-export"
        />
        {canCreate && (
          <Button
            leftSection={<IconPlus size={16} />}
            onClick={form.open}
            data-testid="new-contract"
          >
            {t('contracts.new')}
          </Button>
        )}
      </PageHeader>
      <VirtualTable
        rows={rows}
        columns={columns}
        rowKey={(c) => c.id}
        onRowClick={(c) => void navigate(`/contracts/${c.id}`)}
        label={t('contracts.title')}
        positionKey="contracts"
        sequence={{ kind: 'contracts', href: (c) => `/contracts/${c.id}`, fetchMore }}
        onEndReached={loadMore}
        loading={isLoading}
        testId="contract-table"
        rowMark={(c) => pendingMark(c.id)}
      />
      <ContractFormModal
        opened={formOpened}
        onClose={form.close}
        onSaved={(c) => void navigate(`/contracts/${c.id}`)}
      />
    </>
  );
}
