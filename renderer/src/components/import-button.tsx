import { Button } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ImportKind } from '@shared/import/header-guess';

/** "Import" in a list's header, next to Export: opens the import wizard for that list's kind (issue 17). */
export function ImportButton({ kind }: { kind: ImportKind }) {
  const { t } = useTranslation();
  return (
    <Button
      component={Link}
      to={`/import?kind=${kind}`}
      variant="default"
      leftSection={<IconUpload size={16} />}
      aria-label={t('import.openLabel', { kind: t(`import.kinds.${kind}`) })}
      data-testid={`${kind}-import`}
    >
      {t('import.open')}
    </Button>
  );
}
