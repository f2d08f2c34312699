import { useState } from 'react';
import { Anchor, Button, Card, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { RENEWAL_WINDOWS, daysUntil, type RenewalWindow } from '@shared/rules';
import { PageHeader } from '../../components/page-header';
import { formatMoney, todayString } from '../../components/format';
import { reportWriteError } from '../../components/write-errors';
import { HiddenValue } from '../../components/hidden-value';
import { useFieldHider } from '../../entities/settings/field-policy';
import { useUserMap } from '../../entities/members/queries';
import { HealthBadge } from '../../entities/accounts/components/health-card';
import { useCreateRenewalDealMutation, useRenewals } from '../../entities/accounts/health';
import type { RenewalRow } from '../../data/services/account-health';

/**
 * Renewals (续约, issue 21): active contracts ending in the next 30/60/90 days with their account, owner, value,
 * days left and the account's health; a renewal deal is created from a row in one click, and the row then links
 * to it (its id comes from the contract and term: shared/rules/renewals.ts, so it is never made twice).
 */
export function RenewalsPage() {
  const { t, i18n } = useTranslation();
  const [days, setDays] = useState<RenewalWindow>(30);
  const renewals = useRenewals(days);
  const users = useUserMap();
  const hidesContract = useFieldHider('contracts');
  const create = useCreateRenewalDealMutation();
  const today = todayString();
  const rows = renewals.data ?? [];

  const handleCreate = (row: RenewalRow) => {
    const name = t('renewals.dealName', { title: row.contract.title });
    create.mutate(
      { contract: row.contract, name },
      {
        onSuccess: (deal) =>
          notifications.show({
            color: 'green',
            message: t('renewals.created', { name: deal.name }),
          }),
        onError: (error) => reportWriteError(error, t),
      },
    );
  };

  return (
    <Stack data-testid="renewals-page">
      <PageHeader title={t('renewals.title')}>
        <SegmentedControl
          aria-label={t('renewals.windowLabel')}
          value={String(days)}
          onChange={(value) => setDays(Number(value) as RenewalWindow)}
          data={RENEWAL_WINDOWS.map((n) => ({
            value: String(n),
            label: t(`renewals.window.${n}`),
          }))}
          data-testid="renewals-window"
        />
      </PageHeader>
      <Text size="sm" c="dimmed">
        {t('renewals.description')}
      </Text>
      <Card withBorder p={0}>
        <Table.ScrollContainer minWidth={900}>
          <Table highlightOnHover data-testid="renewals-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('renewals.col.contract')}</Table.Th>
                <Table.Th>{t('renewals.col.account')}</Table.Th>
                <Table.Th>{t('renewals.col.owner')}</Table.Th>
                <Table.Th ta="right">{t('renewals.col.value')}</Table.Th>
                <Table.Th>{t('renewals.col.endDate')}</Table.Th>
                <Table.Th ta="right">{t('renewals.col.daysLeft')}</Table.Th>
                <Table.Th>{t('renewals.col.health')}</Table.Th>
                <Table.Th>{t('renewals.col.renewal')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={row.contract.id} data-testid="renewal-row">
                  <Table.Td>
                    <Anchor component={Link} to={`/contracts/${row.contract.id}`}>
                      {row.contract.title}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {row.contract.number}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {row.account ? (
                      <Anchor component={Link} to={`/accounts/${row.account.id}`}>
                        {row.account.name}
                      </Anchor>
                    ) : (
                      '—'
                    )}
                  </Table.Td>
                  <Table.Td>{users.get(row.contract.ownerId)?.name ?? '—'}</Table.Td>
                  <Table.Td ta="right">
                    {hidesContract(row.contract, 'amount') ? (
                      <HiddenValue />
                    ) : (
                      formatMoney(row.contract.amount, i18n.language)
                    )}
                  </Table.Td>
                  <Table.Td>{row.contract.endDate}</Table.Td>
                  <Table.Td ta="right" data-testid="renewal-days-left">
                    {t('renewals.daysLeft', { days: daysUntil(today, row.contract.endDate) })}
                  </Table.Td>
                  <Table.Td>{row.health ? <HealthBadge health={row.health} /> : '—'}</Table.Td>
                  <Table.Td>
                    {row.renewalDeal ? (
                      <Anchor
                        component={Link}
                        to={`/deals/${row.renewalDeal.id}`}
                        data-testid="renewal-deal-link"
                      >
                        {row.renewalDeal.name}
                      </Anchor>
                    ) : (
                      <Button
                        size="xs"
                        variant="light"
                        leftSection={<IconPlus size={14} />}
                        loading={
                          create.isPending && create.variables?.contract.id === row.contract.id
                        }
                        onClick={() => handleCreate(row)}
                        data-testid="renewal-create-deal"
                      >
                        {t('renewals.createDeal')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {renewals.isSuccess && rows.length === 0 && (
          <Text size="sm" c="dimmed" p="md" data-testid="renewals-empty">
            {t('renewals.empty')}
          </Text>
        )}
      </Card>
    </Stack>
  );
}
