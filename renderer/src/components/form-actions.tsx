import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A record form's footer: cancel, and save (the form's submit button, busy while the write runs). */
export function FormActions({
  onCancel,
  saving,
  saveTestId,
}: {
  onCancel: () => void;
  saving: boolean;
  saveTestId: string;
}) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel}>
        {t('common.cancel')}
      </Button>
      <Button type="submit" loading={saving} data-testid={saveTestId}>
        {t('common.save')}
      </Button>
    </Group>
  );
}
