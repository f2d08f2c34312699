import { Alert, Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DuplicateReason } from '@shared/rules/duplicates';
import { useUserMap } from '../../members/queries';

export interface DuplicateItem {
  id: string;
  title: string;
  subtitle?: string;
  ownerId: string;
  reasons: DuplicateReason[];
  href: string;
}

/** 防撞单: shows the existing records a new one collides with, and who owns them. */
export function DuplicateWarning({ items }: { items: DuplicateItem[] }) {
  const { t } = useTranslation();
  const users = useUserMap();
  if (items.length === 0) return null;
  return (
    <Alert
      color="orange"
      icon={<IconAlertTriangle />}
      title={t('accounts.duplicate.title')}
      data-testid="duplicate-warning"
    >
      <Text size="sm" mb="xs">
        {t('accounts.duplicate.description')}
      </Text>
      <Stack gap={6}>
        {items.map((item) => (
          <Group key={item.id} gap="xs" wrap="wrap">
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
      </Stack>
    </Alert>
  );
}
