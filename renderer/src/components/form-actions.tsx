import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { WriteAccess } from '../hooks/use-write-access';
import { ReadOnlyMarker } from './read-only-marker';

/**
 * A record form's footer: cancel, and save (the form's submit button, busy while the write runs). For a record
 * the person may not write (`access`), the read-only marker and a close button instead: no save.
 */
export function FormActions({
  onCancel,
  saving,
  saveTestId,
  access,
}: {
  onCancel: () => void;
  saving: boolean;
  saveTestId: string;
  access?: WriteAccess;
}) {
  const { t } = useTranslation();
  if (access && !access.canWrite)
    return (
      <Group justify="space-between" mt="md">
        <ReadOnlyMarker access={access} />
        <Button variant="default" onClick={onCancel}>
          {t('common.close')}
        </Button>
      </Group>
    );
  return (
    <Group justify="flex-end" mt="md">
      <Button variant="default" onClick={onCancel}>
        {t('common.cancel')}
      </Button>
      <Button type="submit" loading={saving} data-testid={saveTestId}>
        {t('common.save')}
      </Button>
    </Group>
  );
}
