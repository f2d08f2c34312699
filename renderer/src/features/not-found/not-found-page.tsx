import { Button, Stack, Text, Title } from '@mantine/core';
import { IconSun } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';

/** What an address without a page shows (issue 16: it used to show My day as if nothing were wrong). */
export function NotFoundPage() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  return (
    <Stack align="flex-start" gap="sm" py="xl" data-testid="not-found">
      <Title order={2}>{t('shell.notFound.title')}</Title>
      <Text>{t('shell.notFound.description', { path: pathname })}</Text>
      <Button
        component={Link}
        to="/"
        leftSection={<IconSun size={16} />}
        data-testid="not-found-home"
      >
        {t('shell.notFound.back')}
      </Button>
    </Stack>
  );
}
