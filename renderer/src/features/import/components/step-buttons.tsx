import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Back / Next under a step; Next says why it is disabled through the step's own message. */
export function StepButtons({
  onBack,
  onNext,
  nextDisabled,
  nextLoading,
  nextLabel,
}: {
  onBack?: () => void;
  onNext?: () => void;
  nextDisabled?: boolean;
  nextLoading?: boolean;
  nextLabel?: string;
}) {
  const { t } = useTranslation();
  return (
    <Group justify="space-between" mt="lg">
      {onBack ? (
        <Button variant="default" onClick={onBack} data-testid="import-back">
          {t('import.back')}
        </Button>
      ) : (
        <span />
      )}
      {onNext && (
        <Button
          onClick={onNext}
          disabled={nextDisabled}
          loading={nextLoading}
          data-testid="import-next"
        >
          {nextLabel ?? t('import.next')}
        </Button>
      )}
    </Group>
  );
}
