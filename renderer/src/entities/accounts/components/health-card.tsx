import { Badge, Card, Group, Progress, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { Account } from '@shared/domain';
import type { AccountHealth, HealthBand, HealthPart } from '@shared/rules';
import { formatMoney } from '../../../components/format';
import { useAccountHealth, useHealthScoringQuery } from '../health';

/** The band's color: green healthy, yellow watch, red at risk. */
export const HEALTH_COLORS: Record<HealthBand, string> = {
  healthy: 'green',
  watch: 'yellow',
  risk: 'red',
};

/** Why a part cost what it did, in the reader's language ("2 个超时工单"). */
export function healthReason(part: HealthPart, t: TFunction, language: string): string {
  switch (part.kind) {
    case 'recency':
      return part.days === null
        ? t('health.reason.recencyNever')
        : t('health.reason.recency', { days: part.days });
    case 'openTickets':
      return t('health.reason.openTickets', { count: part.count });
    case 'breachedTickets':
      return t('health.reason.breachedTickets', { count: part.count });
    case 'csat':
      return part.average === null
        ? t('health.reason.csatNone')
        : t('health.reason.csat', { average: part.average, answers: part.answers });
    case 'nps':
      return part.nps === null
        ? t('health.reason.npsNone')
        : t('health.reason.nps', { nps: part.nps, answers: part.answers });
    case 'overduePayments':
      return t('health.reason.overduePayments', {
        count: part.count,
        amount: formatMoney(part.amount, language),
      });
    case 'renewal':
      if (part.days === null) return t('health.reason.renewalNone');
      return part.days < 0
        ? t('health.reason.renewalLapsed', { endDate: part.endDate })
        : t('health.reason.renewal', { days: part.days, endDate: part.endDate });
  }
}

/** The score as a colored badge (lists, renewals), with the churn-risk tag when it applies. */
export function HealthBadge({ health }: { health: AccountHealth }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="nowrap" data-testid="health-badge">
      <Tooltip label={t(`health.band.${health.band}`)}>
        <Badge color={HEALTH_COLORS[health.band]} variant="light" miw="max-content">
          {health.score}
        </Badge>
      </Tooltip>
      {health.churnRisk && (
        <Badge color="red" variant="filled" miw="max-content" data-testid="health-churn-badge">
          {t('health.churnRisk')}
        </Badge>
      )}
    </Group>
  );
}

/**
 * The account page's Health card (issue 21): the score in its band's color, the churn-risk tag with its reasons,
 * and each part's deduction with why. The numbers are the shared rule's (shared/rules/account-health.ts).
 */
export function HealthCard({ account }: { account: Pick<Account, 'id' | 'lastActivityAt'> }) {
  const { t, i18n } = useTranslation();
  const health = useAccountHealth(account);
  const rules = useHealthScoringQuery();
  const data = health.data;

  return (
    <Card withBorder data-testid="health-card">
      <Group justify="space-between" mb="xs">
        <Title order={4}>{t('health.title')}</Title>
        {data && (
          <Group gap="xs">
            <Badge
              size="lg"
              color={HEALTH_COLORS[data.band]}
              variant="filled"
              data-testid="health-score"
              data-band={data.band}
            >
              {data.score}
            </Badge>
            <Badge color={HEALTH_COLORS[data.band]} variant="light" data-testid="health-band">
              {t(`health.band.${data.band}`)}
            </Badge>
          </Group>
        )}
      </Group>
      {!data ? (
        <Text size="sm" c="dimmed">
          {t('health.loading')}
        </Text>
      ) : (
        <Stack gap="xs">
          <Progress
            value={data.score}
            color={HEALTH_COLORS[data.band]}
            aria-label={t('health.scoreLabel')}
          />
          <Group gap="xs">
            {data.churnRisk && (
              <Badge color="red" variant="filled" data-testid="health-churn-badge">
                {t('health.churnRisk')}
              </Badge>
            )}
            {data.churnReasons.map((reason) => (
              <Text key={reason} size="xs" c="red" data-testid={`health-churn-${reason}`}>
                {reason === 'low'
                  ? t('health.churnReason.low', { threshold: rules.data?.churnBelow ?? '' })
                  : t('health.churnReason.drop', { points: data.previousScore - data.score })}
              </Text>
            ))}
            <Text size="xs" c="dimmed" data-testid="health-previous">
              {t('health.previous', { score: data.previousScore })}
            </Text>
          </Group>
          <Table withRowBorders={false} verticalSpacing={4} data-testid="health-parts">
            <Table.Tbody>
              {data.parts.map((part) => (
                <Table.Tr key={part.kind} data-testid={`health-part-${part.kind}`}>
                  <Table.Td>
                    <Text size="sm">{t(`health.part.${part.kind}`)}</Text>
                    <Text size="xs" c="dimmed">
                      {healthReason(part, t, i18n.language)}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">
                    <Text
                      size="sm"
                      fw={part.points < 0 ? 600 : undefined}
                      c={part.points < 0 ? 'red' : 'dimmed'}
                      data-testid={`health-points-${part.kind}`}
                    >
                      {part.points < 0 ? `−${-part.points}` : '0'}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      )}
    </Card>
  );
}
