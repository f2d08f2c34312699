import { Alert, Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DuplicateKind, DuplicateReason } from '@shared/rules/duplicates';
import type { DuplicateElsewhere } from '@shared/sync';
import type { ReplicaDuplicate } from '../../../data/services/duplicate-check';
import { useUserMap } from '../../members/queries';

/** Reasons that say the company is followed (the others say the person is). */
const COMPANY_REASONS: ReadonlySet<DuplicateReason> = new Set(['creditCode', 'name']);

export interface DuplicateItem {
  id: string;
  /** Which collection the record is in; shown when the warning mixes kinds. */
  kind?: DuplicateKind;
  title: string;
  subtitle?: string;
  ownerId: string;
  reasons: DuplicateReason[];
  href: string;
}

/** Where a duplicate of each kind opens (a contact opens on its account's page when it has one). */
export function duplicateHref(kind: DuplicateKind, id: string, accountId = ''): string {
  if (kind === 'accounts') return `/accounts/${id}`;
  if (kind === 'leads') return `/leads/${id}`;
  return accountId ? `/accounts/${accountId}` : '/contacts';
}

/** The replica's matches (services/duplicate-check.ts) as warning rows. */
export function duplicateItems(matches: readonly ReplicaDuplicate[]): DuplicateItem[] {
  return matches.map((match) => ({
    id: match.id,
    kind: match.kind,
    title: match.title,
    subtitle: match.subtitle,
    ownerId: match.ownerId,
    reasons: match.reasons,
    href: duplicateHref(match.kind, match.id, match.accountId),
  }));
}

/**
 * 防撞单: the existing records a new one collides with and who owns them (from the replica), and who else in the
 * workspace follows the same company outside this person's view (from the server: owner and team only).
 */
export function DuplicateWarning({
  items,
  elsewhere = [],
  testId = 'duplicate-warning',
}: {
  items: DuplicateItem[];
  elsewhere?: DuplicateElsewhere[];
  testId?: string;
}) {
  const { t } = useTranslation();
  const users = useUserMap();
  if (items.length === 0 && elsewhere.length === 0) return null;
  return (
    <Alert
      color="orange"
      icon={<IconAlertTriangle />}
      title={t('accounts.duplicate.title')}
      data-testid={testId}
    >
      {items.length > 0 && (
        <Text size="sm" mb="xs">
          {t('accounts.duplicate.description')}
        </Text>
      )}
      <Stack gap={6}>
        {items.map((item) => (
          <Group key={`${item.kind ?? ''}:${item.id}`} gap="xs" wrap="wrap">
            {item.kind && (
              <Badge size="sm" color="gray" variant="outline">
                {t(`inbox.kinds.${item.kind}`)}
              </Badge>
            )}
            <Anchor component={Link} to={item.href} fw={600} target="_blank">
              {item.title}
            </Anchor>
            {item.subtitle && (
              <Text size="sm" c="dimmed">
                {item.subtitle}
              </Text>
            )}
            {item.reasons.map((reason) => (
              <Badge key={reason} size="sm" color="orange" variant="light">
                {t(`accounts.duplicate.reason.${reason}`)}
              </Badge>
            ))}
            <Text size="sm">
              {t('accounts.duplicate.owner', {
                owner: users.get(item.ownerId)?.name ?? t('common.unknown'),
              })}
            </Text>
          </Group>
        ))}
        {elsewhere.map((match) => (
          <Group
            key={`${match.kind}:${match.reason}:${match.ownerName}:${match.teamName}`}
            gap="xs"
            wrap="wrap"
            data-testid="duplicate-elsewhere"
          >
            <Text size="sm" fw={600}>
              {t(
                `accounts.duplicate.elsewhere.${COMPANY_REASONS.has(match.reason) ? 'company' : 'person'}`,
                {
                  owner: match.ownerName || t('common.unknown'),
                  team: match.teamName || t('inbox.noTeam'),
                },
              )}
            </Text>
            <Badge size="sm" color="orange" variant="light">
              {t(`accounts.duplicate.reason.${match.reason}`)}
            </Badge>
          </Group>
        ))}
      </Stack>
    </Alert>
  );
}
