import { TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * A form field the field policy hides from this person: read-only, showing the hidden marker instead of the
 * neutral value the replica holds, so nobody mistakes it for an empty field or overwrites it.
 */
export function HiddenFieldInput({ label, testId }: { label: string; testId?: string }) {
  const { t } = useTranslation();
  return (
    <TextInput
      label={label}
      value={t('fieldPolicy.hidden')}
      description={t('fieldPolicy.hiddenHint')}
      readOnly
      disabled
      data-testid={testId}
      data-hidden-field="true"
    />
  );
}
