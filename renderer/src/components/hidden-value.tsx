import { Group, Text } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/**
 * What a field the field policy hides from this person shows instead of its value: the replica holds a
 * neutral value there (0, empty), which must not read as a real zero or an empty field.
 */
export function HiddenValue({ testId }: { testId?: string }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="nowrap" component="span" data-testid={testId} data-hidden-field="true">
      <IconLock size={14} aria-hidden />
      <Text size="sm" c="dimmed" component="span">
        {t('fieldPolicy.hidden')}
      </Text>
    </Group>
  );
}
