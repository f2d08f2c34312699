import { useMemo, useState } from 'react';
import { Anchor, Badge, Card, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import {
  AGE_BUCKETS,
  collectionsAging,
  type AgeBucket,
  type OverdueInstalment,
} from '@shared/rules/collections-aging';
import { formatMoney, todayString } from '../../components/format';
import { PageHeader } from '../../components/page-header';
import { VirtualTable, type Column } from '../../components/virtual-table';
import { ExportMenu } from '../../components/export-menu';
import { useRepositories } from '../../hooks/use-workspace';
import { useAccountNames } from '../../entities/accounts/queries';
import { contractKeys } from '../../entities/contracts/queries';
import { useUserMap, useUserOptions } from '../../entities/members/queries';
import { useFieldHider } from '../../entities/settings/field-policy';

const BUCKET_COLOR: Record<AgeBucket, string> = {
  d0to30: 'yellow',
  d31to60: 'orange',
  d61to90: 'red',
  d90plus: 'grape',
};

/**
 * 回款账龄 (issue 20): overdue instalments of the contracts this replica holds, by owner and age bucket
 * (shared/rules/collections-aging.ts decides what is overdue and where it falls), with the list to chase and export.
 */
export function CollectionsPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const repos = useRepositories();
  const [ownerId, setOwnerId] = useState('');
  const today = todayString();
  const hides = useFieldHider('contracts');
  const contracts = useQuery({
    queryKey: [...contractKeys.all, 'collecting', today, ownerId],
    queryFn: () => repos.contracts.collecting(today, ownerId || undefined),
  });
  const aging = useMemo(
    () =>
      collectionsAging(
        // Amounts the field policy hides from this person are not added up here either.
        (contracts.data ?? []).filter((c) => !hides(c, 'paymentPlan') && !hides(c, 'payments')),
        today,
      ),
    [contracts.data, today, hides],
  );
  const users = useUserMap();
  const userOptions = useUserOptions();
  const accountIds = useMemo(() => aging.instalments.map((i) => i.accountId), [aging]);
  const accountNames = useAccountNames(accountIds);
  const money = (amount: number) => formatMoney(amount, i18n.language);
  const ownerName = (id: string) => (id ? (users.get(id)?.name ?? id) : t('collections.noOwner'));

  const columns = useMemo<Column<OverdueInstalment>[]>(() => {
    const fmt = (amount: number) => formatMoney(amount, i18n.language);
    const account = (i: OverdueInstalment) => accountNames.get(i.accountId) ?? '';
    const owner = (i: OverdueInstalment) =>
      i.ownerId ? (users.get(i.ownerId)?.name ?? i.ownerId) : t('collections.noOwner');
    return [
      {
        key: 'contract',
        header: t('collections.contract'),
        width: 'minmax(200px, 2fr)',
        render: (i) => (
          <Text size="sm" truncate>
            <Text span ff="monospace" size="sm">
              {i.contractNumber}
            </Text>{' '}
            {i.contractTitle}
          </Text>
        ),
        export: { type: 'text', value: (i) => `${i.contractNumber} ${i.contractTitle}` },
      },
      {
        key: 'account',
        header: t('collections.account'),
        width: 'minmax(160px, 2fr)',
        render: account,
        export: { type: 'text', value: account },
      },
      {
        key: 'owner',
        header: t('collections.owner'),
        width: 110,
        render: owner,
        export: { type: 'text', value: owner },
      },
      {
        key: 'dueDate',
        header: t('collections.dueDate'),
        width: 110,
        render: (i) => i.dueDate,
        export: { type: 'date', value: (i) => i.dueDate },
      },
      {
        key: 'daysOverdue',
        header: t('collections.daysOverdue'),
        width: 130,
        render: (i) => (
          <Badge color={BUCKET_COLOR[i.bucket]} variant="light" data-testid="days-overdue">
            {i.daysOverdue}
          </Badge>
        ),
        export: { type: 'number', value: (i) => i.daysOverdue },
      },
      {
        key: 'bucket',
        header: t('collections.bucket'),
        width: 110,
        render: (i) => t(`collections.buckets.${i.bucket}`),
        export: { type: 'text', value: (i) => t(`collections.buckets.${i.bucket}`) },
      },
      {
        key: 'outstanding',
        header: t('collections.outstanding'),
        width: 140,
        render: (i) => fmt(i.outstanding),
        export: { type: 'money', value: (i) => i.outstanding },
      },
    ];
  }, [t, i18n.language, accountNames, users]);

  const visibleOwners = ownerId ? aging.owners.filter((o) => o.ownerId === ownerId) : aging.owners;
  const visibleInstalments = ownerId
    ? aging.instalments.filter((i) => i.ownerId === ownerId)
    : aging.instalments;

  return (
    <Stack data-testid="collections-page">
      <PageHeader title={t('collections.title')}>
        <Select
          aria-label={t('collections.owner')}
          placeholder={t('collections.allOwners')}
          data={userOptions}
          value={ownerId || null}
          onChange={(value) => setOwnerId(value ?? '')}
          clearable
          searchable
          data-testid="collections-owner-filter"
        />
        <ExportMenu
          columns={columns}
          source={() => visibleInstalments}
          total={visibleInstalments.length}
          name={t('collections.exportName')}
          testId="collections-export"
        />
      </PageHeader>
      <Text size="sm" c="dimmed">
        {t('collections.description')}
      </Text>
      <Card withBorder>
        <Table striped data-testid="collections-aging-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('collections.owner')}</Table.Th>
              {AGE_BUCKETS.map((bucket) => (
                <Table.Th key={bucket} ta="right">
                  {t(`collections.buckets.${bucket}`)}
                </Table.Th>
              ))}
              <Table.Th ta="right">{t('collections.total')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {visibleOwners.map((row) => (
              <Table.Tr key={row.ownerId} data-testid="aging-owner-row" data-owner={row.ownerId}>
                <Table.Td>{ownerName(row.ownerId)}</Table.Td>
                {AGE_BUCKETS.map((bucket) => (
                  <Table.Td key={bucket} ta="right" data-bucket={bucket}>
                    {row.buckets[bucket] ? money(row.buckets[bucket]) : '—'}
                  </Table.Td>
                ))}
                <Table.Td ta="right" fw={600} data-bucket="total">
                  {money(row.total)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
          {!ownerId && (
            <Table.Tfoot>
              <Table.Tr data-testid="aging-totals-row">
                <Table.Th>{t('collections.totals')}</Table.Th>
                {AGE_BUCKETS.map((bucket) => (
                  <Table.Th key={bucket} ta="right" data-bucket={bucket}>
                    {money(aging.totals.buckets[bucket])}
                  </Table.Th>
                ))}
                <Table.Th ta="right" data-bucket="total">
                  {money(aging.totals.total)}
                </Table.Th>
              </Table.Tr>
            </Table.Tfoot>
          )}
        </Table>
        {!contracts.isLoading && aging.instalments.length === 0 && (
          <Text size="sm" c="dimmed" mt="sm" data-testid="collections-empty">
            {t('collections.empty')}
          </Text>
        )}
      </Card>
      <Title order={4}>
        {t('collections.instalments')}{' '}
        <Anchor component={Link} to="/contracts" size="sm">
          {t('contracts.title')}
        </Anchor>
      </Title>
      <VirtualTable
        rows={visibleInstalments}
        columns={columns}
        rowKey={(i) => `${i.contractId}:${i.planItemId}`}
        onRowClick={(i) => void navigate(`/contracts/${i.contractId}`)}
        label={t('collections.instalments')}
        positionKey="collections"
        loading={contracts.isLoading}
        testId="collections-instalments"
        height={420}
      />
    </Stack>
  );
}
